import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import {
  CronExpressionError,
  firesMoreThanOnceAWeek,
  firstOccurrenceBetween,
  firstOccurrenceInWeek,
  isValidCron,
  occurrencesBetween,
  occurrencesInWeek,
  parseCron,
  scheduleProblem,
} from '../../src/domain/cron-schedule.js';
import { weekStart } from '../../src/domain/week.js';

const LA = 'America/Los_Angeles';
const BERLIN = 'Europe/Berlin';
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('parseCron', () => {
  it('reads numbers, lists, ranges, steps and stars; 5 fields get second 0', () => {
    const s = parseCron('5-20/5 8,12 * * 1-5');
    expect(s.second).toEqual([0]);
    expect(s.minute).toEqual([5, 10, 15, 20]);
    expect(s.hour).toEqual([8, 12]);
    expect(s.month).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(s.dayOfWeek).toEqual([1, 2, 3, 4, 5]);
    expect(parseCron('*/20 0 9 * * *').second).toEqual([0, 20, 40]);
  });

  it('reads names in any case, wrapping ranges, Sunday as 0 or 7, and nicknames', () => {
    expect(parseCron('0 9 * * FRI-mon').dayOfWeek).toEqual([5, 6, 0, 1]);
    expect(parseCron('0 9 * * Monday,7').dayOfWeek).toEqual([1, 0]);
    expect(parseCron('0 9 * jan,NOV-dec *').month).toEqual([1, 11, 12]);
    expect(parseCron('0 22-2 * * *').hour).toEqual([0, 1, 2, 22, 23]);
    const weekly = parseCron('@weekly');
    expect([weekly.minute, weekly.hour, weekly.dayOfWeek]).toEqual([[0], [0], [0]]);
  });

  it('keeps L, L-n, W, LW, nL and n#k for node-cron to match (see "applies L, W, nL and #")', () => {
    expect(parseCron('0 9 L,L-3,15W,LW * *').dayOfMonth).toEqual(['L', 'L-3', '15W', 'LW']);
    expect(parseCron('0 9 ? * 5L,1#2').dayOfWeek).toEqual(['5L', '1#2']);
  });

  it('refuses what node-cron refuses, naming the problem', () => {
    expect(() => parseCron('0 24 * * *')).toThrow(CronExpressionError);
    expect(() => parseCron('0 24 * * *')).toThrow(/hour 24 is out of range 0–23/);
    expect(() => parseCron('0 9 * *')).toThrow(/expected 5 or 6 fields, got 4/);
    expect(() => parseCron('0 9 31 2 *')).toThrow(/never happens/);
  });

  it('names the field and the value that is out of range or not a number', () => {
    expect(() => parseCron('0 25 * * 1')).toThrow(
      '"0 25 * * 1" is not a valid schedule: hour 25 is out of range 0–23',
    );
    expect(() => parseCron('61 9 * * 1')).toThrow(/minute 61 is out of range 0–59/);
    expect(() => parseCron('0 9 * 13 1')).toThrow(/month 13 is out of range 1–12/);
    expect(() => parseCron('0 9 * * 8')).toThrow(/day of week 8 is out of range 0–7/);
    expect(() => parseCron('0 9 * * 1-9')).toThrow(/day of week 8 is out of range 0–7/);
    expect(() => parseCron('x 9 * * 1')).toThrow(/minute "x" is not a number in 0–59/);
    expect(() => parseCron('0 9 1W-5 * *')).toThrow(
      /"1W-5" is not a day of month \(W needs a day: 15W or LW\)/,
    );
    expect(() => parseCron('0 9 * foo *')).toThrow(/month "foo" is not a number in 1–12/);
  });

  it('is the one validator: scheduleProblem says what is wrong, isValidCron whether anything is', () => {
    expect(scheduleProblem('0 9 * * 1')).toBeUndefined();
    expect(scheduleProblem('0 25 * * 1')).toBe(
      '"0 25 * * 1" is not a valid schedule: hour 25 is out of range 0–23',
    );
    expect(scheduleProblem('0 9 * * 1;')).toMatch(
      /only digits, names, spaces and - \* \/ , # \? are allowed/,
    );
    expect([isValidCron('0 9 * * 1'), isValidCron('0 25 * * 1')]).toEqual([true, false]);
  });

  it('accepts exactly the expressions node-cron accepts', () => {
    const corpus = [
      '0 9 * * 1',
      '  0   9 * *   MON ',
      '30 2 * * *',
      '*/15 * * * *',
      '0 0-23/6 * * *',
      '0 9 * * mon-fri',
      '0 9 * * FRI-MON',
      '0 9 * * 0,7',
      '0 9 1,15 * *',
      '0 9 L * *',
      '0 9 L-2 * *',
      '0 9 15W * *',
      '0 9 LW * *',
      '0 9 ? * 1',
      '0 9 * * 5L',
      '0 9 * * 1#2',
      '0 0 9 * * 1',
      '*/10 * * * * *',
      '0 9 * JAN-MAR *',
      '0 9 * december *',
      '@weekly',
      '@HOURLY',
      '0 9 29 2 *',
      '',
      '* * * *',
      '* * * * * * *',
      '60 * * * *',
      '0 24 * * *',
      '0 9 0 * *',
      '0 9 32 * *',
      '0 9 * 0 *',
      '0 9 * 13 *',
      '0 9 * * 8',
      '*/0 * * * *',
      '5/10 * * * *',
      '0 9 31 2 *',
      '0 9 1W-5 * *',
      '0 9 0W * *',
      '0 9 32W * *',
      '0 9 L-31 * *',
      '0 9 * * 1#6',
      '0 9 * * L',
      '0 9 * * 8L',
      '0\t9 * * 1',
      '0 9 * * 1;',
      'a b c d e',
      '@weekly2',
      '0 9 ? ? ?',
    ];
    for (const expression of corpus) {
      expect(isValidCron(expression), JSON.stringify(expression)).toBe(cron.validate(expression));
    }
  });
});

describe('firesMoreThanOnceAWeek', () => {
  const twice = (expression: string) => firesMoreThanOnceAWeek(parseCron(expression));

  it('is false for a schedule that fires at most once in any Monday-to-Sunday week', () => {
    for (const once of [
      '0 9 * * 1',
      '30 17 * * FRI',
      '@weekly',
      '0 9 1 * *',
      '0 9 1-7 * 1',
      '0 9 * * 1#2',
      '0 9 L * *',
    ]) {
      expect(twice(once), once).toBe(false);
    }
  });

  it('is true for several days a week, several times a day, or two month days that can share a week', () => {
    for (const more of [
      '0 9 * * *',
      '0 9 * * 1,3',
      '0 9 * * MON-FRI',
      '*/30 9 * * 1',
      '0 9,15 * * 1',
      '0 9 1,3 * *',
      '0 9 L,1 * *',
      '0 0 * * 0-1',
    ]) {
      expect(twice(more), more).toBe(true);
    }
  });
});

describe('occurrences', () => {
  it('finds a Monday 09:00 digest in the program’s zone', () => {
    expect(iso(occurrencesInWeek('0 9 * * 1', LA, '2026-W48'))).toEqual(['2026-11-23T17:00:00.000Z']);
    expect(firstOccurrenceInWeek('0 9 * * 1', BERLIN, '2026-W48')?.toISOString()).toBe(
      '2026-11-23T08:00:00.000Z',
    );
    expect(firstOccurrenceInWeek('0 9 * * MON', 'Pacific/Kiritimati', '2026-W48')?.toISOString()).toBe(
      '2026-11-22T19:00:00.000Z',
    );
    expect(firstOccurrenceInWeek('0 9 * * 1', 'Pacific/Auckland', '2027-W01')?.toISOString()).toBe(
      '2027-01-03T20:00:00.000Z',
    );
  });

  it('keeps a Sunday 23:30 schedule in its local week though it is Monday in UTC', () => {
    expect(iso(occurrencesInWeek('30 23 * * 0', LA, '2026-W47'))).toEqual(['2026-11-23T07:30:00.000Z']);
    expect(occurrencesInWeek('30 23 * * 0', LA, '2026-W48').map((d) => d.toISOString())).toEqual([
      '2026-11-30T07:30:00.000Z',
    ]);
  });

  it('finds no occurrence in a week the schedule skips, and the week-53 digest across new year', () => {
    expect(firstOccurrenceInWeek('0 9 1 * *', LA, '2026-W48')).toBeUndefined();
    expect(firstOccurrenceInWeek('0 9 1 * *', LA, '2026-W49')?.toISOString()).toBe(
      '2026-12-01T17:00:00.000Z',
    );
    expect(iso(occurrencesInWeek('0 9 * * 5', 'UTC', '2026-W53'))).toEqual(['2027-01-01T09:00:00.000Z']);
    expect(iso(occurrencesInWeek('0 9 * * 1', 'UTC', '2020-W53'))).toEqual(['2020-12-28T09:00:00.000Z']);
  });

  it('skips a time the clocks jump over (node-cron does), or shifts it past the jump when asked', () => {
    // Los Angeles springs forward on Sun 8 Mar 2026: 02:00 PST becomes 03:00 PDT.
    const daily = occurrencesInWeek('30 2 * * *', LA, '2026-W10');
    expect(daily).toHaveLength(6);
    expect(iso(daily).some((d) => d.startsWith('2026-03-08'))).toBe(false);
    expect(firstOccurrenceInWeek('30 2 * * 0', LA, '2026-W10')).toBeUndefined();
    expect(firstOccurrenceInWeek('30 2 * * 0', LA, '2026-W10', { nonexistent: 'shift' })?.toISOString()).toBe(
      '2026-03-08T10:30:00.000Z', // 03:30 PDT
    );
    expect(occurrencesInWeek('30 2 * * *', LA, '2026-W10', { nonexistent: 'shift' })).toHaveLength(7);
    // Berlin springs forward on Sun 29 Mar 2026: 02:00 CET becomes 03:00 CEST.
    expect(firstOccurrenceInWeek('30 2 * * SUN', BERLIN, '2026-W13')).toBeUndefined();
    expect(
      firstOccurrenceInWeek('30 2 * * SUN', BERLIN, '2026-W13', { nonexistent: 'shift' })?.toISOString(),
    ).toBe(
      '2026-03-29T01:30:00.000Z', // 03:30 CEST
    );
  });

  it('runs a time the clocks repeat once, at its first occurrence', () => {
    // Los Angeles falls back on Sun 1 Nov 2026: 01:00–01:59 happens in PDT, then again in PST.
    expect(iso(occurrencesInWeek('30 1 * * 0', LA, '2026-W44'))).toEqual(['2026-11-01T08:30:00.000Z']);
    const night = occurrencesBetween(
      '*/30 * * * *',
      LA,
      new Date('2026-11-01T07:00:00Z'),
      new Date('2026-11-01T11:00:00Z'),
    );
    expect(iso(night)).toEqual([
      '2026-11-01T07:00:00.000Z', // 00:00 PDT
      '2026-11-01T07:30:00.000Z',
      '2026-11-01T08:00:00.000Z', // 01:00 PDT
      '2026-11-01T08:30:00.000Z', // 01:30 PDT; 01:00 and 01:30 PST do not run again
      '2026-11-01T10:00:00.000Z', // 02:00 PST
      '2026-11-01T10:30:00.000Z',
    ]);
  });

  it('looks at [from, to): from included, to excluded', () => {
    const from = new Date('2026-11-23T17:00:00Z');
    const to = new Date('2026-11-30T17:00:00Z');
    expect(iso(occurrencesBetween('0 9 * * 1', LA, from, to))).toEqual(['2026-11-23T17:00:00.000Z']);
    expect(firstOccurrenceBetween('0 9 * * 1', LA, new Date(from.getTime() + 1), to)).toBeUndefined();
    expect(occurrencesBetween('0 9 * * 1', LA, to, from)).toEqual([]);
    expect(() => occurrencesBetween('0 9 * * 1', LA, from, new Date('2028-01-01T00:00:00Z'))).toThrow(
      RangeError,
    );
  });

  it('walks seconds when the expression has them', () => {
    expect(iso(occurrencesInWeek('*/20 0 9 * * 1', 'UTC', '2026-W48'))).toEqual([
      '2026-11-23T09:00:00.000Z',
      '2026-11-23T09:00:20.000Z',
      '2026-11-23T09:00:40.000Z',
    ]);
  });

  it('applies L, W, nL and #: day of month AND day of week must both match', () => {
    expect(
      iso(occurrencesBetween('0 9 L * *', 'UTC', new Date('2026-02-01Z'), new Date('2026-04-01Z'))),
    ).toEqual(['2026-02-28T09:00:00.000Z', '2026-03-31T09:00:00.000Z']);
    // 15 Aug 2026 is a Saturday: 15W runs on Friday the 14th.
    expect(
      iso(occurrencesBetween('0 9 15W * *', 'UTC', new Date('2026-08-01Z'), new Date('2026-09-01Z'))),
    ).toEqual(['2026-08-14T09:00:00.000Z']);
    expect(
      iso(occurrencesBetween('0 9 * * 5L', 'UTC', new Date('2026-11-01Z'), new Date('2026-12-01Z'))),
    ).toEqual(['2026-11-27T09:00:00.000Z']);
    expect(
      iso(occurrencesBetween('0 9 * * 1#2', 'UTC', new Date('2026-11-01Z'), new Date('2026-12-01Z'))),
    ).toEqual(['2026-11-09T09:00:00.000Z']);
    // L-3: three days before the last; LW: the last weekday (Sat 28 Feb 2026 moves back to Friday the 27th).
    expect(
      iso(occurrencesBetween('0 9 L-3 * *', 'UTC', new Date('2026-02-01Z'), new Date('2026-03-01Z'))),
    ).toEqual(['2026-02-25T09:00:00.000Z']);
    expect(
      iso(occurrencesBetween('0 9 LW * *', 'UTC', new Date('2026-02-01Z'), new Date('2026-03-01Z'))),
    ).toEqual(['2026-02-27T09:00:00.000Z']);
    // The 1st and a Monday: only when the 1st is a Monday (node-cron's AND).
    expect(
      iso(occurrencesBetween('0 9 1 * 1', 'UTC', new Date('2026-01-01Z'), new Date('2027-01-01Z'))),
    ).toEqual(['2026-06-01T09:00:00.000Z']);
  });

  it('fires at the same instants as node-cron, minute by minute, across clock changes', () => {
    const cases: [string, string, string][] = [
      ['30 2 * * *', LA, '2026-W10'],
      ['*/30 * * * *', LA, '2026-W44'],
      ['0 9 * * MON-FRI', BERLIN, '2026-W13'],
      ['15 1-3 * * 0', BERLIN, '2026-W43'],
      ['0 0 * * *', 'America/Santiago', '2026-W36'],
      ['0 9 * * 1', 'Pacific/Kiritimati', '2026-W48'],
    ];
    for (const [expression, zone, week] of cases) {
      const task = cron.createTask(expression, () => undefined, { timezone: zone });
      const wall = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        dateStyle: 'short',
        timeStyle: 'short',
        hourCycle: 'h23',
      });
      const seen = new Set<string>();
      const expected: string[] = [];
      const start = weekStart(week, zone).getTime();
      for (let t = start; t < start + 7 * 86_400_000 + 3_600_000; t += 60_000) {
        const d = new Date(t);
        // node-cron matches a repeated wall-clock minute twice but schedules it once: keep the first.
        if (task.match(d) && !seen.has(wall.format(d))) {
          seen.add(wall.format(d));
          expected.push(d.toISOString());
        }
      }
      task.destroy();
      const mine = iso(
        occurrencesBetween(expression, zone, new Date(start), new Date(start + 7 * 86_400_000 + 3_600_000)),
      );
      expect(mine, `${expression} in ${zone}, ${week}`).toEqual(expected);
    }
  });
});
