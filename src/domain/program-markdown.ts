import { DELIVERY_GROUPS, type DeliveryGroup, deliverySignal } from './delivery-signal.js';
import type { NextAction, Program, Workstream } from './program.js';
import { oneLine } from './user-text.js';
import { bySeverityThenPosition, RISK_INFO, SIGNAL_INFO, STATUS_INFO, STATUSES } from './vocabulary.js';

/** What the seed page offers its readers; true of any program's page, so it is not stored per program. */
const PAGE_USES = [
  'brief leadership quickly',
  'track cross-functional ownership',
  'identify blockers before they stall rollout',
  'see readiness and risk in one place',
];

const VOCABULARY_INTRO =
  'Use one shared status set across operations planning pages so the handbook reads like one program, not many local notes.';

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

function tableRow(cells: string[]): string {
  return `| ${cells.map(tableCell).join(' | ')} |`;
}

function table(header: string[], rows: string[][]): string[] {
  return [tableRow(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(tableRow)];
}

function list(items: string[]): string[] {
  return items.map((item) => `- ${markdownText(item)}`);
}

/** Only web links become links: a stored `javascript:` URL must not turn into something to click. */
function linkTo(title: string, url: string | null): string {
  const label = markdownText(title);
  if (!url) return label;
  if (!/^https?:\/\//i.test(url)) return `${label} (${markdownText(url)})`;
  const target = url.replace(
    /[\s()<>]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${label}](${target})`;
}

function ownerOf(w: Workstream): string {
  return w.ownerTeam || w.ownerIds.join(', ') || 'unassigned';
}

/** Sections are joined with a blank line; a section is a list of lines. */
function section(title: string, ...blocks: string[][]): string[] {
  return [`## ${title}`, ...blocks.filter((b) => b.length > 0).flatMap((b) => ['', ...b])];
}

/** Blank lines in a stored summary separate paragraphs; other line breaks are just wrapping. */
function paragraphs(text: string): string[] {
  const parts = text
    .split(/\n\s*\n/)
    .map(markdownText)
    .filter(Boolean);
  return parts.flatMap((p, i) => (i === 0 ? [p] : ['', p]));
}

function nextActionLine(a: NextAction): string {
  const details = [a.owner ? `owner: ${a.owner}` : '', a.due ? `due ${a.due}` : ''].filter(Boolean);
  return details.length ? `${a.text} (${details.join(', ')})` : a.text;
}

function workstreamSnapshot(w: Workstream): string[] {
  const lines = [`### ${markdownText(w.name)}`, ''];
  if (w.summary || w.state) lines.push(markdownText(w.summary || w.state), '');
  lines.push(
    ...list([
      `current owner: ${ownerOf(w)}`,
      `status: ${STATUS_INFO[w.status].label}`,
      `main blocker: ${w.blocker || 'none'}`,
    ]),
  );
  return lines;
}

/**
 * The program as a Markdown page in the shape of the seed status page it replaces, for leaders who read
 * a wiki rather than Slack. Everything is derived from the program, so the page is as current as the store.
 */
export function programToMarkdown(program: Program): string {
  const openRisks = program.risks.filter((r) => r.status === 'open').sort(bySeverityThenPosition);
  const openActions = program.actions.filter((a) => !a.done);
  const signal = deliverySignal(program);
  const groups = (Object.keys(DELIVERY_GROUPS) as DeliveryGroup[]).filter((g) => signal[g].length > 0);

  const blocks: string[][] = [
    [`# ${markdownText(program.name)}`],
    paragraphs(program.summary),
    ['Use this page to', '', ...list(PAGE_USES)],
    section(
      'Shared status vocabulary',
      [VOCABULARY_INTRO],
      // Done is Rollout's: the page's five statuses have no end state.
      STATUSES.map(
        (s) =>
          `- **${STATUS_INFO[s].label}** for ${STATUS_INFO[s].description}${s === 'done' ? ' (added by Rollout)' : ''}`,
      ),
    ),
    section(
      'Executive summary',
      program.workstreams.length
        ? table(
            ['Area', 'Current state', 'Owner', 'Status', 'Risk'],
            program.workstreams.map((w) => [
              w.name,
              w.state,
              ownerOf(w),
              STATUS_INFO[w.status].label.toLowerCase(),
              RISK_INFO[w.risk].label.toLowerCase(),
            ]),
          )
        : ['No workstreams yet.'],
    ),
    section(
      'Workstream snapshot',
      ...(program.workstreams.length
        ? program.workstreams.map(workstreamSnapshot)
        : [['No workstreams yet.']]),
    ),
    section(
      'Top risks right now',
      openRisks.length
        ? ['Highest-priority unresolved risks', '', ...list(openRisks.map((r) => r.text))]
        : ['No open risks.'],
    ),
    section(
      'Delivery signal',
      ...(groups.length
        ? groups.map((g) => [DELIVERY_GROUPS[g], '', ...list(signal[g])])
        : [['Nothing is waiting: every workstream is done.']]),
    ),
    section(
      'Readiness signal',
      program.readiness.length
        ? table(
            ['Readiness dimension', 'Current signal'],
            // The note says the signal in words ("not ready until…"); without one, the signal's own label.
            program.readiness.map((r) => [r.name, r.note || SIGNAL_INFO[r.signal].label]),
          )
        : ['No readiness dimensions yet.'],
    ),
    section(
      'Immediate next actions',
      openActions.length ? list(openActions.map(nextActionLine)) : ['No open actions.'],
    ),
    section(
      'Related references',
      program.references.length
        ? program.references.map((r) => `- ${linkTo(r.title, r.url)}`)
        : ['No references yet.'],
    ),
  ];
  return `${blocks
    .filter((b) => b.length > 0)
    .map((b) => b.join('\n'))
    .join('\n\n')}\n`;
}
