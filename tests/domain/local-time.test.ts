import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isCalendarDate,
  isoWeekday,
  localDate,
  parseDate,
  wallTime,
  wallTimeToInstant,
} from '../../src/domain/local-time.js';

const LA = 'America/Los_Angeles';
const t = (date: string, hour: number, minute = 0) => ({ ...parseDate(date), hour, minute, second: 0 });

describe('local time', () => {
  it('reads the calendar date and wall-clock time in a zone', () => {
    expect(localDate(new Date('2026-11-23T07:30:00Z'), LA)).toBe('2026-11-22');
    expect(localDate(new Date('2026-11-22T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-11-23');
    expect(wallTime(new Date('2026-11-01T09:30:00Z'), LA)).toMatchObject({ day: 1, hour: 1, minute: 30 });
  });

  it('resolves a wall-clock time to its instant; a repeated time to its first occurrence', () => {
    expect(wallTimeToInstant(t('2026-11-23', 9), LA, 'skip')?.toISOString()).toBe('2026-11-23T17:00:00.000Z');
    expect(wallTimeToInstant(t('2026-11-01', 1, 30), LA, 'skip')?.toISOString()).toBe(
      '2026-11-01T08:30:00.000Z',
    );
  });

  it('skips or shifts a time the clocks jump over', () => {
    expect(wallTimeToInstant(t('2026-03-08', 2, 30), LA, 'skip')).toBeUndefined();
    expect(wallTimeToInstant(t('2026-03-08', 2, 30), LA, 'shift')?.toISOString()).toBe(
      '2026-03-08T10:30:00.000Z',
    );
    expect(wallTimeToInstant(t('2026-03-29', 2, 30), 'Europe/Berlin', 'shift')?.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('counts and adds calendar days, and names ISO weekdays', () => {
    expect(daysBetween('2026-11-16', '2026-11-23')).toBe(7);
    expect(daysBetween('2026-12-28', '2027-01-04')).toBe(7);
    expect(daysBetween('2026-11-23', '2026-11-20')).toBe(-3);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(() => parseDate('2026-02-30')).toThrow(RangeError);
  });
});

describe('isCalendarDate', () => {
  it('takes real dates written YYYY-MM-DD, and nothing else', () => {
    for (const ok of ['2026-02-28', '2028-02-29', '2026-12-31']) expect(isCalendarDate(ok), ok).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-5', '26-01-05', '2026-01-05T00:00', ''])
      expect(isCalendarDate(bad), bad).toBe(false);
  });
});
