import type { KnownBlock } from '@slack/types';
import { pendingDecisionOf, waitingLabel } from '../domain/decision-register.js';
import type { Program, Workstream } from '../domain/program.js';
import { formatDayLabel } from '../domain/week.js';
import { section } from './blocks.js';
import { decidersLine } from './decisions-list.js';
import { DECISION_BLOCKS } from './ids.js';
import { truncate } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** The workstream detail's "Waiting on a decision": the question, who decides, by when, for how long. */
export function pendingDecisionBlocks(program: Program, w: Workstream, now: Date): KnownBlock[] {
  const pending = pendingDecisionOf(program, w.key, now);
  if (!pending) return [];
  const d = pending.decision;
  const needed = d.neededBy
    ? `needed by ${formatDayLabel(d.neededBy)}${pending.overdue ? ' (*overdue*)' : ''}`
    : 'no needed-by date';
  return [
    section(
      DECISION_BLOCKS.workstreamDecision,
      `*Waiting on a decision*\n${escapeMrkdwn(truncate(d.question, 500))}\n` +
        `Deciders: ${decidersLine(d.deciders)} · ${needed} · ${waitingLabel(pending.waitingDays)}`,
    ),
  ];
}
