import { describe, expect, it } from 'vitest';
import { formatSlackDate, ordinal } from '../../../../src/playground/page/render/slack-date.js';

/** Monday 23 Nov 2026, 17:14:05 UTC: 9:14:05 AM in Los Angeles, already Tuesday 2:14 AM in Tokyo. */
const AT = Date.UTC(2026, 10, 23, 17, 14, 5) / 1000;
const LA = 'America/Los_Angeles';
const SAME_DAY = new Date('2026-11-23T20:00:00Z');

describe('formatSlackDate', () => {
  it('formats every date and time token the way Slack does (en-US)', () => {
    const f = (format: string) => formatSlackDate(AT, format, LA, new Date('2027-03-01T00:00:00Z'));
    expect(f('{date_num}')).toBe('2026-11-23');
    expect(f('{date}')).toBe('November 23rd, 2026');
    expect(f('{date_short}')).toBe('Nov 23, 2026');
    expect(f('{date_long}')).toBe('Monday, November 23rd, 2026');
    expect(f('{date_pretty}')).toBe('November 23rd, 2026');
    expect(f('{date_short_pretty}')).toBe('Nov 23, 2026');
    expect(f('{date_long_pretty}')).toBe('Monday, November 23rd, 2026');
    expect(f('{time}')).toBe('9:14 AM');
    expect(f('{time_secs}')).toBe('9:14:05 AM');
    expect(f('Due {date_short} at {time}.')).toBe('Due Nov 23, 2026 at 9:14 AM.');
  });

  it('shows the moment in the reader’s zone', () => {
    const now = new Date('2027-01-01T00:00:00Z');
    expect(formatSlackDate(AT, '{date_long} {time}', 'Asia/Tokyo', now)).toBe(
      'Tuesday, November 24th, 2026 2:14 AM',
    );
    expect(formatSlackDate(AT, '{date_long} {time}', 'UTC', now)).toBe('Monday, November 23rd, 2026 5:14 PM');
  });

  it('says Today, Yesterday or Tomorrow by the reader’s calendar', () => {
    expect(formatSlackDate(AT, '{date_pretty}', LA, SAME_DAY)).toBe('Today');
    expect(formatSlackDate(AT, '{date_short_pretty} at {time}', LA, SAME_DAY)).toBe('Today at 9:14 AM');
    expect(formatSlackDate(AT, '{date_long_pretty}', LA, new Date('2026-11-24T20:00:00Z'))).toBe('Yesterday');
    expect(formatSlackDate(AT, '{date_pretty}', LA, new Date('2026-11-22T20:00:00Z'))).toBe('Tomorrow');
    expect(formatSlackDate(AT, '{date_short_pretty}', LA, new Date('2026-11-25T20:00:00Z'))).toBe(
      'Nov 23, 2026',
    );
    // 07:00 UTC on the 24th is still the 23rd in Los Angeles, but already the 24th in London.
    const lateEvening = new Date('2026-11-24T07:00:00Z');
    expect(formatSlackDate(AT, '{date_pretty}', LA, lateEvening)).toBe('Today');
    expect(formatSlackDate(AT, '{date_pretty}', 'Europe/London', lateEvening)).toBe('Yesterday');
  });

  it('counts across a change of daylight saving time by the calendar', () => {
    // Sunday 8 Mar 2026 in Los Angeles has 23 hours; Saturday 11:00 PM is still "Yesterday" on Sunday 11 PM.
    const saturday = Date.UTC(2026, 2, 8, 7, 0, 0) / 1000;
    expect(formatSlackDate(saturday, '{date_short} {time}', LA, new Date())).toBe('Mar 7, 2026 11:00 PM');
    expect(formatSlackDate(saturday, '{date_pretty}', LA, new Date('2026-03-09T06:30:00Z'))).toBe(
      'Yesterday',
    );
  });

  it('says noon and midnight as Slack does', () => {
    expect(formatSlackDate(Date.UTC(2026, 0, 1, 12) / 1000, '{time}', 'UTC', new Date())).toBe('12:00 PM');
    expect(formatSlackDate(Date.UTC(2026, 0, 1, 0, 5) / 1000, '{time}', 'UTC', new Date())).toBe('12:05 AM');
  });

  it('says how long ago, or how long until', () => {
    const now = new Date(AT * 1000);
    const at = (offset: number) => formatSlackDate(AT + offset, '{ago}', LA, now);
    expect(at(-20)).toBe('just now');
    expect(at(-60)).toBe('1 minute ago');
    expect(at(-3 * 60)).toBe('3 minutes ago');
    expect(at(-5 * 3600)).toBe('5 hours ago');
    expect(at(-2 * 86400)).toBe('2 days ago');
    expect(at(-400 * 86400)).toBe('1 year ago');
    expect(at(2 * 3600)).toBe('in 2 hours');
  });

  it('leaves unknown tokens as written', () => {
    expect(formatSlackDate(AT, '{nope} {constructor} {date_num}', LA, SAME_DAY)).toBe(
      '{nope} {constructor} 2026-11-23',
    );
  });

  it('falls back to UTC for a zone it does not know', () => {
    expect(formatSlackDate(AT, '{time}', 'Mars/Olympus_Mons', SAME_DAY)).toBe('5:14 PM');
  });
});

describe('ordinal', () => {
  it('uses st, nd, rd and th as English does', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '31st',
      '101st',
      '111th',
    ]);
  });
});
