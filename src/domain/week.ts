import { tz } from '@date-fns/tz';
// Per-function entry points: the package index loads all of date-fns (about 20 MB of a server's memory).
import { addWeeks } from 'date-fns/addWeeks';
import { format } from 'date-fns/format';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeeksInYear } from 'date-fns/getISOWeeksInYear';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { startOfISOWeekYear } from 'date-fns/startOfISOWeekYear';
import {
  addDays,
  type CalendarDay,
  calendarDate,
  formatDate,
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

export interface IsoWeek {
  year: number;
  week: number;
}

/**
 * date-fns' week maths on a `TZDate` takes a fraction of a millisecond a call, and a date's week (or a
 * week's Monday) never changes: the last few thousand answers are kept. A refused key is not.
 */
function remembered(compute: (key: string) => string): (key: string) => string {
  const known = new Map<string, string>();
  return (key) => {
    let answer = known.get(key);
    if (answer === undefined) {
      answer = compute(key);
      if (known.size >= 5000) known.clear();
      known.set(key, answer);
    }
    return answer;
  };
}

function formatWeekKey(w: IsoWeek): string {
  return `${String(w.year).padStart(4, '0')}-W${String(w.week).padStart(2, '0')}`;
}

/** The ISO week key of a calendar date ('YYYY-MM-DD'). */
export const weekKeyOfDate = remembered((date) => {
  const d = calendarDate(date);
  return formatWeekKey({ year: getISOWeekYear(d), week: getISOWeek(d) });
});

/** The ISO week key ("2026-W48") of `instant` on the program's local calendar. */
export function weekKey(instant: Date, timeZone: string): string {
  return weekKeyOfDate(localDate(instant, timeZone));
}

/** 4 January of an ISO week year: always in its week 1. */
function fourthOfJanuary(year: number) {
  return calendarDate(`${String(year).padStart(4, '0')}-01-04`);
}

/** Parses "2026-W48"; throws a RangeError for anything else, including a week 53 the year does not have. */
export function parseWeekKey(key: string): IsoWeek {
  const m = WEEK_KEY_RE.exec(key);
  const year = Number(m?.[1]);
  const week = Number(m?.[2]);
  if (!m || week < 1 || week > getISOWeeksInYear(fourthOfJanuary(year))) {
    throw new RangeError(`"${key}" is not an ISO week key (expected e.g. 2026-W48)`);
  }
  return { year, week };
}

/** The Monday of an ISO week, as 'YYYY-MM-DD'. */
export const weekMonday = remembered((key) => {
  const { year, week } = parseWeekKey(key);
  return formatDate(addWeeks(startOfISOWeekYear(fourthOfJanuary(year)), week - 1));
});

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
  return formatDay(date, 'd MMM yyyy');
}

/** "23 Nov": as formatDayMonthYear, without the year (beside a date that says it). */
export function formatDayMonth(date: CalendarDay | string): string {
  return formatDay(date, 'd MMM');
}

/** "Mon 23 Nov 2026" for a calendar date; "Mon 23 Nov" without `withYear`. */
export function formatDayLabel(date: string, withYear = true): string {
  return formatDay(date, withYear ? 'EEE d MMM yyyy' : 'EEE d MMM');
}

function formatDay(date: CalendarDay | string, pattern: string): string {
  const d = typeof date === 'string' ? parseDate(date) : date;
  return format(new Date(Date.UTC(d.year, d.month - 1, d.day)), pattern, { in: tz('UTC') });
}

/** "Week of 23 Nov 2026": the label of a week key, from its Monday. */
export function weekKeyLabel(key: string): string {
  return `Week of ${formatDayMonthYear(weekMonday(key))}`;
}

/** "Week of 23 Nov 2026": the Monday of the ISO week that `instant` falls in, on the program's calendar. */
export function weekLabel(instant: Date, timeZone: string): string {
  return weekKeyLabel(weekKey(instant, timeZone));
}
