import { describe, expect, it } from 'vitest';
import { holidayOn, isWorkingDay, nextWorkingDay, whyNotWorking } from '../../src/domain/quiet-days.js';

const HOLIDAYS = [
  { from: '2026-12-24', to: '2027-01-01', name: 'Winter break' },
  { from: '2027-01-18', to: '2027-01-18', name: '' },
];

describe('quiet days', () => {
  it('knows weekends and holidays, ranges included at both ends', () => {
    expect(isWorkingDay(HOLIDAYS, '2026-12-23')).toBe(true);
    expect(isWorkingDay(HOLIDAYS, '2026-12-24')).toBe(false);
    expect(isWorkingDay(HOLIDAYS, '2027-01-01')).toBe(false);
    expect(isWorkingDay(HOLIDAYS, '2027-01-02')).toBe(false); // a Saturday
    expect(holidayOn(HOLIDAYS, '2026-12-28')?.name).toBe('Winter break');
    expect(whyNotWorking(HOLIDAYS, '2027-01-18')).toBe('a holiday');
    expect(whyNotWorking(HOLIDAYS, '2027-01-03')).toBe('the weekend');
    expect(whyNotWorking(HOLIDAYS, '2027-01-19')).toBeUndefined();
  });

  it('moves a day off to the next working day, past weekends and back-to-back holidays', () => {
    expect(nextWorkingDay(HOLIDAYS, '2026-12-23')).toBe('2026-12-23');
    expect(nextWorkingDay(HOLIDAYS, '2026-12-28')).toBe('2027-01-04');
    expect(nextWorkingDay(HOLIDAYS, '2027-01-16')).toBe('2027-01-19');
  });
});
