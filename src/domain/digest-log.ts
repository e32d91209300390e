import { isValidCron } from './cron-schedule.js';
import { type DigestMove, type DueCalendar, overtakenBy, weekDue } from './digest-due.js';
import type { Holiday } from './program.js';
import { shiftWeek, weekKey as weekKeyOf } from './week.js';

/**
 * The digest run log as an operator reads it: one row per ISO week, from the first run to this week, so
 * that a week with no run at all (the server was down past the week's end) shows as missed instead of
 * silently absent, and every extra digest sent with --force is listed under its week.
 */

/** The part of a stored run the log shows (the store's `DigestRun` adds its ids and key). */
export interface RunRecord {
  weekKey: string;
  /** 0 for the week's digest; 1, 2… for extra ones sent with --force. */
  seq: number;
  status: 'claimed' | 'posted' | 'failed';
  trigger: string;
  claimedAt: string;
  claimedBy: string;
  postedAt: string | null;
  channel: string;
  messageTs: string | null;
  attempts: number;
  error: string | null;
}

export type WeekOutcome =
  /** `caughtUp`: posted by the sweep after its scheduled time had passed (downtime or an earlier failure). */
  | { kind: 'posted'; run: RunRecord; caughtUp: boolean }
  | { kind: 'failed'; run: RunRecord }
  /** Claimed and not yet recorded as posted or failed: being sent, or its sender died (retried later). */
  | { kind: 'in-progress'; run: RunRecord }
  /** A past week whose schedule fired (at `dueAt`) with nothing even tried: that week had no digest. */
  | { kind: 'missed'; dueAt: Date }
  /** This week's digest is past its time and not tried yet: the server's next sweep sends it. */
  | { kind: 'overdue'; dueAt: Date }
  /** This week's digest, not due yet. */
  | { kind: 'due'; dueAt: Date }
  /** Moved by a holiday past a later week's digest, which went out in its place (`into`, its week key). */
  | { kind: 'merged'; into: string; dueAt: Date };

export interface WeekLogRow {
  weekKey: string;
  outcome: WeekOutcome;
  /** Extra digests sent with --force that week, in the order sent. */
  extras: RunRecord[];
  /** The week's scheduled day was a holiday: the digest was due on the next working day instead. */
  moved?: DigestMove;
}

export interface DigestLogInput<R extends RunRecord> {
  runs: readonly R[];
  /** The program's cron expression; null when it has no digest (then no week can be missed). */
  schedule: string | null;
  timeZone: string;
  /** The program's holidays: a digest scheduled on one is due on the next working day. */
  holidays?: readonly Holiday[];
  now: Date;
  /** At most this many weeks, newest first. */
  maxWeeks?: number;
}

export interface DigestLogSummary {
  weeks: number;
  posted: number;
  caughtUp: number;
  failed: number;
  inProgress: number;
  missed: number;
  overdue: number;
  /** Weeks whose moved digest a later week's covered. */
  merged: number;
  extras: number;
}

/** Newest week first: every week from the oldest run's to now's, plus this week when the schedule has one. */
export function digestLog<R extends RunRecord>(input: DigestLogInput<R>): WeekLogRow[] {
  const { runs, timeZone, now } = input;
  const maxWeeks = input.maxWeeks ?? 104;
  const current = weekKeyOf(now, timeZone);
  const schedule = input.schedule && isValidCron(input.schedule) ? input.schedule : undefined;
  const cal: DueCalendar | undefined = schedule
    ? { schedule, timeZone, holidays: input.holidays ?? [] }
    : undefined;
  const byWeek = new Map<string, RunRecord[]>();
  for (const run of runs) {
    const list = byWeek.get(run.weekKey) ?? [];
    list.push(run);
    byWeek.set(run.weekKey, list);
  }
  const weeks = [...byWeek.keys(), current].sort();
  const oldest = weeks[0] as string;
  const newest = weeks.at(-1) as string;

  const rows: WeekLogRow[] = [];
  for (let week = newest; week >= oldest && rows.length < maxWeeks; week = shiftWeek(week, -1)) {
    const weekRuns = (byWeek.get(week) ?? []).slice().sort((a, b) => a.seq - b.seq);
    const main = weekRuns.find((r) => r.seq === 0);
    const extras = weekRuns.filter((r) => r.seq > 0);
    const due = cal ? weekDue(cal, week) : undefined;
    const moved = due?.moved ? { moved: due.moved } : {};
    if (main) {
      rows.push({ weekKey: week, outcome: outcomeOf(main), extras, ...moved });
      continue;
    }
    if (due) {
      const dueAt = due.dueAt;
      const into = cal && overtakenBy(cal, due);
      // A digest moved into this week from an earlier one is this week's business, as this week's own is.
      const outcome: WeekOutcome = into
        ? { kind: 'merged', into: into.weekKey, dueAt }
        : dueAt.getTime() > now.getTime()
          ? { kind: 'due', dueAt }
          : weekKeyOf(dueAt, timeZone) === current
            ? { kind: 'overdue', dueAt }
            : { kind: 'missed', dueAt };
      // A week ahead of this one can only appear through a run; with no run it has nothing to say.
      if (week <= current) rows.push({ weekKey: week, outcome, extras, ...moved });
    }
  }
  return rows;
}

function outcomeOf(run: RunRecord): WeekOutcome {
  if (run.status === 'posted') return { kind: 'posted', run, caughtUp: run.trigger === 'catch-up' };
  if (run.status === 'failed') return { kind: 'failed', run };
  return { kind: 'in-progress', run };
}

export function summarizeDigestLog(rows: readonly WeekLogRow[]): DigestLogSummary {
  const summary: DigestLogSummary = {
    weeks: 0,
    posted: 0,
    caughtUp: 0,
    failed: 0,
    inProgress: 0,
    missed: 0,
    overdue: 0,
    merged: 0,
    extras: 0,
  };
  for (const row of rows) {
    summary.extras += row.extras.length;
    const o = row.outcome;
    if (o.kind === 'due') continue;
    summary.weeks++;
    if (o.kind === 'posted') {
      summary.posted++;
      if (o.caughtUp) summary.caughtUp++;
    } else if (o.kind === 'failed') summary.failed++;
    else if (o.kind === 'in-progress') summary.inProgress++;
    else if (o.kind === 'overdue') summary.overdue++;
    else if (o.kind === 'merged') summary.merged++;
    else summary.missed++;
  }
  return summary;
}
