import { describe, expect, it } from 'vitest';
import { formatClock, formatDay, formatMoment, tsToDate } from '../../../src/playground/page/time-format.js';

describe('formatClock', () => {
  it('shows a ts in the acting person’s zone', () => {
    const ts = '1712570400.000100'; // 2024-04-08 10:00 UTC
    expect(formatClock(ts, 'Europe/Berlin')).toBe('12:00 PM');
    expect(formatClock(ts, 'America/Los_Angeles')).toBe('3:00 AM');
    expect(formatClock(ts, 'Asia/Kolkata')).toBe('3:30 PM');
  });

  it('falls back to UTC for a zone the browser does not know', () => {
    expect(formatClock('1712570400.000000', 'Mars/Olympus_Mons')).toBe('10:00 AM');
  });
});

describe('tsToDate', () => {
  it('keeps the milliseconds of the fraction', () => {
    expect(tsToDate('1712570400.123456').toISOString()).toBe('2024-04-08T10:00:00.123Z');
  });
});

describe('formatDay', () => {
  const now = new Date('2024-04-09T08:00:00Z');

  it('says Today and Yesterday by the person’s calendar', () => {
    // 2024-04-08 23:30 UTC is Tuesday morning in Tokyo, Monday afternoon in Los Angeles; both are on
    // Tuesday at `now`.
    const ts = '1712619000.000000';
    expect(formatDay(ts, 'Asia/Tokyo', now)).toBe('Today');
    expect(formatDay(ts, 'America/Los_Angeles', now)).toBe('Yesterday');
    expect(formatDay('1712570400.000000', 'Asia/Tokyo', now)).toBe('Yesterday');
  });

  it('knows yesterday across a change to summer time', () => {
    // Berlin moved its clocks on Sunday 2024-03-31; at 00:30 on April 1, Sunday is yesterday.
    const mondayJustAfterMidnight = new Date('2024-03-31T22:30:00Z');
    const sundayMorning = String(Date.parse('2024-03-31T08:00:00Z') / 1000);
    expect(formatDay(sundayMorning, 'Europe/Berlin', mondayJustAfterMidnight)).toBe('Yesterday');
  });

  it('names older days, with the year only when it is not this one', () => {
    expect(formatDay('1712224800.000000', 'UTC', now)).toBe('Thursday, April 4');
    expect(formatDay('1680602400.000000', 'UTC', now)).toBe('Tuesday, April 4, 2023');
  });
});

describe('formatMoment', () => {
  it('says the day and the time in the person’s zone', () => {
    const now = new Date('2024-04-09T08:00:00Z');
    expect(formatMoment(Date.parse('2024-04-09T07:30:00Z'), 'Europe/Berlin', now)).toBe('Today at 9:30 AM');
    expect(formatMoment(Date.parse('2024-04-08T10:00:00Z'), 'Europe/Berlin', now)).toBe(
      'Yesterday at 12:00 PM',
    );
    expect(formatMoment(Date.parse('2024-04-01T10:00:00Z'), 'UTC', now)).toBe('Monday, April 1 at 10:00 AM');
  });
});
