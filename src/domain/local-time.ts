import { TZDate, tzOffset } from '@date-fns/tz';
// Per-function entry points: the package index loads all of date-fns (about 20 MB of a server's memory).
import { addDays as addDaysTo } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { formatISO } from 'date-fns/formatISO';
import { getISODay } from 'date-fns/getISODay';
import { z } from 'zod';

/**
 * Calendar dates and wall-clock times in a program's IANA time zone, without `Date`'s local getters
 * (those follow the server's zone, never the program's).
 *
 * A calendar date is a 'YYYY-MM-DD' string, the same shape as an action's `due`.
 */

const DAY_MS = 86_400_000;

const knownZones = new Set<string>();

/** True for a time zone the runtime knows ("Asia/Tokyo", "UTC"); a zone from outside is trusted no further. */
export function isTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return false;
  }
  knownZones.add(timeZone);
  return true;
}

/** Throws a RangeError naming the zone when the runtime does not know it (a typo in a program file). */
export function assertTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) {
    throw new RangeError(`unknown time zone "${timeZone}" (expected an IANA name such as Europe/Berlin)`);
  }
}

/** Minutes east of UTC in `timeZone` at `ms` (Berlin in winter: 60). */
function offsetMinutes(timeZone: string, ms: number): number {
  return tzOffset(timeZone, new Date(ms));
}

export interface CalendarDay {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export interface WallTime extends CalendarDay {
  hour: number;
  minute: number;
  second: number;
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not); years from 0100, as before date-fns. */
const calendarDateSchema = z.iso.date().refine((date) => date >= '0100');

/** Whether `value` is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  return calendarDateSchema.safeParse(value).success;
}

export function parseDate(date: string): CalendarDay {
  if (!isCalendarDate(date)) throw new RangeError(`"${date}" is not a calendar date (expected YYYY-MM-DD)`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** The date as midnight in UTC: with no clock changes in UTC, date-fns' maths on it is calendar maths. */
export function calendarDate(date: string): TZDate {
  parseDate(date);
  return new TZDate(Date.parse(date), 'UTC');
}

/** 'YYYY-MM-DD' of a date, read in its own zone (a `TZDate`'s). */
export function formatDate(date: Date): string {
  return formatISO(date, { representation: 'date' });
}

/** The wall-clock time in `timeZone` at `instant`. */
export function wallTime(instant: Date, timeZone: string): WallTime {
  assertTimeZone(timeZone);
  const local = new TZDate(instant, timeZone);
  return {
    year: local.getFullYear(),
    month: local.getMonth() + 1,
    day: local.getDate(),
    hour: local.getHours(),
    minute: local.getMinutes(),
    second: local.getSeconds(),
  };
}

/** The calendar date in `timeZone` at `instant`, as 'YYYY-MM-DD'. */
export function localDate(instant: Date, timeZone: string): string {
  assertTimeZone(timeZone);
  return formatDate(new TZDate(instant, timeZone));
}

export function addDays(date: string, days: number): string {
  return formatDate(addDaysTo(calendarDate(date), days));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(calendarDate(to), calendarDate(from));
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return getISODay(calendarDate(date));
}

/**
 * What to do with a wall-clock time that does not exist because the clocks jumped forward over it
 * (02:30 on a spring-forward night in Los Angeles or Berlin):
 * - 'skip': no instant (what node-cron does: a schedule at that time does not fire that day);
 * - 'shift': the instant the same distance after the jump (02:30 becomes 03:30), as `TZDate` does.
 * A time that happens twice when the clocks go back always resolves to its first occurrence.
 */
export type NonexistentTime = 'skip' | 'shift';

/**
 * The instant at which `timeZone` shows the wall-clock time `t`.
 * Looks at the zone's offset a day before and a day after, which bracket any single transition.
 * Not `new TZDate(…, timeZone)`: for a time the clocks repeat it can give the second occurrence (east of
 * UTC, e.g. Berlin's 02:30 on the last Sunday of October), and node-cron runs a schedule at the first.
 */
export function wallTimeToInstant(
  t: WallTime,
  timeZone: string,
  nonexistent: NonexistentTime,
): Date | undefined {
  assertTimeZone(timeZone);
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const before = offsetMinutes(timeZone, wall - DAY_MS);
  const after = offsetMinutes(timeZone, wall + DAY_MS);
  let first: number | undefined;
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = wall - offset * 60_000;
    if (offsetMinutes(timeZone, candidate) === offset && (first === undefined || candidate < first)) {
      first = candidate;
    }
  }
  if (first !== undefined) return new Date(first);
  return nonexistent === 'shift' ? new Date(wall - before * 60_000) : undefined;
}

/**
 * For walking many times of one local day cheaply: when the zone's offset is the same a day before and a day
 * after the date, every wall-clock time of that date is `wall - offset` (no transition can hide in between
 * for real zones, whose transitions are months apart). Otherwise returns undefined: resolve each time with
 * `wallTimeToInstant`.
 */
export function steadyOffsetOn(date: CalendarDay, timeZone: string): number | undefined {
  assertTimeZone(timeZone);
  const midnight = Date.UTC(date.year, date.month - 1, date.day);
  const before = offsetMinutes(timeZone, midnight - DAY_MS);
  const after = offsetMinutes(timeZone, midnight + 2 * DAY_MS);
  return before === after ? before : undefined;
}
