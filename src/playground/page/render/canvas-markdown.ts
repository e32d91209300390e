/**
 * Canvas Markdown, as Slack renders a canvas: headings `#` to `###`, paragraphs, bulleted, ordered and
 * check lists, GFM pipe tables, dividers, quotes, code, and inline bold, italic, strikethrough, code, links
 * and mentions (`![](@U…)`, `![](#C…)`). Parsed into a small tree that is only ever shown as text nodes;
 * whatever is not one of these stays as the characters written.
 */

import { decodeEntities } from './mrkdwn.js';

export type CanvasInline =
  | { type: 'text'; text: string }
  | { type: 'bold' | 'italic' | 'strike'; children: CanvasInline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; url: string; children: CanvasInline[] }
  | { type: 'user'; id: string }
  | { type: 'channel'; id: string }
  | { type: 'br' };

export interface CanvasListItem {
  /** Set for a checklist item: whether it is ticked. */
  checked?: boolean;
  children: CanvasInline[];
  /** Lists nested under the item. */
  lists: CanvasList[];
}

export interface CanvasList {
  type: 'list';
  ordered: boolean;
  /** The first item's number (ordered lists). */
  start: number;
  items: CanvasListItem[];
}

export type CellAlign = 'left' | 'center' | 'right' | 'none';

export type CanvasBlock =
  | { type: 'heading'; level: 1 | 2 | 3; children: CanvasInline[] }
  | { type: 'paragraph'; children: CanvasInline[] }
  | CanvasList
  | { type: 'table'; align: CellAlign[]; header: CanvasInline[][]; rows: CanvasInline[][][] }
  | { type: 'divider' }
  | { type: 'quote'; children: CanvasInline[] }
  | { type: 'code'; text: string };

const HEADING = /^ {0,3}(#{1,3})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const DIVIDER = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}```/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const CHECK = /^\[([ xX])\](?:[ \t]+|$)/;
const DELIMITER_CELL = /^:?-+:?$/;

const isBlank = (line: string) => line.trim() === '';

export function parseCanvas(markdown: string): CanvasBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: CanvasBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      i++;
      continue;
    }
    if (FENCE.test(line)) {
      const end = lines.findIndex((l, j) => j > i && FENCE.test(l));
      const stop = end < 0 ? lines.length : end;
      out.push({ type: 'code', text: lines.slice(i + 1, stop).join('\n') });
      i = stop + 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = (heading[1] ?? '#').length as 1 | 2 | 3;
      out.push({ type: 'heading', level, children: parseInline(heading[2] ?? '') });
      i++;
      continue;
    }
    if (DIVIDER.test(line)) {
      out.push({ type: 'divider' });
      i++;
      continue;
    }
    if (tableStarts(lines, i)) {
      i = parseTable(lines, i, out);
      continue;
    }
    if (LIST_ITEM.test(line)) {
      i = parseList(lines, i, out);
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      for (let m = QUOTE.exec(lines[i] ?? ''); m && i < lines.length; m = QUOTE.exec(lines[++i] ?? ''))
        quoted.push(m[1] ?? '');
      out.push({ type: 'quote', children: inlineLines(quoted) });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && !isBlank(lines[i] ?? '') && (paragraph.length === 0 || !startsBlock(lines, i)))
      paragraph.push((lines[i++] ?? '').trim());
    out.push({ type: 'paragraph', children: inlineLines(paragraph) });
  }
  return out;
}

/** Whether line `i` starts a block of its own, ending the paragraph before it. */
function startsBlock(lines: string[], i: number): boolean {
  const line = lines[i] ?? '';
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    DIVIDER.test(line) ||
    LIST_ITEM.test(line) ||
    QUOTE.test(line) ||
    tableStarts(lines, i)
  );
}

/** Lines of one block, each on a line of its own. */
function inlineLines(lines: string[]): CanvasInline[] {
  const out: CanvasInline[] = [];
  lines.forEach((line, n) => {
    if (n > 0) out.push({ type: 'br' });
    out.push(...parseInline(line));
  });
  return out;
}

// --- Lists -------------------------------------------------------------------------------------------

/** Leading white space as columns, a tab to the next multiple of four. */
function indentOf(prefix: string): number {
  let width = 0;
  for (const c of prefix) width = c === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}

function listItem(content: string): CanvasListItem {
  const check = CHECK.exec(content);
  if (!check) return { children: parseInline(content.trim()), lists: [] };
  return {
    checked: check[1] !== ' ',
    children: parseInline(content.slice(check[0].length).trim()),
    lists: [],
  };
}

/**
 * A list from line `start`, with lists nested under items indented by two columns or more; a blank line,
 * or a line that is neither an item nor indented under one, ends it. Answers the line after it.
 */
function parseList(lines: string[], start: number, out: CanvasBlock[]): number {
  type Level = { indent: number; list: CanvasList; parent: CanvasListItem | undefined };
  const stack: Level[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) break;
    const m = DIVIDER.test(line) ? null : LIST_ITEM.exec(line);
    const top = stack.at(-1);
    if (!m) {
      const last = top?.list.items.at(-1);
      // A line indented under an item continues it.
      if (!last || !top || indentOf(/^[ \t]*/.exec(line)?.[0] ?? '') <= (stack[0]?.indent ?? 0)) break;
      last.children.push({ type: 'br' }, ...parseInline(line.trim()));
      continue;
    }
    const indent = indentOf(m[1] ?? '');
    const marker = m[2] ?? '-';
    const ordered = /\d/.test(marker);
    const number = ordered ? Number.parseInt(marker, 10) : 1;
    const item = listItem(m[3] ?? '');
    const newList = (): CanvasList => ({ type: 'list', ordered, start: number, items: [] });
    while (stack.length > 1 && indent < (stack.at(-1)?.indent ?? 0)) stack.pop();
    let level = stack.at(-1);
    const parentItem = level?.list.items.at(-1);
    if (level && parentItem && indent >= level.indent + 2) {
      const list = newList();
      parentItem.lists.push(list);
      level = { indent, list, parent: parentItem };
      stack.push(level);
    } else if (level && level.list.ordered !== ordered) {
      // Another kind of marker at the same depth starts another list.
      if (!level.parent) break;
      level.list = newList();
      level.parent.lists.push(level.list);
    } else if (!level) {
      const list = newList();
      out.push(list);
      level = { indent, list, parent: undefined };
      stack.push(level);
    }
    level.list.items.push(item);
  }
  return i;
}

// --- Tables ------------------------------------------------------------------------------------------

/**
 * A row's cells, split at pipes that are not escaped. `\|` is a pipe inside the cell, even within code,
 * as in GitHub's tables; other escapes are left for the cell's own parse.
 */
export function splitRow(line: string): string[] | undefined {
  const text = line.trim();
  const cells: string[] = [];
  let cell = '';
  let pipes = 0;
  let endsWithPipe = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    endsWithPipe = false;
    if (c === '\\' && i + 1 < text.length) {
      const next = text[i + 1] ?? '';
      cell += next === '|' ? '|' : `\\${next}`;
      i++;
    } else if (c === '|') {
      pipes++;
      cells.push(cell);
      cell = '';
      endsWithPipe = true;
    } else cell += c;
  }
  if (pipes === 0) return undefined;
  if (!endsWithPipe) cells.push(cell);
  if (text.startsWith('|')) cells.shift();
  return cells.map((c) => c.trim());
}

function delimiterRow(line: string): CellAlign[] | undefined {
  const cells = splitRow(line);
  if (!cells?.length || !cells.every((c) => DELIMITER_CELL.test(c))) return undefined;
  return cells.map((c) =>
    c.startsWith(':') && c.endsWith(':')
      ? 'center'
      : c.endsWith(':')
        ? 'right'
        : c.startsWith(':')
          ? 'left'
          : 'none',
  );
}

function tableStarts(lines: string[], i: number): boolean {
  const header = splitRow(lines[i] ?? '');
  const align = delimiterRow(lines[i + 1] ?? '');
  return header !== undefined && align !== undefined && header.length === align.length;
}

/** A table from line `start` (its header and delimiter rows) to the first line without a pipe. */
function parseTable(lines: string[], start: number, out: CanvasBlock[]): number {
  const align = delimiterRow(lines[start + 1] ?? '') ?? [];
  const width = align.length;
  // Rows have the header's width: missing cells are empty, extra ones are dropped, as GitHub does.
  const cellsOf = (cells: string[]) => Array.from({ length: width }, (_, n) => parseInline(cells[n] ?? ''));
  const header = cellsOf(splitRow(lines[start] ?? '') ?? []);
  const rows: CanvasInline[][][] = [];
  let i = start + 2;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const cells = isBlank(line) ? undefined : splitRow(line);
    if (!cells) break;
    rows.push(cellsOf(cells));
  }
  out.push({ type: 'table', align, header, rows });
  return i;
}

// --- Inline ------------------------------------------------------------------------------------------

/** A marker candidate (one character), text that can be no marker, or something already read whole. */
type Item = string | { literal: string } | { atom: CanvasInline };

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const ENTITY = /^&(?:amp|lt|gt);/;
const MENTION = /^!\[\]\(([@#])([A-Z0-9]+)\)/;

/**
 * How deep links and formatting may nest: far beyond what anyone writes, and short of a stack that a
 * megabyte of brackets or markers would overflow (one odd line must not blank the page).
 */
const MAX_NESTING = 8;

/** Link labels and URLs longer than these are not looked for, so stray brackets cost little. */
const MAX_LABEL = 1000;
const MAX_URL = 4000;

export function parseInline(text: string, depth = 0): CanvasInline[] {
  const items: Item[] = [];
  const lastClose = text.lastIndexOf(']');
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (c === '\\' && PUNCTUATION.test(next)) {
      items.push({ literal: next });
      i += 2;
      continue;
    }
    if (c === '&') {
      const entity = ENTITY.exec(text.slice(i, i + 5));
      if (entity) {
        items.push({ literal: decodeEntities(entity[0]) });
        i += entity[0].length;
        continue;
      }
    }
    if (c === '`') {
      const code = codeSpan(text, i);
      if (code) {
        items.push(code.item);
        i = code.end;
        continue;
      }
    }
    if (c === '!' && next === '[') {
      const mention = MENTION.exec(text.slice(i, i + 40));
      if (mention) {
        const id = mention[2] ?? '';
        items.push({ atom: mention[1] === '@' ? { type: 'user', id } : { type: 'channel', id } });
        i += mention[0].length;
        continue;
      }
      // Any other image stays as written: canvases here show no images.
      const image = i + 1 < lastClose ? link(text, i + 1, depth) : undefined;
      if (image) {
        items.push({ literal: text.slice(i, image.end) });
        i = image.end;
        continue;
      }
    }
    if (c === '[' && i < lastClose && depth < MAX_NESTING) {
      const found = link(text, i, depth);
      if (found) {
        items.push(found.node.type === 'text' ? { literal: found.node.text } : { atom: found.node });
        i = found.end;
        continue;
      }
    }
    items.push(c);
    i++;
  }
  return formatted(items, 0, items.length, depth);
}

/** A code span from the backticks at `at` to a run of as many; its text is taken as written. */
function codeSpan(text: string, at: number): { item: Item; end: number } | undefined {
  let run = 0;
  while (text[at + run] === '`') run++;
  const fence = '`'.repeat(run);
  let close = text.indexOf(fence, at + run);
  while (close >= 0 && text[close + run] === '`') {
    let skip = close;
    while (text[skip] === '`') skip++;
    close = text.indexOf(fence, skip);
  }
  if (close < 0) return { item: { literal: fence }, end: at + run };
  let inner = text.slice(at + run, close);
  if (inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ')) inner = inner.slice(1, -1);
  // Entities are decoded even in code: the app escapes every `&`, `<` and `>` of what people typed.
  return { item: { atom: { type: 'code', text: decodeEntities(inner) } }, end: close + run };
}

/**
 * A `[label](url)` starting at `at`, or undefined. Only http(s) URLs become links; any other keeps its
 * label as text, so `javascript:` can never be followed.
 */
function link(text: string, at: number, depth: number): { node: CanvasInline; end: number } | undefined {
  let brackets = 0;
  let close = -1;
  for (let j = at; j < Math.min(text.length, at + MAX_LABEL); j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '[') brackets++;
    else if (c === ']' && --brackets === 0) {
      close = j;
      break;
    }
  }
  if (close < 0 || text[close + 1] !== '(') return undefined;
  let url = '';
  let parens = 0;
  let end = -1;
  for (let j = close + 2; j < Math.min(text.length, close + 2 + MAX_URL); j++) {
    const c = text[j] ?? '';
    if (c === '\\' && PUNCTUATION.test(text[j + 1] ?? '')) {
      url += text[++j];
    } else if (c === '(') {
      parens++;
      url += c;
    } else if (c === ')') {
      if (parens-- === 0) {
        end = j + 1;
        break;
      }
      url += c;
    } else url += c;
  }
  if (end < 0) return undefined;
  const children = parseInline(text.slice(at + 1, close), depth + 1);
  const href = decodeEntities(url.trim());
  if (!/^https?:\/\/[^\s]+$/i.test(href)) return { node: { type: 'text', text: plainText(children) }, end };
  return { node: { type: 'link', url: href, children }, end };
}

/** The text a tree shows, without its formatting. */
export function plainText(nodes: CanvasInline[]): string {
  return nodes
    .map((n) =>
      n.type === 'text' || n.type === 'code'
        ? n.text
        : n.type === 'br'
          ? '\n'
          : n.type === 'user'
            ? `@${n.id}`
            : n.type === 'channel'
              ? `#${n.id}`
              : plainText(n.children),
    )
    .join('');
}

const isSpace = (item: Item | undefined) => typeof item === 'string' && /\s/.test(item);
const isWord = (item: Item | undefined) =>
  item !== undefined &&
  /[\p{L}\p{N}]/u.test(typeof item === 'string' ? item : 'literal' in item ? item.literal : '');

type Marker = { kind: 'bold' | 'italic' | 'strike'; token: string };

/** The marker at `i`: `**`, `__` and `~~` before single `*` and `_`. A lone `~` is no marker. */
function markerAt(items: Item[], i: number, to: number): Marker | undefined {
  const c = items[i];
  if (c !== '*' && c !== '_' && c !== '~') return undefined;
  const double = i + 1 < to && items[i + 1] === c;
  if (c === '~') return double ? { kind: 'strike', token: '~~' } : undefined;
  return double ? { kind: 'bold', token: `${c}${c}` } : { kind: 'italic', token: c };
}

const matches = (items: Item[], at: number, token: string) => [...token].every((c, k) => items[at + k] === c);

/**
 * Whether the marker at `at` can open: it is followed by something that is not a space, and a `_` is not
 * inside a word, so `snake_case` stays as written.
 */
function opens(items: Item[], at: number, marker: Marker, from: number, to: number): boolean {
  const size = marker.token.length;
  if (at + size >= to || isSpace(items[at + size])) return false;
  return !(marker.token.startsWith('_') && at > from && isWord(items[at - 1]));
}

/** Where the marker opened at `at` closes: after something that is not a space (and for `_`, at a word's end). */
function closer(items: Item[], at: number, marker: Marker, to: number): number | undefined {
  const size = marker.token.length;
  const underscore = marker.token.startsWith('_');
  for (let j = at + size + 1; j + size <= to; j++) {
    if (!matches(items, j, marker.token)) continue;
    // A single marker skips over doubled ones (`*a **b** c*`), which belong to a nested bold.
    if (size === 1 && items[j + 1] === items[j]) {
      j++;
      continue;
    }
    if (isSpace(items[j - 1])) continue;
    if (underscore && isWord(items[j + size])) continue;
    return j;
  }
  return undefined;
}

function formatted(items: Item[], from: number, to: number, depth: number): CanvasInline[] {
  const out: CanvasInline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  // Whether a closer exists after a position does not depend on the opener, so once a token has none,
  // later openers of it in this range have none either: skipping them keeps stray markers linear.
  const unclosed = new Set<string>();
  let i = from;
  while (i < to) {
    const item = items[i];
    if (item === undefined) break;
    if (typeof item !== 'string') {
      if ('literal' in item) text += item.literal;
      else {
        flush();
        out.push(item.atom);
      }
      i++;
      continue;
    }
    const marker = markerAt(items, i, to);
    if (marker && depth < MAX_NESTING) {
      const close =
        !unclosed.has(marker.token) && opens(items, i, marker, from, to)
          ? closer(items, i, marker, to)
          : undefined;
      if (close !== undefined) {
        flush();
        out.push({
          type: marker.kind,
          children: formatted(items, i + marker.token.length, close, depth + 1),
        });
        i = close + marker.token.length;
        continue;
      }
      if (opens(items, i, marker, from, to)) unclosed.add(marker.token);
      text += marker.token;
      i += marker.token.length;
      continue;
    }
    text += item;
    i++;
  }
  flush();
  return out;
}
