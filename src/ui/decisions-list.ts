import type { KnownBlock } from '@slack/types';
import {
  type PendingDecision,
  pendingDecisions,
  RECENTLY_DECIDED_DAYS,
  recentlyDecided,
  waitingLabel,
} from '../domain/decision-register.js';
import { canActOnDecision, canAddDecision } from '../domain/permissions.js';
import { type Decision, type Program, workstreamName } from '../domain/program.js';
import { formatDayLabel } from '../domain/week.js';
import { encodeItemOf } from './action-values.js';
import { actions, button, context, divider, message, section } from './blocks.js';
import {
  DECISION_ACTIONS,
  DECISION_BLOCKS,
  decidedItemBlock,
  decisionButtonsBlock,
  decisionItemBlock,
  itemAction,
} from './ids.js';
import { SURFACE_BLOCKS, truncate } from './limits.js';
import { addButton, fitItems, type ListOptions, type ListViewer, listHead } from './list-parts.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mention } from './mrkdwn.js';
import { plural } from './plural.js';

/** Recently decided ones are listed briefly under the pending ones. */
const DECIDED_SHOWN = 8;

/** The workstreams a decision holds up, by name, escaped; "no workstream" when none. */
export function blockedNames(program: Program, d: Decision): string {
  if (d.workstreams.length === 0) return 'no workstream';
  return d.workstreams.map((k) => escapeMrkdwn(workstreamName(program, k))).join(', ');
}

/** "<@U1>, <@U2>", or "no deciders yet". */
export function decidersLine(ids: readonly string[]): string {
  return ids.length ? ids.map(mention).join(', ') : 'no deciders yet';
}

/** A link to where a decision was made, for mrkdwn: `|` and `>` would end the link early, so they are encoded. */
export function linkMrkdwn(url: string, label: string): string {
  const safe = url.replace(/[|<>\s]/g, (c) => encodeURIComponent(c)).replace(/&/g, '&amp;');
  return `<${safe}|${label}>`;
}

/**
 * One pending decision: the question, then how long it has waited and by when it is needed, then who decides
 * and what it holds up. Every piece of user text escaped.
 */
export function pendingLine(program: Program, p: PendingDecision): string {
  const d = p.decision;
  const needed = d.neededBy
    ? `needed by ${formatDayLabel(d.neededBy)}${p.overdue ? ' · *overdue*' : ''}`
    : 'no needed-by date';
  const deferred = d.state === 'deferred' ? `\n_Deferred: ${escapeMrkdwn(truncate(d.reason, 300))}_` : '';
  return (
    `${p.overdue ? ':warning:' : ':raised_hand:'} *${escapeMrkdwn(truncate(d.question, 500))}*\n` +
    `${waitingLabel(p.waitingDays)} · ${needed}\n` +
    `Deciders: ${decidersLine(d.deciders)} · Holds up: ${blockedNames(program, d)}${deferred}`
  );
}

/** One decision taken: the question, its outcome, who decided and when, and where. */
export function decidedLine(program: Program, d: Decision): string {
  const where = d.link ? ` · ${linkMrkdwn(d.link, 'where it was decided')}` : '';
  return (
    `:white_check_mark: *${escapeMrkdwn(truncate(d.question, 300))}*\n` +
    `${escapeMrkdwn(truncate(d.outcome, 800))}\n` +
    `_Decided by ${decidersLine(d.decidedBy)}${d.decidedAt ? ` on ${formatDayLabel(d.decidedAt)}` : ''} · ${blockedNames(program, d)}_${where}`
  );
}

/**
 * `/rollout decisions`: pending decisions (overdue first, then the oldest), each with its age, deciders,
 * needed-by date and workstreams, and Record, Defer, Edit and Withdraw for those who may; then what was
 * decided in the last 14 days. Cut to Slack's 50 blocks with "…and N more".
 */
export function decisionsList(
  program: Program,
  viewer: ListViewer,
  now: Date,
  opts: ListOptions = {},
): SlackMessage {
  const pending = pendingDecisions(program, now);
  const decided = recentlyDecided(program, now);
  const overdue = pending.filter((p) => p.overdue).length;
  const mayAct = (d: Decision) => canActOnDecision(viewer.userId, program, d, viewer.admins).allowed;
  const mayAdd = canAddDecision(viewer.userId, program, viewer.admins).allowed;

  const summary = [
    pending.length ? `*${plural(pending.length, 'decision')} waiting*` : 'No decision is waiting.',
    overdue ? `:warning: ${overdue} overdue` : '',
    decided.length ? `_${decided.length} decided in the last ${RECENTLY_DECIDED_DAYS} days_` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const head = listHead(
    opts,
    `Decisions · ${program.name}`,
    summary,
    addButton(mayAdd, DECISION_ACTIONS.add, 'Add decision', program),
  );
  if (pending.length) head.push(divider());
  const tail = decidedBlocks(program, decided);
  const room = SURFACE_BLOCKS.message - head.length - tail.length;
  const items = fitItems(
    pending,
    (p) => pendingBlocks(program, p, mayAct(p.decision)),
    room,
    (hidden) =>
      context(
        DECISION_BLOCKS.more,
        `…and ${plural(hidden, 'more pending decision')} (waited on for less time).`,
      ),
  );
  return message(
    `Decisions of ${escapeMrkdwn(program.name)}: ${pending.length} waiting (${overdue} overdue), ${decided.length} decided in the last ${RECENTLY_DECIDED_DAYS} days`,
    [...head, ...items, ...tail],
  );
}

function pendingBlocks(program: Program, p: PendingDecision, editable: boolean): KnownBlock[] {
  const d = p.decision;
  const blocks: KnownBlock[] = [section(decisionItemBlock(d.id), pendingLine(program, p))];
  if (editable) {
    const ref = encodeItemOf(program, d);
    const about = truncate(d.question, 40);
    blocks.push(
      actions(decisionButtonsBlock(d.id), [
        button(itemAction(DECISION_ACTIONS.record, d.id), 'Record decision', ref, {
          style: 'primary',
          label: `Record decision: ${about}`,
        }),
        button(itemAction(DECISION_ACTIONS.defer, d.id), 'Defer', ref, { label: `Defer: ${about}` }),
        button(itemAction(DECISION_ACTIONS.edit, d.id), 'Edit', ref, { label: `Edit decision: ${about}` }),
        button(itemAction(DECISION_ACTIONS.withdraw, d.id), 'Withdraw', ref, {
          style: 'danger',
          label: `Withdraw: ${about}`,
        }),
      ]),
    );
  }
  return blocks;
}

function decidedBlocks(program: Program, decided: Decision[]): KnownBlock[] {
  if (decided.length === 0) return [];
  const shown = decided.slice(0, DECIDED_SHOWN);
  const blocks: KnownBlock[] = [
    divider(),
    context(
      DECISION_BLOCKS.decidedHeader,
      `*Decided in the last ${RECENTLY_DECIDED_DAYS} days* (${decided.length})`,
    ),
    ...shown.map((d) => section(decidedItemBlock(d.id), decidedLine(program, d))),
  ];
  if (decided.length > shown.length)
    blocks.push(context(DECISION_BLOCKS.decidedMore, `…and ${decided.length - shown.length} more decided.`));
  return blocks;
}
