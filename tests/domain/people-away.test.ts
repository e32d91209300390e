import { describe, expect, it } from 'vitest';
import { awayByStatus, awayOn, longerAway, parseAwayDate, saysAway } from '../../src/domain/people-away.js';

// Monday 30 Nov 2026.
const TODAY = '2026-11-30';

describe('parseAwayDate', () => {
  it('reads ISO dates, weekdays, today and tomorrow', () => {
    expect(parseAwayDate('2026-12-24', TODAY)).toBe('2026-12-24');
    expect(parseAwayDate('Friday', TODAY)).toBe('2026-12-04');
    expect(parseAwayDate('fri', TODAY)).toBe('2026-12-04');
    // Today's own name is today, not next week.
    expect(parseAwayDate('Monday', TODAY)).toBe('2026-11-30');
    expect(parseAwayDate('Sunday', TODAY)).toBe('2026-12-06');
    expect(parseAwayDate('today', TODAY)).toBe(TODAY);
    expect(parseAwayDate('tomorrow', TODAY)).toBe('2026-12-01');
  });

  it('reads a day and a month either way round, this year or the next', () => {
    expect(parseAwayDate('2 Dec', TODAY)).toBe('2026-12-02');
    expect(parseAwayDate('Dec 2', TODAY)).toBe('2026-12-02');
    expect(parseAwayDate('2nd December', TODAY)).toBe('2026-12-02');
    expect(parseAwayDate('5 Jan', TODAY)).toBe('2027-01-05');
    expect(parseAwayDate('4 sept', TODAY)).toBe('2027-09-04');
    expect(parseAwayDate('4 Jan 2028', TODAY)).toBe('2028-01-04');
    expect(parseAwayDate('Jan 4, 2028', TODAY)).toBe('2028-01-04');
  });

  it('refuses what is not a date', () => {
    for (const text of ['someday', '2026-02-30', '31 Feb', '30 Febuary', 'Fr', '2026/12/24', 'next week', ''])
      expect(parseAwayDate(text, TODAY), text).toBeUndefined();
  });
});

describe('awayByStatus', () => {
  const SIGNS = { emoji: [':palm_tree:', ':airplane:'], words: ['OOO', 'out of office', 'on leave'] };
  const NOW = new Date('2026-11-30T17:00:00Z');

  it('is away while an away emoji is set, through the day before it clears at midnight', () => {
    const clearsFriday = Date.parse('2026-12-04T08:00:00Z') / 1000; // 00:00 Friday in Los Angeles
    expect(
      awayByStatus(
        { emoji: ':palm_tree:', text: '', expiration: clearsFriday },
        SIGNS,
        NOW,
        'America/Los_Angeles',
      ),
    ).toEqual({
      until: '2026-12-03',
      source: 'slack-status',
    });
    const clearsAtNoon = Date.parse('2026-12-04T20:00:00Z') / 1000;
    expect(
      awayByStatus(
        { emoji: ':airplane:', text: '', expiration: clearsAtNoon },
        SIGNS,
        NOW,
        'America/Los_Angeles',
      )?.until,
    ).toBe('2026-12-04');
    expect(awayByStatus({ emoji: ':palm_tree:', text: '', expiration: 0 }, SIGNS, NOW, 'UTC')).toEqual({
      until: null,
      source: 'slack-status',
    });
  });

  it('is not away with another emoji, none, or a status already expired', () => {
    expect(awayByStatus({ emoji: ':coffee:', text: '', expiration: 0 }, SIGNS, NOW, 'UTC')).toBeUndefined();
    expect(awayByStatus({ emoji: '', text: '', expiration: 0 }, SIGNS, NOW, 'UTC')).toBeUndefined();
    expect(
      awayByStatus({ emoji: ':palm_tree:', text: '', expiration: NOW.getTime() / 1000 }, SIGNS, NOW, 'UTC'),
    ).toBeUndefined();
  });
});

describe('away by what a status says', () => {
  const SIGNS = { emoji: [':palm_tree:'], words: ['OOO', 'out of office', 'on leave'] };
  const NOW = new Date('2026-11-30T17:00:00Z');

  it('reads the away words in the status text, whole, in any case and punctuation, whatever the emoji', () => {
    for (const text of ['OOO', 'ooo until Monday', 'Out of office', 'Out-of-office – back Mon', 'On leave!'])
      expect(saysAway(text, SIGNS.words), text).toBe(true);
    expect(awayByStatus({ emoji: ':mountain:', text: 'OOO', expiration: 0 }, SIGNS, NOW, 'UTC')).toEqual({
      until: null,
      source: 'slack-status',
    });
  });

  it('does not take a word inside another, another status, or an empty text for away', () => {
    for (const text of ['cooool', 'Zoom calls', 'office hours', 'leave it to me', 'In a meeting', ''])
      expect(saysAway(text, SIGNS.words), text).toBe(false);
    expect(saysAway('anything', ['', ' - '])).toBe(false);
    expect(
      awayByStatus({ emoji: ':coffee:', text: 'Focus time', expiration: 0 }, SIGNS, NOW, 'UTC'),
    ).toBeUndefined();
  });
});

describe('awayOn and longerAway', () => {
  it('is away through the last day, open-ended beats any date', () => {
    expect(awayOn({ until: '2026-12-04', source: 'command' }, '2026-12-04')).toBe(true);
    expect(awayOn({ until: '2026-12-04', source: 'command' }, '2026-12-05')).toBe(false);
    expect(awayOn({ until: null, source: 'slack-status' }, '2030-01-01')).toBe(true);
    expect(awayOn(undefined, TODAY)).toBe(false);
    const dated = { until: '2026-12-04', source: 'command' } as const;
    const open = { until: null, source: 'slack-status' } as const;
    expect(longerAway(dated, open)).toBe(open);
    expect(longerAway(dated, { until: '2026-12-01', source: 'slack-status' })).toBe(dated);
    expect(longerAway(undefined, dated)).toBe(dated);
  });
});
