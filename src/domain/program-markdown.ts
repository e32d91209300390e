import { DELIVERY_GROUPS, type DeliveryGroup, deliverySignal } from './delivery-signal.js';
import { linkTo, list, markdownDocument, markdownText, paragraphs, section, table } from './markdown-text.js';
import type { NextAction, Program, Readiness, Reference, Workstream } from './program.js';
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

function ownerOf(w: Workstream): string {
  return w.ownerTeam || w.ownerIds.join(', ') || 'unassigned';
}

/** The page's parts that read the same wherever the page is published (export, canvas). */
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

export function readinessSection(readiness: readonly Readiness[], more: string[] = []): string[] {
  return section(
    'Readiness signal',
    readiness.length
      ? table(
          ['Readiness dimension', 'Current signal'],
          // The note says the signal in words ("not ready until…"); without one, the signal's own label.
          readiness.map((r) => [r.name, r.note || SIGNAL_INFO[r.signal].label]),
        )
      : ['No readiness dimensions yet.'],
    more,
  );
}

export function referencesSection(references: readonly Reference[], more: string[] = []): string[] {
  return section(
    'Related references',
    references.length ? references.map((r) => `- ${linkTo(r.title, r.url)}`) : ['No references yet.'],
    more,
  );
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
    pageUses(),
    vocabularySection(),
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
    readinessSection(program.readiness),
    section(
      'Immediate next actions',
      openActions.length ? list(openActions.map(nextActionLine)) : ['No open actions.'],
    ),
    referencesSection(program.references),
  ];
  return markdownDocument(blocks);
}
