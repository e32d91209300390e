import { describe, expect, it } from 'vitest';
import {
  type DueCalendar,
  digestsDueInWeekOf,
  moveText,
  onlyMergedBetween,
  overtakenBy,
  weekDue,
} from '../../src/domain/digest-due.js';

const thursdays = (holidays: DueCalendar['holidays']): DueCalendar => ({
  schedule: '0 9 * * 4',
  timeZone: 'America/Los_Angeles',
  holidays,
});
const WINTER_BREAK = { from: '2026-12-24', to: '2026-12-25', name: 'Winter break' };

describe('weekDue', () => {
  it('is the scheduled time on a working day, and the same wall-clock time on the next working day after a holiday', () => {
    expect(weekDue(thursdays([WINTER_BREAK]), '2026-W51')).toEqual({
      weekKey: '2026-W51',
      scheduledAt: new Date('2026-12-17T17:00:00Z'),
      dueAt: new Date('2026-12-17T17:00:00Z'),
    });
    expect(weekDue(thursdays([WINTER_BREAK]), '2026-W52')).toEqual({
      weekKey: '2026-W52',
      scheduledAt: new Date('2026-12-24T17:00:00Z'),
      dueAt: new Date('2026-12-28T17:00:00Z'),
      moved: { from: '2026-12-24', to: '2026-12-28', holiday: 'Winter break' },
    });
  });

  it('keeps the wall-clock time across a clock change, and names an unnamed holiday "a holiday"', () => {
    // Thursday 5 Mar 2026 (PST) moves to Monday 9 Mar (PDT): still 09:00 in Los Angeles.
    const due = weekDue(thursdays([{ from: '2026-03-05', to: '2026-03-06', name: '' }]), '2026-W10');
    expect(due?.dueAt).toEqual(new Date('2026-03-09T16:00:00Z'));
    expect(due?.moved?.holiday).toBe('a holiday');
  });
});

describe('digestsDueInWeekOf', () => {
  it('lists a digest moved into this week once it is due, with this week’s own after it', () => {
    const cal = thursdays([WINTER_BREAK]);
    expect(digestsDueInWeekOf(cal, new Date('2026-12-24T18:00:00Z'))).toEqual([]);
    expect(digestsDueInWeekOf(cal, new Date('2026-12-28T16:59:00Z'))).toEqual([]);
    expect(digestsDueInWeekOf(cal, new Date('2026-12-28T17:00:00Z')).map((d) => d.weekKey)).toEqual([
      '2026-W52',
    ]);
    expect(digestsDueInWeekOf(cal, new Date('2026-12-31T17:00:00Z')).map((d) => d.weekKey)).toEqual([
      '2026-W52',
      '2026-W53',
    ]);
    // The next week: week 52's digest is no longer this week's business.
    expect(digestsDueInWeekOf(cal, new Date('2027-01-07T17:00:00Z')).map((d) => d.weekKey)).toEqual([
      '2027-W01',
    ]);
  });

  it('drops a digest a later week’s overtakes when a break moves both to the same day', () => {
    const cal = thursdays([{ from: '2026-12-21', to: '2027-01-01', name: 'Winter break' }]);
    const w52 = weekDue(cal, '2026-W52');
    expect(w52 && overtakenBy(cal, w52)?.weekKey).toBe('2026-W53');
    expect(digestsDueInWeekOf(cal, new Date('2027-01-04T17:00:00Z')).map((d) => d.weekKey)).toEqual([
      '2026-W53',
    ]);
    expect(onlyMergedBetween(cal, '2026-W51', '2026-W53')).toBe(true);
    expect(onlyMergedBetween(thursdays([]), '2026-W51', '2026-W53')).toBe(false);
  });
});

describe('moveText', () => {
  it('gives the year once within a year, and both across one', () => {
    expect(moveText({ from: '2026-12-24', to: '2026-12-28', holiday: 'Winter break' })).toBe(
      'moved from Thu 24 Dec to Mon 28 Dec 2026: Winter break',
    );
    expect(moveText({ from: '2026-12-31', to: '2027-01-04', holiday: 'New Year' })).toBe(
      'moved from Thu 31 Dec 2026 to Mon 4 Jan 2027: New Year',
    );
  });
});
