import { describe, expect, it } from 'vitest';
import {
  parseWeekKey,
  shiftWeek,
  weekEnd,
  weekKey,
  weekKeyLabel,
  weekLabel,
  weekMonday,
  weekStart,
  weekSunday,
} from '../../src/domain/week.js';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe('weekKey', () => {
  it('reads the week on the program’s local calendar: Sunday 23:30 in Los Angeles is Monday in UTC', () => {
    const sundayNight = at('2026-11-23T07:30:00Z'); // Sun 22 Nov 23:30 PST
    expect(weekKey(sundayNight, 'UTC')).toBe('2026-W48');
    expect(weekKey(sundayNight, 'America/Los_Angeles')).toBe('2026-W47');
    expect(weekLabel(sundayNight, 'America/Los_Angeles')).toBe('Week of 16 Nov 2026');
    expect(weekKey(at('2026-11-23T08:00:00Z'), 'America/Los_Angeles')).toBe('2026-W48'); // Mon 00:00 PST
    expect(weekLabel(at('2026-11-23T17:00:00Z'), 'America/Los_Angeles')).toBe('Week of 23 Nov 2026');
  });

  it('uses ISO week years across new year: week 53 and week 1', () => {
    expect(weekKey(at('2026-12-31T12:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(weekKey(at('2027-01-01T12:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(weekKey(at('2027-01-03T23:59:59Z'), 'UTC')).toBe('2026-W53');
    expect(weekKey(at('2027-01-04T00:00:00Z'), 'UTC')).toBe('2027-W01');
    expect(weekLabel(at('2027-01-01T12:00:00Z'), 'UTC')).toBe('Week of 28 Dec 2026');
    expect(weekKey(at('2020-12-31T12:00:00Z'), 'UTC')).toBe('2020-W53');
    expect(weekKey(at('2021-01-03T12:00:00Z'), 'UTC')).toBe('2020-W53');
    expect(weekKey(at('2019-12-30T12:00:00Z'), 'UTC')).toBe('2020-W01'); // a Monday of December in ISO 2020
  });

  it('crosses the year in the zone, not in UTC: New Year in Auckland while UTC is still in December', () => {
    // Mon 4 Jan 2027, 00:30 in Auckland (NZDT, +13) is Sun 3 Jan 11:30 UTC.
    expect(weekKey(at('2027-01-03T11:30:00Z'), 'Pacific/Auckland')).toBe('2027-W01');
    expect(weekKey(at('2027-01-03T11:30:00Z'), 'UTC')).toBe('2026-W53');
  });

  it('handles +14 (Kiritimati): Monday starts at 10:00 UTC on Sunday', () => {
    expect(weekKey(at('2026-11-22T09:59:59Z'), 'Pacific/Kiritimati')).toBe('2026-W47');
    expect(weekKey(at('2026-11-22T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-W48');
    expect(weekStart('2026-W48', 'Pacific/Kiritimati').toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it('keeps Sunday night in its week around spring forward (Los Angeles, Sun 8 Mar 2026)', () => {
    expect(weekKey(at('2026-03-08T09:59:00Z'), 'America/Los_Angeles')).toBe('2026-W10'); // 01:59 PST
    expect(weekKey(at('2026-03-08T10:00:00Z'), 'America/Los_Angeles')).toBe('2026-W10'); // 03:00 PDT
    expect(weekKey(at('2026-03-09T06:59:00Z'), 'America/Los_Angeles')).toBe('2026-W10'); // Sun 23:59 PDT
    expect(weekKey(at('2026-03-09T07:00:00Z'), 'America/Los_Angeles')).toBe('2026-W11'); // Mon 00:00 PDT
  });

  it('keeps Sunday night in its week around fall back (Los Angeles, Sun 1 Nov 2026)', () => {
    expect(weekKey(at('2026-11-01T08:30:00Z'), 'America/Los_Angeles')).toBe('2026-W44'); // 01:30 PDT
    expect(weekKey(at('2026-11-01T09:30:00Z'), 'America/Los_Angeles')).toBe('2026-W44'); // 01:30 PST
    expect(weekKey(at('2026-11-02T07:59:00Z'), 'America/Los_Angeles')).toBe('2026-W44'); // Sun 23:59 PST
    expect(weekKey(at('2026-11-02T08:00:00Z'), 'America/Los_Angeles')).toBe('2026-W45');
  });

  it('handles Berlin’s changes (Sun 29 Mar and Sun 25 Oct 2026)', () => {
    expect(weekKey(at('2026-03-29T21:59:00Z'), 'Europe/Berlin')).toBe('2026-W13'); // Sun 23:59 CEST
    expect(weekKey(at('2026-03-29T22:00:00Z'), 'Europe/Berlin')).toBe('2026-W14'); // Mon 00:00 CEST
    expect(weekKey(at('2026-10-25T22:59:00Z'), 'Europe/Berlin')).toBe('2026-W43'); // Sun 23:59 CET
    expect(weekKey(at('2026-10-25T23:00:00Z'), 'Europe/Berlin')).toBe('2026-W44'); // Mon 00:00 CET
  });
});

describe('weekStart and weekEnd', () => {
  it('is Monday 00:00 local', () => {
    expect(weekStart('2026-W48', 'America/Los_Angeles').toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(weekStart('2026-W48', 'Europe/Berlin').toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(weekStart('2026-W48', 'Pacific/Auckland').toISOString()).toBe('2026-11-22T11:00:00.000Z');
    expect(weekStart('2020-W53', 'UTC').toISOString()).toBe('2020-12-28T00:00:00.000Z');
    expect(weekStart('2027-W01', 'UTC').toISOString()).toBe('2027-01-04T00:00:00.000Z');
  });

  it('spans 167 hours in a spring-forward week and 169 in a fall-back week', () => {
    const la = 'America/Los_Angeles';
    expect(weekEnd('2026-W10', la).getTime() - weekStart('2026-W10', la).getTime()).toBe(167 * HOUR);
    expect(weekEnd('2026-W44', la).getTime() - weekStart('2026-W44', la).getTime()).toBe(169 * HOUR);
    expect(
      weekEnd('2026-W13', 'Europe/Berlin').getTime() - weekStart('2026-W13', 'Europe/Berlin').getTime(),
    ).toBe(167 * HOUR);
    expect(weekEnd('2026-W48', la).toISOString()).toBe(weekStart('2026-W49', la).toISOString());
  });

  it('agrees with weekKey at every week boundary over two years, in zones either side of UTC', () => {
    for (const zone of [
      'America/Los_Angeles',
      'Europe/Berlin',
      'Pacific/Auckland',
      'Pacific/Kiritimati',
      'UTC',
    ]) {
      for (let key = '2026-W01'; key !== '2028-W01'; key = shiftWeek(key, 1)) {
        const start = weekStart(key, zone);
        expect(weekKey(start, zone)).toBe(key);
        expect(weekKey(new Date(start.getTime() - 1), zone)).toBe(shiftWeek(key, -1));
      }
    }
  });
});

describe('week keys', () => {
  it('parses valid keys and refuses the rest, including a week 53 the year does not have', () => {
    expect(parseWeekKey('2026-W48')).toEqual({ year: 2026, week: 48 });
    expect(parseWeekKey('2020-W53')).toEqual({ year: 2020, week: 53 });
    expect(parseWeekKey('2026-W53')).toEqual({ year: 2026, week: 53 });
    for (const bad of ['2021-W53', '2026-W54', '2026-W00', '2026-48', 'W48', '2026-W4', ''])
      expect(() => parseWeekKey(bad), bad).toThrow(RangeError);
  });

  it('shifts across years and gives Monday and Sunday dates and labels', () => {
    expect(shiftWeek('2020-W53', 1)).toBe('2021-W01');
    expect(shiftWeek('2027-W01', -1)).toBe('2026-W53');
    expect(shiftWeek('2026-W48', 0)).toBe('2026-W48');
    expect(weekMonday('2026-W53')).toBe('2026-12-28');
    expect(weekSunday('2026-W53')).toBe('2027-01-03');
    expect(weekKeyLabel('2027-W01')).toBe('Week of 4 Jan 2027');
  });

  it('refuses an unknown time zone with its name', () => {
    expect(() => weekKey(at('2026-11-23T00:00:00Z'), 'Mars/Olympus')).toThrow(/Mars\/Olympus/);
  });
});
