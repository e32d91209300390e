import { oneLine } from './user-text.js';

/** Open inline markup wherever they are: emphasis, code, strikethrough, and the brackets of links and images. */
const INLINE_MARKUP = /[\\`*_~[\]]/g;

/** A heading's `#`, opening (at the start) or closing (after a space) it; `C#` stays as it is. */
const HEADING_MARK = /(^|\s)#/g;

/**
 * What starts a quote, a bullet or a rule (`---`), and a numbered item's `.` or `)`, when it begins a line;
 * `-5%` or `1.5x` start nothing and stay as typed.
 */
const QUOTE_OR_BULLET = /^(?:>|[-+](?=\s|$)|-(?=-))/;
const NUMBERED = /^(\d{1,9})([.)])(?=\s|$)/;

/**
 * User text as Markdown that renders as exactly what was typed, on one line: a line break would end a list
 * item or a table row early, `<` would let a renderer take the text for HTML, `&` an entity, and `[`…`](…)`
 * make a link or an image that the text only pretends to be. Characters that are special only next to these
 * (`(`, `)`, `!`, a `>` inside a line) are left as typed, so the page stays readable as plain text.
 */
export function markdownText(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(INLINE_MARKUP, '\\$&')
    .replace(HEADING_MARK, '$1\\#')
    .replace(QUOTE_OR_BULLET, '\\$&')
    .replace(NUMBERED, '$1\\$2');
}

/** A table cell: also `|`, which would otherwise start a new column. */
export function tableCell(text: string): string {
  return markdownText(text).replace(/\|/g, '\\|');
}

/** One row of a table, its cells Markdown already. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A table's header row and the rule under it; its rows (each a `tableRow`) follow, one line a row. */
export function tableHead(header: readonly string[]): string[] {
  return [tableRow(header), `|${header.map(() => '---').join('|')}|`];
}

export function list(items: string[]): string[] {
  return items.map((item) => `- ${markdownText(item)}`);
}

/** Only web links become links: a stored `javascript:` URL must not turn into something to click. */
export function linkTo(title: string, url: string | null): string {
  const label = markdownText(title);
  if (!url) return label;
  if (!/^https?:\/\//i.test(url)) return `${label} (${markdownText(url)})`;
  const target = url.replace(
    /[\s()<>]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${label}](${target})`;
}

/** Sections are joined with a blank line; a section is a list of lines. */
export function section(title: string, ...blocks: string[][]): string[] {
  return [`## ${title}`, ...blocks.filter((b) => b.length > 0).flatMap((b) => ['', ...b])];
}

/** Blocks of lines joined into a document: a blank line between blocks, empty blocks left out. */
export function markdownDocument(blocks: string[][]): string {
  return `${blocks
    .filter((b) => b.length > 0)
    .map((b) => b.join('\n'))
    .join('\n\n')}\n`;
}

/** Blank lines in a stored summary separate paragraphs; other line breaks are just wrapping. */
export function paragraphs(text: string): string[] {
  const parts = text
    .split(/\n\s*\n/)
    .map(markdownText)
    .filter(Boolean);
  return parts.flatMap((p, i) => (i === 0 ? [p] : ['', p]));
}
