import { firstOccurrenceInWeek } from './cron-schedule.js';
import { localDate, parseDate, wallTime, wallTimeToInstant } from './local-time.js';
import type { Holiday } from './program.js';
import { holidayName, holidayOn, nextWorkingDay } from './quiet-days.js';
import { formatDayLabel, shiftWeek, weekKey as weekKeyOf, weekStart } from './week.js';

/**
 * When each week's digest is due, holidays included. A week's digest belongs to the week its schedule fires
 * in (the week key claimed, so still once a week), but when that time falls on one of the program's holidays
 * it is due on the next working day instead, at the same wall-clock time. Weekends move nothing by
 * themselves: a schedule on a Saturday is the admin's choice; a Thursday holiday does skip the weekend.
 */

export interface DigestMove {
  /** The scheduled date, a holiday (YYYY-MM-DD in the program's zone). */
  from: string;
  /** The next working day, when the digest is due instead. */
  to: string;
  /** The holiday's name, or "a holiday" when it has none. */
  holiday: string;
}

export interface WeekDue {
  weekKey: string;
  /** The schedule's first time in the week (a time the clocks skip shifted to just after). */
  scheduledAt: Date;
  /** When the digest is due: `scheduledAt`, or the same wall-clock time on the next working day. */
  dueAt: Date;
  moved?: DigestMove;
}

export interface DueCalendar {
  schedule: string;
  timeZone: string;
  holidays: readonly Holiday[];
}

/** A program's digest calendar: its digest's `schedule` in its zone, less its holidays. */
export function dueCalendar(
  schedule: string,
  program: { timezone: string; holidays?: readonly Holiday[] | undefined },
): DueCalendar {
  // `?? []`: a program read before holidays existed, or built by hand in a test, has none.
  return { schedule, timeZone: program.timezone, holidays: program.holidays ?? [] };
}

/** When the digest of `weekKey` is due; undefined when the schedule does not fire that week. */
export function weekDue(cal: DueCalendar, weekKey: string): WeekDue | undefined {
  const scheduledAt = firstOccurrenceInWeek(cal.schedule, cal.timeZone, weekKey, { nonexistent: 'shift' });
  if (!scheduledAt) return undefined;
  const from = localDate(scheduledAt, cal.timeZone);
  const holiday = holidayOn(cal.holidays, from);
  if (!holiday) return { weekKey, scheduledAt, dueAt: scheduledAt };
  const to = nextWorkingDay(cal.holidays, from);
  const { hour, minute, second } = wallTime(scheduledAt, cal.timeZone);
  // 'shift' always gives an instant; the fallback only satisfies the type.
  const dueAt =
    wallTimeToInstant({ ...parseDate(to), hour, minute, second }, cal.timeZone, 'shift') ?? scheduledAt;
  return { weekKey, scheduledAt, dueAt, moved: { from, to, holiday: holidayName(holiday) } };
}

/**
 * A moved digest that a later week's digest overtakes (a break longer than a week moves both to the same
 * first working day) is not posted on its own: the later one, due no later, covers its changes too.
 */
export function overtakenBy(cal: DueCalendar, due: WeekDue): WeekDue | undefined {
  if (!due.moved) return undefined;
  for (let week = shiftWeek(due.weekKey, 1); weekStart(week, cal.timeZone) <= due.dueAt; ) {
    const later = weekDue(cal, week);
    if (later && later.dueAt <= due.dueAt) return later;
    week = shiftWeek(week, 1);
  }
  return undefined;
}

/** Holidays are at most a year long each: no digest moves further than this many weeks. */
const MAX_WEEKS_MOVED = 54;

/**
 * The digests due at `now` that belong in now's week (program's zone), oldest week first: this week's once
 * its due time has passed, and any earlier week's that a holiday moved into this week, unless overtaken.
 * Catch-up stays within the week a digest is due in, as it always has: a digest due last week and not sent
 * is a missed week, not one to post now.
 */
export function digestsDueInWeekOf(cal: DueCalendar, now: Date): WeekDue[] {
  const current = weekKeyOf(now, cal.timeZone);
  const start = weekStart(current, cal.timeZone);
  const found: WeekDue[] = [];
  for (let back = 0; back <= MAX_WEEKS_MOVED; back++) {
    const due = weekDue(cal, shiftWeek(current, -back));
    if (!due) continue;
    // An earlier week still moved into this one would be overtaken by this one, which is due sooner.
    if (due.dueAt < start) break;
    if (due.dueAt <= now && !overtakenBy(cal, due)) found.unshift(due);
  }
  return found;
}

/** "moved from Thu 24 Dec to Mon 28 Dec 2026: Winter break" (both years when the move crosses one). */
export function moveText(move: DigestMove): string {
  const sameYear = move.from.slice(0, 4) === move.to.slice(0, 4);
  return `moved from ${formatDayLabel(move.from, !sameYear)} to ${formatDayLabel(move.to)}: ${move.holiday}`;
}

/**
 * Whether every week after `last` and before `week` had its digest merged into a later week's by a holiday:
 * then no week went without a digest, though the week keys skip.
 */
export function onlyMergedBetween(cal: DueCalendar, last: string, week: string): boolean {
  const first = shiftWeek(last, 1);
  if (first >= week || shiftWeek(first, MAX_WEEKS_MOVED) < week) return false;
  for (let w = first; w < week; w = shiftWeek(w, 1)) {
    const due = weekDue(cal, w);
    if (!due || !overtakenBy(cal, due)) return false;
  }
  return true;
}
