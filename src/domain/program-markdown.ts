import { DELIVERY_GROUPS, type DeliveryGroup, deliverySignal } from './delivery-signal.js';
import {
  linkTo,
  list,
  markdownDocument,
  markdownText,
  paragraphs,
  section,
  tableCell,
  tableHead,
  tableRow,
} from './markdown-text.js';
import {
  type Decision,
  type NextAction,
  openRisks,
  type Program,
  type Reference,
  type Workstream,
  workstreamName,
} from './program.js';
import {
  DECISION_STATE_LABELS,
  isPendingDecision,
  RISK_INFO,
  SIGNAL_INFO,
  STATUS_INFO,
  STATUSES,
} from './vocabulary.js';

/** What the seed page offers its readers; true of any program's page, so it is not stored per program. */
const PAGE_USES = [
  'brief leadership quickly',
  'track cross-functional ownership',
  'identify blockers before they stall rollout',
  'see readiness and risk in one place',
];

const VOCABULARY_INTRO =
  'Use one shared status set across operations planning pages so the handbook reads like one program, not many local notes.';

function ownerOf(w: Workstream): string {
  return w.ownerTeam || w.ownerIds.join(', ') || 'unassigned';
}

/**
 * The page's parts that read the same wherever the page is published (export, canvas): each section's
 * title, introduction, table head and what it says when empty. A section that lists things takes its
 * lines rendered (the canvas's with mentions and cut to its share of the page), and `more`, the line
 * counting what the page left out.
 */
export function pageUses(): string[] {
  return ['Use this page to', '', ...list(PAGE_USES)];
}

export function vocabularySection(): string[] {
  return section(
    'Shared status vocabulary',
    [VOCABULARY_INTRO],
    // Done is Rollout's: the page's five statuses have no end state.
    STATUSES.map(
      (s) =>
        `- **${STATUS_INFO[s].label}** for ${STATUS_INFO[s].description}${s === 'done' ? ' (added by Rollout)' : ''}`,
    ),
  );
}

const SUMMARY_COLUMNS = ['Area', 'Current state', 'Owner', 'Status', 'Risk'];

/** The executive summary table from its rows (each a `tableRow`). */
export function executiveSummarySection(rows: string[], more: string[] = []): string[] {
  return section(
    'Executive summary',
    rows.length || more.length ? [...tableHead(SUMMARY_COLUMNS), ...rows] : ['No workstreams yet.'],
    more,
  );
}

/** A workstream's heading and its snapshot (else its current state), above the lines each page adds. */
export function snapshotHead(w: Workstream): string[] {
  const lines = [`### ${markdownText(w.name)}`, ''];
  if (w.summary || w.state) lines.push(markdownText(w.summary || w.state), '');
  return lines;
}

/** The workstream snapshot from each workstream's block (and a block counting those left out). */
export function snapshotSection(blocks: string[][]): string[] {
  return section('Workstream snapshot', ...(blocks.length ? blocks : [['No workstreams yet.']]));
}

export function topRisksSection(lines: string[]): string[] {
  return section(
    'Top risks right now',
    lines.length ? ['Highest-priority unresolved risks', '', ...lines] : ['No open risks.'],
  );
}

/**
 * The delivery signal: each group that has something in it, introduced by its sentence, then the lines
 * `render` makes of its names (told how many groups share the section).
 */
export function deliverySection(
  program: Program,
  render: (names: string[], group: DeliveryGroup, groups: number) => string[],
): string[] {
  const signal = deliverySignal(program);
  const groups = (Object.keys(DELIVERY_GROUPS) as DeliveryGroup[]).filter((g) => signal[g].length > 0);
  if (!groups.length) return section('Delivery signal', ['Nothing is waiting: every workstream is done.']);
  return section(
    'Delivery signal',
    ...groups.map((g) => [DELIVERY_GROUPS[g], '', ...render(signal[g], g, groups.length)]),
  );
}

const READINESS_COLUMNS = ['Readiness dimension', 'Current signal'];

/** The readiness table from its rows (each a `tableRow`). */
export function readinessSection(rows: string[], more: string[] = []): string[] {
  return section(
    'Readiness signal',
    rows.length || more.length
      ? [...tableHead(READINESS_COLUMNS), ...rows]
      : ['No readiness dimensions yet.'],
    more,
  );
}

export function nextActionsSection(lines: string[]): string[] {
  return section('Immediate next actions', lines.length ? lines : ['No open actions.']);
}

/** A reference as a list item: a link when its URL is a web link. */
export function referenceLine(r: Reference): string {
  return `- ${linkTo(r.title, r.url)}`;
}

/** The references from their lines (each a `referenceLine`). */
export function referencesSection(lines: string[], more: string[] = []): string[] {
  return section('Related references', lines.length ? lines : ['No references yet.'], more);
}

const DECISION_REGISTER = 'Decision register';
const PENDING_DECISION_COLUMNS = ['Decision', 'Blocks', 'Deciders', 'Needed by', 'State'];
const PENDING_INTRO = 'Waiting on a decision';
const DECIDED_INTRO = 'Decided';

const byPosition = (a: Decision, b: Decision) => a.position - b.position || a.id - b.id;

/**
 * Open and deferred decisions, the one needed soonest first (an overdue one is always needed sooner than
 * one that is not), then those without a date, each group oldest first. No clock: the page is the same
 * whenever it is made.
 */
export function pendingDecisions(program: Program): Decision[] {
  return program.decisions
    .filter((d) => isPendingDecision(d.state))
    .sort(
      (a, b) =>
        (a.neededBy ?? '9999').localeCompare(b.neededBy ?? '9999') ||
        a.openedAt.localeCompare(b.openedAt) ||
        byPosition(a, b),
    );
}

/** Decided decisions, the latest first: the register is read for what was settled lately. */
export function decidedDecisions(program: Program): Decision[] {
  return program.decisions
    .filter((d) => d.state === 'decided')
    .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? '') || byPosition(a, b));
}

/** The names of the workstreams a decision blocks; a key no longer in the program stays a key. */
export function blockedNames(program: Program, d: Decision): string {
  return d.workstreams.map((key) => workstreamName(program, key)).join(', ');
}

/** "Open", or "Deferred: waiting on the budget" with its reason. */
export function decisionStateText(d: Decision): string {
  const label = DECISION_STATE_LABELS[d.state];
  return d.state === 'deferred' && d.reason ? `${label}: ${d.reason}` : label;
}

/**
 * The register's section: the pending table's rows (each a `tableRow`), then the decided lines, each group
 * followed by its own "…and N more" when the page had to leave some out.
 */
export function decisionRegisterSection(parts: {
  pendingRows: string[];
  pendingMore?: string[];
  decidedLines: string[];
  decidedMore?: string[];
}): string[] {
  const { pendingRows, decidedLines, pendingMore = [], decidedMore = [] } = parts;
  const hasPending = pendingRows.length > 0 || pendingMore.length > 0;
  const hasDecided = decidedLines.length > 0 || decidedMore.length > 0;
  if (!hasPending && !hasDecided) return section(DECISION_REGISTER, ['No decisions yet.']);
  return section(
    DECISION_REGISTER,
    hasPending
      ? [PENDING_INTRO, '', ...tableHead(PENDING_DECISION_COLUMNS), ...pendingRows]
      : ['Nothing is waiting on a decision.'],
    pendingMore,
    hasDecided ? [DECIDED_INTRO, '', ...decidedLines] : [],
    decidedMore,
  );
}

/** "- **Which Okta path?**: Okta with SCIM (decided by U1, 2026-11-20, [where it was decided](…))" */
export function decidedLine(d: Decision, person: (id: string) => string): string {
  const details = [
    d.decidedBy.length ? `decided by ${d.decidedBy.map(person).join(', ')}` : 'decided',
    d.decidedAt ?? '',
    d.link ? linkTo('where it was decided', d.link) : '',
  ].filter(Boolean);
  const outcome = d.outcome ? markdownText(d.outcome) : '_no outcome recorded_';
  return `- **${markdownText(d.question)}**: ${outcome} (${details.join(', ')})`;
}

function decisionRegister(program: Program): string[] {
  return decisionRegisterSection({
    pendingRows: pendingDecisions(program).map((d) =>
      tableRow([
        tableCell(d.question),
        tableCell(blockedNames(program, d)),
        tableCell(d.deciders.join(', ')),
        d.neededBy ?? '',
        tableCell(decisionStateText(d)),
      ]),
    ),
    decidedLines: decidedDecisions(program).map((d) => decidedLine(d, markdownText)),
  });
}

function nextActionLine(a: NextAction): string {
  const details = [a.owner ? `owner: ${a.owner}` : '', a.due ? `due ${a.due}` : ''].filter(Boolean);
  return details.length ? `${a.text} (${details.join(', ')})` : a.text;
}

function workstreamSnapshot(w: Workstream): string[] {
  return [
    ...snapshotHead(w),
    ...list([
      `current owner: ${ownerOf(w)}`,
      `status: ${STATUS_INFO[w.status].label}`,
      `main blocker: ${w.blocker || 'none'}`,
    ]),
  ];
}

/**
 * The program as a Markdown page in the shape of the seed status page it replaces, for leaders who read
 * a wiki rather than Slack. Everything is derived from the program, so the page is as current as the store.
 */
export function programToMarkdown(program: Program): string {
  return markdownDocument([
    [`# ${markdownText(program.name)}`],
    paragraphs(program.summary),
    pageUses(),
    vocabularySection(),
    executiveSummarySection(
      program.workstreams.map((w) =>
        tableRow(
          [
            w.name,
            w.state,
            ownerOf(w),
            STATUS_INFO[w.status].label.toLowerCase(),
            RISK_INFO[w.risk].label.toLowerCase(),
          ].map(tableCell),
        ),
      ),
    ),
    snapshotSection(program.workstreams.map(workstreamSnapshot)),
    topRisksSection(list(openRisks(program).map((r) => r.text))),
    deliverySection(program, list),
    readinessSection(
      // The note says the signal in words ("not ready until…"); without one, the signal's own label.
      program.readiness.map((r) =>
        tableRow([tableCell(r.name), tableCell(r.note || SIGNAL_INFO[r.signal].label)]),
      ),
    ),
    nextActionsSection(list(program.actions.filter((a) => !a.done).map(nextActionLine))),
    // Rollout's addition: the seed page only named its Decision Register among its references.
    decisionRegister(program),
    referencesSection(program.references.map(referenceLine)),
  ]);
}
