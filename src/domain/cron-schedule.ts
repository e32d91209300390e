import {
  addDays,
  assertTimeZone,
  type CalendarDay,
  daysBetween,
  localDate,
  type NonexistentTime,
  parseDate,
  steadyOffsetOn,
  wallTimeToInstant,
} from './local-time.js';
import { weekEnd, weekStart } from './week.js';

/**
 * A program's digest schedule is a node-cron expression read in the program's time zone. This module reads
 * it the way node-cron 4 does, so that "when is this week's digest due" agrees with when node-cron fires:
 *
 * - 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first; runs of spaces are one;
 * - `*`, numbers, lists `1,3`, ranges `1-5` (a range may wrap: `FRI-MON`, `22-2`), steps `*\/15` and `1-30/5`;
 * - month names and day names, short or full, any case (`JAN`, `monday`); day of week 0 or 7 is Sunday;
 * - `?` for a whole day-of-month or day-of-week field; in day of month `L` (last day), `L-3`, `15W` and `LW`
 *   (nearest weekday); in day of week `5L` (last Friday) and `1#2` (second Monday);
 * - nicknames `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight`, `@hourly`;
 * - unlike classic cron, day of month AND day of week must both match (node-cron's rule).
 *
 * Clock changes, as node-cron handles them (and the default here): a time the clocks jump over does not
 * happen that day (a 02:30 schedule skips the spring-forward night), and a time the clocks repeat happens
 * once, at its first occurrence. Pass `{ nonexistent: 'shift' }` to move a skipped time forward by the jump
 * instead (02:30 becomes 03:30), e.g. so that catch-up still finds a digest due in such a week.
 */

export class CronExpressionError extends Error {
  constructor(
    readonly expression: string,
    reason: string,
  ) {
    super(`"${expression}" is not a valid schedule: ${reason}`);
    this.name = 'CronExpressionError';
  }
}

export type DayOfMonthRule =
  | { kind: 'day'; day: number }
  /** `L` is `{ offset: 0 }`, `L-3` is `{ offset: 3 }` */
  | { kind: 'last'; offset: number }
  /** `15W`, or `LW` (`day: 'last'`): the weekday nearest to that day, within the month */
  | { kind: 'nearest-weekday'; day: number | 'last' };

export type DayOfWeekRule =
  /** 0 = Sunday … 6 = Saturday */
  | { kind: 'weekday'; weekday: number }
  /** `1#2`: the second Monday of the month */
  | { kind: 'nth'; weekday: number; nth: number }
  /** `5L`: the last Friday of the month */
  | { kind: 'last'; weekday: number };

export interface CronSchedule {
  readonly expression: string;
  /** Sorted, without duplicates. */
  readonly seconds: readonly number[];
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly months: ReadonlySet<number>;
  readonly daysOfMonth: readonly DayOfMonthRule[];
  readonly daysOfWeek: readonly DayOfWeekRule[];
}

const NICKNAMES: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const MONTH_NAMES = [
  [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ],
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
];
const DAY_NAMES = [
  ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
  ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
];

/** `min`/`max` bound the values; `wrapMax` is where a wrapping range turns over (day of week: 6, though 7 is allowed). */
const FIELDS = [
  { label: 'second', min: 0, max: 59, wrapMax: 59 },
  { label: 'minute', min: 0, max: 59, wrapMax: 59 },
  { label: 'hour', min: 0, max: 23, wrapMax: 23 },
  { label: 'day of month', min: 1, max: 31, wrapMax: 31 },
  { label: 'month', min: 1, max: 12, wrapMax: 12 },
  { label: 'day of week', min: 0, max: 7, wrapMax: 6 },
] as const;

const MAX_DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Names become numbers by plain replacement, full names first, as node-cron does. */
function replaceNames(field: string, lists: string[][], first: number): string {
  let out = field;
  for (const names of lists) {
    names.forEach((name, i) => {
      out = out.replace(new RegExp(name, 'gi'), String(i + first));
    });
  }
  return out;
}

/** `a-b` or `a-b/s` as numbers; undefined when it is not a range (or has a zero step). */
function expandRange(token: string, min: number, wrapMax: number): number[] | undefined {
  const m = /^(\d+)-(\d+)(?:\/(\d+))?$/.exec(token);
  if (!m) return undefined;
  const first = Number(m[1]);
  const last = Number(m[2]);
  const step = m[3] === undefined ? 1 : Number(m[3]);
  if (step < 1) return undefined;
  const out: number[] = [];
  if (first <= last) {
    for (let v = first; v <= last; v += step) out.push(v);
    return out;
  }
  const size = wrapMax - min + 1;
  const span = (((last - first) % size) + size) % size;
  for (let offset = 0; offset <= span; offset += step) {
    const v = first + offset;
    out.push(v > wrapMax ? v - size : v);
  }
  return out;
}

/** One field's comma-separated items, with `*` and ranges expanded to numbers (as strings). */
function expandField(field: string, index: number): string[] {
  const spec = FIELDS[index] as (typeof FIELDS)[number];
  const items: string[] = [];
  for (const raw of field.split(',')) {
    const token = raw.includes('*') ? raw.replace('*', `${spec.min}-${spec.wrapMax}`) : raw;
    const range = expandRange(token, spec.min, spec.wrapMax);
    if (range) items.push(...range.map(String));
    else items.push(token);
  }
  return items;
}

function numbersOf(expression: string, items: string[], index: number): number[] {
  const spec = FIELDS[index] as (typeof FIELDS)[number];
  return items.map((item) => {
    const range = `${spec.min}–${spec.max}`;
    if (!/^\d+$/.test(item)) {
      throw new CronExpressionError(expression, `${spec.label} "${item}" is not a number in ${range}`);
    }
    const n = Number(item);
    if (n < spec.min || n > spec.max) {
      throw new CronExpressionError(expression, `${spec.label} ${n} is out of range ${range}`);
    }
    return n;
  });
}

function sortedUnique(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

function dayOfMonthRules(expression: string, items: string[]): DayOfMonthRule[] {
  return items.map((item): DayOfMonthRule => {
    const upper = item.toUpperCase();
    if (upper === 'L') return { kind: 'last', offset: 0 };
    const offset = /^L-(\d{1,2})$/.exec(upper);
    if (offset && Number(offset[1]) >= 1 && Number(offset[1]) <= 30) {
      return { kind: 'last', offset: Number(offset[1]) };
    }
    const nearest = /^(\d{1,2}|L)W$/.exec(upper);
    if (nearest?.[1] === 'L') return { kind: 'nearest-weekday', day: 'last' };
    if (nearest && Number(nearest[1]) >= 1 && Number(nearest[1]) <= 31) {
      return { kind: 'nearest-weekday', day: Number(nearest[1]) };
    }
    const [day] = numbersOf(expression, [item], 3);
    return { kind: 'day', day: day as number };
  });
}

function dayOfWeekRules(expression: string, items: string[]): DayOfWeekRule[] {
  const rules = items.map((item): DayOfWeekRule => {
    const nth = /^([0-7])#([1-5])$/.exec(item);
    if (nth) return { kind: 'nth', weekday: Number(nth[1]) % 7, nth: Number(nth[2]) };
    const last = /^([0-7])L$/i.exec(item);
    if (last) return { kind: 'last', weekday: Number(last[1]) % 7 };
    const [weekday] = numbersOf(expression, [item], 5);
    return { kind: 'weekday', weekday: (weekday as number) % 7 };
  });
  const seen = new Set<string>();
  return rules.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads a node-cron expression; throws CronExpressionError, naming the field, when node-cron would refuse it. */
export function parseCron(expression: string): CronSchedule {
  const resolved = NICKNAMES[expression.trim().toLowerCase()] ?? expression;
  if (!/^[a-zA-Z0-9\-*/,#? ]+$/.test(resolved)) {
    throw new CronExpressionError(expression, 'only digits, names, spaces and - * / , # ? are allowed');
  }
  const raw = resolved
    .replace(/\s{2,}/g, ' ')
    .trim()
    .split(' ');
  if (raw.length !== 5 && raw.length !== 6) {
    throw new CronExpressionError(expression, `expected 5 or 6 fields, got ${raw.length}`);
  }
  const fields = raw.length === 5 ? ['0', ...raw] : [...raw];
  if (fields[3] === '?') fields[3] = '*';
  if (fields[5] === '?') fields[5] = '*';
  fields[4] = replaceNames(fields[4] as string, MONTH_NAMES, 1);
  fields[5] = replaceNames(fields[5] as string, DAY_NAMES, 0);
  const rawDayOfMonth = fields[3] as string;
  for (const token of rawDayOfMonth.split(',')) {
    if (/w/i.test(token) && !/^(\d{1,2}|L)W$/i.test(token)) {
      throw new CronExpressionError(
        expression,
        `"${token}" is not a day of month (W needs a day: 15W or LW)`,
      );
    }
  }
  const items = fields.map((f, i) => expandField(f, i));
  const numbers = (i: number) => sortedUnique(numbersOf(expression, items[i] as string[], i));
  const [seconds, minutes, hours, months] = [numbers(0), numbers(1), numbers(2), numbers(4)];
  const daysOfMonth = dayOfMonthRules(expression, items[3] as string[]);
  const daysOfWeek = dayOfWeekRules(expression, items[5] as string[]);
  const plainDays = daysOfMonth.every((r) => r.kind === 'day');
  if (
    plainDays &&
    !months.some((m) =>
      daysOfMonth.some((r) => r.kind === 'day' && r.day <= (MAX_DAYS_IN_MONTH[m] as number)),
    )
  ) {
    throw new CronExpressionError(expression, 'that day of month never happens in those months');
  }
  return { expression, seconds, minutes, hours, months: new Set(months), daysOfMonth, daysOfWeek };
}

/** True when node-cron would accept `expression`. */
export function isValidCron(expression: string): boolean {
  try {
    parseCron(expression);
    return true;
  } catch {
    return false;
  }
}

/** A Monday: the walk below starts a week there, so "the same week" is Monday to Sunday. */
const CYCLE_START = Date.UTC(2001, 0, 1);
/** 28 years of dates: every weekday, month-length and leap-year combination there is from 1901 to 2099. */
const CYCLE_DAYS = 10_227;

/**
 * Whether the schedule can fire twice in one week (Monday to Sunday, as the digest counts weeks). Only one
 * digest a week is ever posted, so such a schedule is not wrong, just more than it says; the importer
 * says so. Clock changes are left out: they can skip a time, never add a second day.
 */
export function firesMoreThanOnceAWeek(schedule: CronSchedule): boolean {
  const perDay = schedule.seconds.length * schedule.minutes.length * schedule.hours.length;
  let daysThisWeek = 0;
  for (let i = 0; i < CYCLE_DAYS; i++) {
    if (i % 7 === 0) daysThisWeek = 0;
    const date = new Date(CYCLE_START + i * 86_400_000);
    const day = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    if (!runsOnDay(schedule, day)) continue;
    daysThisWeek += 1;
    if (perDay > 1 || daysThisWeek > 1) return true;
  }
  return false;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** node-cron's `W`: a Saturday moves back to Friday (forward to Monday on the 1st), a Sunday forward to Monday (back to Friday on the last day). */
function nearestWeekday(year: number, month: number, target: number): number {
  const last = lastDayOfMonth(year, month);
  if (target < 1 || target > last) return -1;
  const weekday = weekdayOf(year, month, target);
  if (weekday === 6) return target === 1 ? target + 2 : target - 1;
  if (weekday === 0) return target === last ? target - 2 : target + 1;
  return target;
}

function matchesDayOfMonth(rule: DayOfMonthRule, d: CalendarDay): boolean {
  switch (rule.kind) {
    case 'day':
      return rule.day === d.day;
    case 'last': {
      const target = lastDayOfMonth(d.year, d.month) - rule.offset;
      return target >= 1 && target === d.day;
    }
    case 'nearest-weekday': {
      const target = rule.day === 'last' ? lastDayOfMonth(d.year, d.month) : rule.day;
      return nearestWeekday(d.year, d.month, target) === d.day;
    }
  }
}

function matchesDayOfWeek(rule: DayOfWeekRule, d: CalendarDay, weekday: number): boolean {
  if (rule.weekday !== weekday) return false;
  switch (rule.kind) {
    case 'weekday':
      return true;
    case 'nth':
      return Math.floor((d.day - 1) / 7) + 1 === rule.nth;
    case 'last':
      return d.day + 7 > lastDayOfMonth(d.year, d.month);
  }
}

/** Whether the schedule runs at all on a local calendar day (month, day of month and day of week all match). */
function runsOnDay(schedule: CronSchedule, d: CalendarDay): boolean {
  if (!schedule.months.has(d.month)) return false;
  if (!schedule.daysOfMonth.some((r) => matchesDayOfMonth(r, d))) return false;
  const weekday = weekdayOf(d.year, d.month, d.day);
  return schedule.daysOfWeek.some((r) => matchesDayOfWeek(r, d, weekday));
}

export interface OccurrenceOptions {
  /** A scheduled wall-clock time the clocks jump over: 'skip' (node-cron, the default) or 'shift'. */
  nonexistent?: NonexistentTime;
}

/** Longer ranges are a caller's mistake: a digest looks at a week, a reminder at a few days. */
const MAX_RANGE_DAYS = 400;

function walk(
  schedule: CronSchedule,
  timeZone: string,
  from: Date,
  to: Date,
  options: OccurrenceOptions,
  firstOnly: boolean,
): number[] {
  assertTimeZone(timeZone);
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (!(fromMs < toMs)) return [];
  if (toMs - fromMs > MAX_RANGE_DAYS * 86_400_000) {
    throw new RangeError(`occurrences are looked up over at most ${MAX_RANGE_DAYS} days`);
  }
  const nonexistent = options.nonexistent ?? 'skip';
  // One local day either side: a clock change at midnight can move a local date across `from` or `to`.
  const lastDate = addDays(localDate(to, timeZone), 1);
  const out: number[] = [];
  let hitDays = 0;
  for (
    let date = addDays(localDate(from, timeZone), -1);
    daysBetween(date, lastDate) >= 0;
    date = addDays(date, 1)
  ) {
    const day = parseDate(date);
    if (!runsOnDay(schedule, day)) continue;
    const steady = steadyOffsetOn(day, timeZone);
    const midnight = Date.UTC(day.year, day.month - 1, day.day);
    const before = out.length;
    for (const hour of schedule.hours) {
      for (const minute of schedule.minutes) {
        for (const second of schedule.seconds) {
          const t =
            steady === undefined
              ? wallTimeToInstant({ ...day, hour, minute, second }, timeZone, nonexistent)?.getTime()
              : midnight + ((hour * 60 + minute) * 60 + second) * 1000 - steady * 60_000;
          if (t !== undefined && t >= fromMs && t < toMs) out.push(t);
        }
      }
    }
    // Keep one more day after the first hit, in case a clock change put an earlier instant on a later date.
    if (firstOnly && (hitDays > 0 || out.length > before) && ++hitDays > 1) break;
  }
  out.sort((a, b) => a - b);
  return out.filter((t, i) => i === 0 || t !== out[i - 1]);
}

/**
 * Every instant in [from, to) at which the schedule fires in `timeZone`, earliest first.
 * `expression` may be a string or the result of `parseCron`; a bad string throws CronExpressionError.
 */
export function occurrencesBetween(
  expression: string | CronSchedule,
  timeZone: string,
  from: Date,
  to: Date,
  options: OccurrenceOptions = {},
): Date[] {
  const schedule = typeof expression === 'string' ? parseCron(expression) : expression;
  return walk(schedule, timeZone, from, to, options, false).map((t) => new Date(t));
}

/** When the schedule first fires in `from`…`to`, or undefined. */
export function firstOccurrenceBetween(
  expression: string | CronSchedule,
  timeZone: string,
  from: Date,
  to: Date,
  options: OccurrenceOptions = {},
): Date | undefined {
  const schedule = typeof expression === 'string' ? parseCron(expression) : expression;
  const [first] = walk(schedule, timeZone, from, to, options, true);
  return first === undefined ? undefined : new Date(first);
}

/**
 * When the schedule first fires in an ISO week (local Monday 00:00 to next Monday 00:00), or undefined if it
 * does not fire that week (e.g. "0 9 1 * *" in a week with no 1st, or only at a time the clocks skipped).
 * Catch-up asks this: "this week's digest was due at T and nothing was posted".
 */
export function firstOccurrenceInWeek(
  expression: string | CronSchedule,
  timeZone: string,
  weekKey: string,
  options: OccurrenceOptions = {},
): Date | undefined {
  return firstOccurrenceBetween(
    expression,
    timeZone,
    weekStart(weekKey, timeZone),
    weekEnd(weekKey, timeZone),
    options,
  );
}

/** Every time the schedule fires in an ISO week of `timeZone`, earliest first. */
export function occurrencesInWeek(
  expression: string | CronSchedule,
  timeZone: string,
  weekKey: string,
  options: OccurrenceOptions = {},
): Date[] {
  return occurrencesBetween(
    expression,
    timeZone,
    weekStart(weekKey, timeZone),
    weekEnd(weekKey, timeZone),
    options,
  );
}
