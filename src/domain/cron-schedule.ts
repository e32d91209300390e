import cron, { type CronFieldError, type ParsedFields } from 'node-cron';
import {
  addDays,
  assertTimeZone,
  type CalendarDay,
  localDate,
  type NonexistentTime,
  parseDate,
  steadyOffsetOn,
  wallTimeToInstant,
} from './local-time.js';
import { weekEnd, weekStart } from './week.js';

/**
 * A program's digest schedule is a node-cron expression read in the program's time zone. node-cron
 * reads and matches it (so "when is this week's digest due" agrees with when node-cron fires); this
 * module walks a week's local days and resolves each matching wall-clock time to its instant.
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

/** node-cron's fields, seconds, minutes and hours sorted and without duplicates. */
export interface CronSchedule extends ParsedFields {
  readonly expression: string;
}

/** Reads a node-cron expression; throws CronExpressionError, naming the field, when node-cron refuses it. */
export function parseCron(expression: string): CronSchedule {
  const result = cron.validateDetailed(expression);
  const [error] = result.errors;
  if (!result.fields || error) throw new CronExpressionError(expression, reasonFor(error));
  const { second, minute, hour } = result.fields;
  const sorted = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);
  return { ...result.fields, second: sorted(second), minute: sorted(minute), hour: sorted(hour), expression };
}

/** What is wrong with a schedule, naming the field and value; undefined when node-cron would run it. */
export function scheduleProblem(expression: string): string | undefined {
  try {
    parseCron(expression);
    return undefined;
  } catch (error) {
    if (error instanceof CronExpressionError) return error.message;
    throw error;
  }
}

/** True when node-cron would accept `expression`. */
export function isValidCron(expression: string): boolean {
  return scheduleProblem(expression) === undefined;
}

const FIELDS: Record<string, { label: string; min: number; max: number; names?: string[] }> = {
  second: { label: 'second', min: 0, max: 59 },
  minute: { label: 'minute', min: 0, max: 59 },
  hour: { label: 'hour', min: 0, max: 23 },
  dayOfMonth: { label: 'day of month', min: 1, max: 31 },
  month: {
    label: 'month',
    min: 1,
    max: 12,
    names: ',jan,feb,mar,apr,may,jun,jul,aug,sep,oct,nov,dec'.split(','),
  },
  dayOfWeek: { label: 'day of week', min: 0, max: 7, names: 'sun,mon,tue,wed,thu,fri,sat'.split(',') },
};
/** Tokens node-cron takes that are not numbers: `L`, `L-3`, `15W`, `LW`; `5L`, `1#2`. */
const SPECIAL = {
  dayOfMonth: /^(L|L-(0?[1-9]|[12]\d|30)|(0?[1-9]|[12]\d|3[01]|L)W)$/i,
  dayOfWeek: /^([0-7]L|[0-7]#[1-5])$/i,
} as const;

/**
 * node-cron names the field it refuses and its text ("1-9 is a invalid expression for week day"); this
 * names the first value at fault, as a person would look for it: "day of week 8 is out of range 0–7".
 */
function reasonFor(error: CronFieldError | undefined): string {
  const spec = error && FIELDS[error.field];
  if (!error || !spec || error.value === undefined) {
    const fields = /got (\d+)/.exec(error?.message ?? '');
    return fields
      ? `expected 5 or 6 fields, got ${fields[1]}`
      : 'only digits, names, spaces and - * / , # ? are allowed';
  }
  if (error.message.includes('impossible')) return 'that day of month never happens in those months';
  const range = `${spec.min}–${spec.max}`;
  for (const raw of error.value.split(',')) {
    if (error.field === 'dayOfMonth' && /w/i.test(raw) && !/^(\d{1,2}|L)W$/i.test(raw)) {
      return `"${raw}" is not a day of month (W needs a day: 15W or LW)`;
    }
    if (SPECIAL[error.field as keyof typeof SPECIAL]?.test(raw)) continue;
    const token = raw
      .replace(/[a-z]+/gi, (name) => {
        const i = spec.names?.indexOf(name.slice(0, 3).toLowerCase()) ?? -1;
        return i < 0 ? name : String(i);
      })
      .replace('*', `${spec.min}-${spec.max}`);
    const m = /^(\d+)(?:-(\d+)(?:\/(\d+))?)?$/.exec(token);
    if (!m) return `${spec.label} "${token}" is not a number in ${range}`;
    const [first, last, step] = [Number(m[1]), Number(m[2] ?? m[1]), Number(m[3] ?? 1)];
    if (step < 1) return `${spec.label} "${token}" is not a number in ${range}`;
    // A range's values in order (a wrapping one such as 22-2 only by its ends): the first out of range.
    const values = first <= last ? [first] : [first, last];
    for (let v = first + step; first <= last && v <= Math.min(last, spec.max + step); v += step)
      values.push(v);
    const bad = values.find((v) => v < spec.min || v > spec.max);
    if (bad !== undefined) return `${spec.label} ${bad} is out of range ${range}`;
  }
  return `${spec.label} "${error.value}" is not valid`;
}

/**
 * Lends `use` node-cron's matcher read in UTC, a calendar with no clock changes, so that a local date can be
 * matched as it is written; the time zone then only turns each matching wall-clock time into an instant.
 */
function withDayMatcher<T>(schedule: CronSchedule, use: (runsOn: (day: CalendarDay) => boolean) => T): T {
  const task = cron.createTask(schedule.expression, () => undefined, { timezone: 'UTC' });
  const [hour, minute, second] = [schedule.hour[0], schedule.minute[0], schedule.second[0]] as number[];
  // A quick no from the plain numbers of a field (most days, for most schedules) before asking node-cron.
  const may = (field: (number | string)[], value: number) =>
    field.includes(value) || field.some((v) => typeof v === 'string');
  try {
    return use((d) => {
      // The time fields do not depend on the date: at the day's first time, a match is a match of the day.
      const at = new Date(Date.UTC(d.year, d.month - 1, d.day, hour, minute, second));
      return (
        may(schedule.month, d.month) &&
        may(schedule.dayOfMonth, d.day) &&
        may(schedule.dayOfWeek, at.getUTCDay()) &&
        task.match(at)
      );
    });
  } finally {
    task.destroy();
  }
}

/** Whether `expression` can fire twice in one week, by expression: the answer needs 28 years of days. */
const moreThanOnceAWeek = new Map<string, boolean>();

/**
 * Whether the schedule can fire twice in one week (Monday to Sunday, as the digest counts weeks). Only one
 * digest a week is ever posted, so such a schedule is not wrong, just more than it says; the importer
 * says so. Clock changes are left out: they can skip a time, never add a second day.
 */
export function firesMoreThanOnceAWeek(schedule: CronSchedule): boolean {
  const known = moreThanOnceAWeek.get(schedule.expression);
  if (known !== undefined) return known;
  const perDay = schedule.second.length * schedule.minute.length * schedule.hour.length;
  // 28 years from a Monday: every weekday, month-length and leap-year combination from 1901 to 2099.
  const answer = withDayMatcher(schedule, (runsOn) => {
    let daysThisWeek = 0;
    for (let i = 0; i < 10_227; i++) {
      if (i % 7 === 0) daysThisWeek = 0;
      const d = new Date(Date.UTC(2001, 0, 1 + i));
      const day = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      if (runsOn(day) && (perDay > 1 || ++daysThisWeek > 1)) return true;
    }
    return false;
  });
  if (moreThanOnceAWeek.size >= 1000) moreThanOnceAWeek.clear();
  moreThanOnceAWeek.set(schedule.expression, answer);
  return answer;
}

export interface OccurrenceOptions {
  /** A scheduled wall-clock time the clocks jump over: 'skip' (node-cron, the default) or 'shift'. */
  nonexistent?: NonexistentTime;
}

/** Longer ranges are a caller's mistake: a digest looks at a week, a reminder at a few days. */
const MAX_RANGE_DAYS = 400;

function walk(
  expression: string | CronSchedule,
  timeZone: string,
  from: Date,
  to: Date,
  options: OccurrenceOptions,
  firstOnly: boolean,
): Date[] {
  const schedule = typeof expression === 'string' ? parseCron(expression) : expression;
  assertTimeZone(timeZone);
  const [fromMs, toMs] = [from.getTime(), to.getTime()];
  if (!(fromMs < toMs)) return [];
  if (toMs - fromMs > MAX_RANGE_DAYS * 86_400_000) {
    throw new RangeError(`occurrences are looked up over at most ${MAX_RANGE_DAYS} days`);
  }
  const nonexistent = options.nonexistent ?? 'skip';
  const out: number[] = [];
  withDayMatcher(schedule, (runsOn) => {
    // One local day either side: a clock change at midnight can move a local date across `from` or `to`.
    const last = addDays(localDate(to, timeZone), 1);
    let daysWithHits = 0;
    for (let date = addDays(localDate(from, timeZone), -1); date <= last; date = addDays(date, 1)) {
      const day = parseDate(date);
      if (!runsOn(day)) continue;
      const steady = steadyOffsetOn(day, timeZone);
      const midnight = Date.UTC(day.year, day.month - 1, day.day);
      const before = out.length;
      for (const hour of schedule.hour) {
        for (const minute of schedule.minute) {
          for (const second of schedule.second) {
            const t =
              steady === undefined
                ? wallTimeToInstant({ ...day, hour, minute, second }, timeZone, nonexistent)?.getTime()
                : midnight + ((hour * 60 + minute) * 60 + second) * 1000 - steady * 60_000;
            if (t !== undefined && t >= fromMs && t < toMs) out.push(t);
          }
        }
      }
      // One more day after the first hit: a shifted time (02:30 as 03:30) can come after a later date's.
      if (firstOnly && (daysWithHits > 0 || out.length > before) && ++daysWithHits > 1) break;
    }
  });
  out.sort((a, b) => a - b);
  return out.filter((t, i) => t !== out[i - 1]).map((t) => new Date(t));
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
  return walk(expression, timeZone, from, to, options, false);
}

/** When the schedule first fires in [from, to), or undefined. */
export function firstOccurrenceBetween(
  expression: string | CronSchedule,
  timeZone: string,
  from: Date,
  to: Date,
  options: OccurrenceOptions = {},
): Date | undefined {
  return walk(expression, timeZone, from, to, options, true)[0];
}

/** Every time the schedule fires in an ISO week of `timeZone` (local Monday 00:00 to next Monday 00:00). */
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

/**
 * When the schedule first fires in an ISO week, or undefined if it does not fire that week (e.g.
 * "0 9 1 * *" in a week with no 1st, or only at a time the clocks skipped). Catch-up asks this: "this
 * week's digest was due at T and nothing was posted".
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
