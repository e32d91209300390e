import { TZDate } from '@date-fns/tz';
// Per-function entry points: the package index loads all of date-fns (about 20 MB of a server's memory).
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import {
  addDays,
  type CalendarDay,
  isoWeekday,
  localDate,
  parseDate,
  wallTimeToInstant,
} from './local-time.js';

/**
 * ISO weeks of a program: the digest posts once per week key ("2026-W48"), and a week is the program's
 * LOCAL Monday 00:00 to the next Monday 00:00. A Sunday 23:30 in Los Angeles is still that week, even
 * though it is already Monday in UTC.
 */

const WEEK_KEY_RE = /^(\d{4})-W(\d{2})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export interface IsoWeek {
  year: number;
  week: number;
}

/** The calendar date as a midnight in UTC: with no DST in UTC, date-fns' week maths is pure calendar maths. */
function utcCalendarDate(date: string): TZDate {
  const d = parseDate(date);
  return new TZDate(Date.UTC(d.year, d.month - 1, d.day), 'UTC');
}

function formatWeekKey(w: IsoWeek): string {
  return `${String(w.year).padStart(4, '0')}-W${String(w.week).padStart(2, '0')}`;
}

/** The ISO week key of a calendar date ('YYYY-MM-DD'). */
export function weekKeyOfDate(date: string): string {
  const d = utcCalendarDate(date);
  return formatWeekKey({ year: getISOWeekYear(d), week: getISOWeek(d) });
}

/** The ISO week key ("2026-W48") of `instant` on the program's local calendar. */
export function weekKey(instant: Date, timeZone: string): string {
  return weekKeyOfDate(localDate(instant, timeZone));
}

/** 52 or 53: a year has a week 53 when it starts on a Thursday, or on a Wednesday in a leap year. */
function isoWeeksInYear(year: number): number {
  const jan1 = isoWeekday(`${String(year).padStart(4, '0')}-01-01`);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

/** Parses "2026-W48"; throws a RangeError for anything else, including a week 53 the year does not have. */
export function parseWeekKey(key: string): IsoWeek {
  const m = WEEK_KEY_RE.exec(key);
  const year = Number(m?.[1]);
  const week = Number(m?.[2]);
  if (!m || week < 1 || week > isoWeeksInYear(year)) {
    throw new RangeError(`"${key}" is not an ISO week key (expected e.g. 2026-W48)`);
  }
  return { year, week };
}

/** The Monday of an ISO week, as 'YYYY-MM-DD' (week 1 is the week with the year's first Thursday, Jan 4). */
export function weekMonday(key: string): string {
  const { year, week } = parseWeekKey(key);
  const jan4 = `${String(year).padStart(4, '0')}-01-04`;
  return addDays(jan4, 1 - isoWeekday(jan4) + (week - 1) * 7);
}

/** The Sunday that ends an ISO week, as 'YYYY-MM-DD'. */
export function weekSunday(key: string): string {
  return addDays(weekMonday(key), 6);
}

/** The week `weeks` after (or before, when negative) `key`. */
export function shiftWeek(key: string, weeks: number): string {
  return weekKeyOfDate(addDays(weekMonday(key), weeks * 7));
}

/**
 * The instant the week starts: Monday 00:00 in `timeZone`. Where a zone skips midnight (clocks jumping
 * forward at 00:00), the week starts when the day does, at the jump.
 */
export function weekStart(key: string, timeZone: string): Date {
  const monday = parseDate(weekMonday(key));
  return wallTimeToInstant({ ...monday, hour: 0, minute: 0, second: 0 }, timeZone, 'shift') as Date;
}

/** The instant the week ends (exclusive): the next week's start. Not always 7 × 24 hours, because of DST. */
export function weekEnd(key: string, timeZone: string): Date {
  return weekStart(shiftWeek(key, 1), timeZone);
}

/** "23 Nov 2026": day, short English month, year; deterministic, whatever the server's locale. */
export function formatDayMonthYear(date: CalendarDay | string): string {
  const d = typeof date === 'string' ? parseDate(date) : date;
  return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** "Week of 23 Nov 2026": the label of a week key, from its Monday. */
export function weekKeyLabel(key: string): string {
  return `Week of ${formatDayMonthYear(weekMonday(key))}`;
}

/** "Week of 23 Nov 2026": the Monday of the ISO week that `instant` falls in, on the program's calendar. */
export function weekLabel(instant: Date, timeZone: string): string {
  return weekKeyLabel(weekKey(instant, timeZone));
}
