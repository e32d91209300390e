import { addDays, daysBetween, localDate } from './local-time.js';
import type { Decision, Program } from './program.js';
import { isPendingDecision } from './vocabulary.js';

/** How far back `/rollout decisions` shows what was decided. */
export const RECENTLY_DECIDED_DAYS = 14;

/** A pending decision as the register reads it on a given day (in the program's zone). */
export interface PendingDecision {
  decision: Decision;
  /** Its needed-by date has passed. */
  overdue: boolean;
  /** Whole days since it was opened. */
  waitingDays: number;
}

/** Today, as the program's people see it. */
export function programToday(program: Pick<Program, 'timezone'>, now: Date): string {
  return localDate(now, program.timezone);
}

/**
 * Open and deferred decisions, overdue first (their needed-by date is before today), then the ones waited on
 * longest (opened first), then the register's order.
 */
export function pendingDecisions(program: Program, now: Date): PendingDecision[] {
  const today = programToday(program, now);
  return program.decisions
    .filter((d) => isPendingDecision(d.state))
    .map((decision) => ({
      decision,
      overdue: decision.neededBy !== null && decision.neededBy < today,
      waitingDays: Math.max(0, daysBetween(localDate(new Date(decision.openedAt), program.timezone), today)),
    }))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        a.decision.openedAt.localeCompare(b.decision.openedAt) ||
        a.decision.position - b.decision.position ||
        a.decision.id - b.decision.id,
    );
}

/** Decided in the last `RECENTLY_DECIDED_DAYS` days (today included), latest first. */
export function recentlyDecided(program: Program, now: Date): Decision[] {
  const since = addDays(programToday(program, now), -RECENTLY_DECIDED_DAYS);
  return program.decisions
    .filter((d) => d.state === 'decided' && d.decidedAt !== null && d.decidedAt >= since)
    .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? '') || b.id - a.id);
}

/** The pending decision a workstream waits on (the most overdue, then the oldest), if any. */
export function pendingDecisionOf(program: Program, key: string, now: Date): PendingDecision | undefined {
  return pendingDecisions(program, now).find((p) => p.decision.workstreams.includes(key));
}

/** "waiting 12 days", "waiting 1 day", "opened today". */
export function waitingLabel(days: number): string {
  if (days === 0) return 'opened today';
  return `waiting ${days} ${days === 1 ? 'day' : 'days'}`;
}
