import { slowingWithReasons } from '../domain/delivery-signal.js';
import {
  historyFieldLabel,
  historyList,
  historyValueLabel,
  REVIEWED_FIELD,
} from '../domain/history-fields.js';
import { daysBetween, localDate } from '../domain/local-time.js';
import {
  markdownDocument,
  markdownText,
  paragraphs,
  section,
  tableCell,
  tableRow,
} from '../domain/markdown-text.js';
import {
  type Decision,
  type HistoryEntry,
  type NextAction,
  openRisks,
  type Program,
  type Readiness,
  type TopRisk,
  type Workstream,
  workstreamName,
} from '../domain/program.js';
import {
  blockedNames,
  decidedDecisions,
  decidedLine,
  decisionRegisterSection,
  decisionStateText,
  deliverySection,
  executiveSummarySection,
  nextActionsSection,
  pageUses,
  pendingDecisions,
  readinessSection,
  referenceLine,
  referencesSection,
  snapshotHead,
  snapshotSection,
  topRisksSection,
  vocabularySection,
} from '../domain/program-markdown.js';
import { isSlackUserId } from '../domain/slack-user.js';
import { RISK_INFO, SIGNAL_INFO, STATUS_INFO, type Status } from '../domain/vocabulary.js';
import { formatDayLabel } from '../domain/week.js';
import { truncate } from './limits.js';
import { plural } from './plural.js';
import { inZone } from './zoned-time.js';

/** How far back the page's "Recent changes" reaches. */
export const RECENT_CHANGES_DAYS = 7;
/** How many recent changes the page lists at most; the store is asked for one more, to say "and more". */
export const RECENT_CHANGES_SHOWN = 50;

/**
 * Slack takes a canvas of "about 1 MiB". The page stays well under it whatever the program holds: each
 * part that grows with the program gets a share, and what does not fit is counted in "…and N more".
 */
export const CANVAS_BYTES = 900_000;
const SHARES = {
  summary: 0.2,
  snapshot: 0.3,
  decisions: 0.06,
  risks: 0.08,
  signal: 0.07,
  readiness: 0.05,
  actions: 0.1,
  references: 0.04,
  changes: 0.08,
} as const;

/** A value in a change line (an old blocker, a new snapshot) is cut so one change never crowds out the rest. */
const VALUE_MAX = 200;
const NOTE_MAX = 300;

/** Statuses in which a workstream waits on someone else: the page says since when. */
const WAITING: readonly Status[] = ['needs-decision', 'needs-validation', 'blocked'];

export interface CanvasPageInput {
  program: Program;
  /** The program's changes of the last RECENT_CHANGES_DAYS days, newest first, after its first import. */
  recentChanges: readonly HistoryEntry[];
  /** The newest change of the program, for the line saying when and by whom the page last changed. */
  lastChange: HistoryEntry | undefined;
  now: Date;
}

/** The canvas's title: the program's name, as Slack shows it in the channel's tab. */
export function canvasTitle(program: Program): string {
  return truncate(program.name, 150);
}

/** A person as a canvas mention; anything else that stands for one (a team, "import") as text. */
function person(id: string): string {
  return isSlackUserId(id) ? `![](@${id})` : markdownText(id);
}

function actor(id: string): string {
  return id === 'import' ? 'an import' : person(id);
}

function owners(w: Workstream): string {
  const people = w.ownerIds.map(person).join(', ');
  if (w.ownerTeam && people) return `${markdownText(w.ownerTeam)} (${people})`;
  return w.ownerTeam ? markdownText(w.ownerTeam) : people || 'unassigned';
}

/**
 * `items` rendered in order while they fit in `bytes`: each is rendered only when the ones before it fit,
 * so a program of thousands costs what the page shows, not what it holds.
 */
function renderWhileFits<T>(items: readonly T[], render: (item: T) => string, bytes: number): string[] {
  const out: string[] = [];
  let used = 0;
  for (const item of items) {
    const text = render(item);
    used += Buffer.byteLength(text) + 2;
    if (used > bytes) break;
    out.push(text);
  }
  return out;
}

const budget = (share: keyof typeof SHARES) => Math.floor(CANVAS_BYTES * SHARES[share]);

/** `items` rendered while they fit in the part's share, then a line counting the rest. */
function fitLines<T>(
  items: readonly T[],
  render: (item: T) => string,
  share: keyof typeof SHARES,
  more: (n: number) => string,
): string[] {
  const lines = renderWhileFits(items, render, budget(share));
  return lines.length < items.length ? [...lines, more(items.length - lines.length)] : lines;
}

function moreLine(hidden: number, what: string): string[] {
  return hidden > 0 ? [`…and ${plural(hidden, what)}.`] : [];
}

/** "Fri 20 Nov 2026 (10 days)"; workstreams share few dates (imports, busy days), so each is worked out once. */
function waitingSince(zone: string, today: string): (iso: string) => string {
  const known = new Map<string, string>();
  return (iso) => {
    let text = known.get(iso);
    if (text === undefined) {
      const date = localDate(new Date(iso), zone);
      const days = Math.max(0, daysBetween(date, today));
      text = `${markdownText(formatDayLabel(date))} (${days === 0 ? 'today' : plural(days, 'day')})`;
      known.set(iso, text);
    }
    return text;
  };
}

/**
 * A readiness row with the dimension's signal named first ("**Not ready**: until the Okta path is
 * confirmed"): the note alone may not say it, and a reader scans the column for the signal.
 */
function readinessRow(r: Readiness): string {
  const signal = `**${SIGNAL_INFO[r.signal].label}**`;
  return tableRow([tableCell(r.name), r.note ? `${signal}: ${tableCell(r.note)}` : signal]);
}

function readiness(program: Program): string[] {
  const rows = renderWhileFits(program.readiness, readinessRow, budget('readiness'));
  return readinessSection(rows, moreLine(program.readiness.length - rows.length, 'more dimension'));
}

function lastChangedLine(input: CanvasPageInput): string {
  const { program, lastChange } = input;
  if (!lastChange) return '_Kept current by Rollout from live data._';
  return `_Kept current by Rollout from live data. Last changed ${markdownText(inZone(lastChange.at, program.timezone))} by ${actor(lastChange.actor)}._`;
}

function executiveSummary(program: Program): string[] {
  const row = (w: Workstream) =>
    tableRow([
      tableCell(w.name),
      tableCell(w.state),
      owners(w),
      STATUS_INFO[w.status].label,
      RISK_INFO[w.risk].label,
    ]);
  const rows = renderWhileFits(program.workstreams, row, budget('summary'));
  const hidden = program.workstreams.length - rows.length;
  return executiveSummarySection(
    rows,
    hidden > 0 ? [`…and ${plural(hidden, 'more workstream')}: \`/rollout status\` lists them all.`] : [],
  );
}

function snapshot(w: Workstream, since: (iso: string) => string): string {
  const lines = [
    ...snapshotHead(w),
    `- current owner: ${owners(w)}`,
    `- status: ${STATUS_INFO[w.status].label}`,
    `- main blocker: ${w.blocker ? markdownText(w.blocker) : 'none'}`,
  ];
  if (WAITING.includes(w.status)) lines.push(`- waiting since: ${since(w.statusSince)}`);
  return lines.join('\n');
}

function workstreamSnapshots(program: Program, today: string): string[] {
  const since = waitingSince(program.timezone, today);
  const shown = renderWhileFits(program.workstreams, (w) => snapshot(w, since), budget('snapshot'));
  const more = program.workstreams.length - shown.length;
  const blocks = shown.map((text) => [text]);
  return snapshotSection(
    more > 0
      ? [...blocks, [`…and ${plural(more, 'more workstream')}: \`/rollout status\` shows each in detail.`]]
      : blocks,
  );
}

function topRisks(program: Program): string[] {
  const line = (r: TopRisk) => {
    const on = r.workstream ? ` (${markdownText(workstreamName(program, r.workstream))})` : '';
    return `- **${RISK_INFO[r.severity].label}**: ${markdownText(r.text)}${on}`;
  };
  return topRisksSection(
    fitLines(openRisks(program), line, 'risks', (n) => `…and ${plural(n, 'more open risk')}.`),
  );
}

const REASON_TEXT = { blocked: 'blocked', 'high-risk': 'high risk' } as const;

function deliverySignal(program: Program): string[] {
  const why = new Map(
    slowingWithReasons(program).map((s) => {
      const reasons = s.reasons.map((r) =>
        r === 'upstream'
          ? `${s.upstreamOf.map((w) => markdownText(w.name)).join(', ')} ${s.upstreamOf.length === 1 ? 'waits' : 'wait'} on it`
          : REASON_TEXT[r],
      );
      return [s.workstream.name, reasons.join('; ')];
    }),
  );
  return deliverySection(program, (names, g, groups) => {
    const line = (name: string) => {
      const because = g === 'slowing' ? why.get(name) : undefined;
      return `- ${markdownText(name)}${because ? `: ${because}` : ''}`;
    };
    const lines = renderWhileFits(names, line, Math.floor(budget('signal') / groups));
    return [...lines, ...moreLine(names.length - lines.length, 'more')];
  });
}

function actionLine(a: NextAction, today: string): string {
  const details: string[] = [];
  if (a.owner) details.push(`owner: ${person(a.owner)}`);
  if (a.due) details.push(a.due < today ? `due ${a.due}, **overdue**` : `due ${a.due}`);
  return `- ${markdownText(a.text)}${details.length ? ` (${details.join(', ')})` : ''}`;
}

function nextActions(program: Program, today: string): string[] {
  return nextActionsSection(
    fitLines(
      program.actions.filter((a) => !a.done),
      (a) => actionLine(a, today),
      'actions',
      (n) => `…and ${plural(n, 'more open action')}.`,
    ),
  );
}

/** Of the register's share, what the pending table may take; the decided lines get the rest. */
const PENDING_PART = 0.6;

function pendingRow(program: Program, d: Decision, today: string, since: (iso: string) => string): string {
  // In a table cell a `|` in a decider that is not a person would open a column.
  const deciders = d.deciders.map((id) => (isSlackUserId(id) ? person(id) : tableCell(id))).join(', ');
  const neededBy = d.neededBy ? (d.neededBy < today ? `${d.neededBy}, **overdue**` : d.neededBy) : '';
  const state = `${tableCell(decisionStateText(d))}, waiting since ${since(d.openedAt)}`;
  return tableRow([tableCell(d.question), tableCell(blockedNames(program, d)), deciders, neededBy, state]);
}

function decisionRegister(program: Program, today: string): string[] {
  const since = waitingSince(program.timezone, today);
  const pending = pendingDecisions(program);
  const decided = decidedDecisions(program);
  const pendingRows = renderWhileFits(
    pending,
    (d) => pendingRow(program, d, today, since),
    Math.floor(budget('decisions') * PENDING_PART),
  );
  const used = pendingRows.reduce((sum, row) => sum + Buffer.byteLength(row) + 2, 0);
  const decidedLines = renderWhileFits(decided, (d) => decidedLine(d, person), budget('decisions') - used);
  return decisionRegisterSection({
    pendingRows,
    pendingMore: moreLine(pending.length - pendingRows.length, 'more pending decision'),
    decidedLines,
    decidedMore: moreLine(decided.length - decidedLines.length, 'more decided decision'),
  });
}

/** Fields whose values are people's words: quoted in a change line, so "→" or "·" in them cannot mislead. */
const QUOTED_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'owner_team',
  'owner',
  'state',
  'summary',
  'blocker',
  'text',
  'note',
  'title',
  'url',
  'question',
  'outcome',
  'reason',
  'link',
]);

function changeValue(field: string, value: string | null, program: Program): string {
  if (value === null || value === '') return '—';
  if (QUOTED_FIELDS.has(field)) return `“${markdownText(truncate(value, VALUE_MAX))}”`;
  if (field === 'owner_ids' || field === 'admins') return historyList(value).map(person).join(', ');
  if (field === 'depends_on') {
    return markdownText(
      historyList(value)
        .map((key) => workstreamName(program, key))
        .join(', '),
    );
  }
  return markdownText(truncate(historyValueLabel(field, value), VALUE_MAX));
}

function changeLine(entry: HistoryEntry, program: Program): string {
  const what = `**${markdownText(entry.entityLabel)}** · ${markdownText(historyFieldLabel(entry.field))}`;
  let change: string;
  if (entry.field === 'created' || entry.field === 'removed') change = what;
  else if (entry.field === REVIEWED_FIELD) change = `${what}: nothing needed changing`;
  else {
    const from = changeValue(entry.field, entry.oldValue, program);
    const to = changeValue(entry.field, entry.newValue, program);
    change = `${what}: ${from} → ${to}`;
  }
  const note = entry.note ? ` (note: ${markdownText(truncate(entry.note, NOTE_MAX))})` : '';
  // The list spans a week: the day and time say enough, without the year.
  const when = inZone(entry.at, program.timezone).replace(/ \d{4},/, ',');
  return `- ${markdownText(when)} · ${actor(entry.actor)} · ${change}${note}`;
}

function recentChanges(input: CanvasPageInput): string[] {
  const { program, recentChanges: entries } = input;
  const title = `Recent changes (last ${RECENT_CHANGES_DAYS} days)`;
  if (!entries.length) return section(title, ['No changes in the last week.']);
  const shown = entries.slice(0, RECENT_CHANGES_SHOWN);
  const beyond = entries.length > RECENT_CHANGES_SHOWN;
  const lines = fitLines(
    shown,
    (e) => changeLine(e, program),
    'changes',
    (n) => `…and ${plural(n, 'more change')}: \`/rollout history\` has each workstream's.`,
  );
  return section(
    title,
    ['Newest first.'],
    lines,
    beyond && lines.length === shown.length ? ["…and more: `/rollout history` has each workstream's."] : [],
  );
}

/**
 * The program's page as canvas Markdown: the seed page's layout from live data, with people as canvas
 * mentions and every user text escaped (no links, images, headings or mentions but Rollout's own). Pure:
 * the same input gives the same page, so a page that did not change is not sent again.
 */
export function canvasPage(input: CanvasPageInput): string {
  const { program, now } = input;
  const today = localDate(now, program.timezone);
  const references = renderWhileFits(program.references, referenceLine, budget('references'));
  // No heading for the program's name: Slack shows the canvas's title (the name) above the page already.
  return markdownDocument([
    [lastChangedLine(input)],
    paragraphs(program.summary),
    pageUses(),
    vocabularySection(),
    executiveSummary(program),
    workstreamSnapshots(program, today),
    topRisks(program),
    deliverySignal(program),
    readiness(program),
    nextActions(program, today),
    decisionRegister(program, today),
    referencesSection(references, moreLine(program.references.length - references.length, 'more reference')),
    recentChanges(input),
  ]);
}
