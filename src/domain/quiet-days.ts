import { addDays, isoWeekday, localDate } from './local-time.js';
import type { Holiday } from './program.js';

/**
 * Which days a program works: Monday to Friday, less its holidays (calendar dates in the program's zone).
 * No Slack, no SQL; the scheduler and the reminders ask here.
 */

/** The holiday `date` (YYYY-MM-DD) falls in, if any. */
export function holidayOn(holidays: readonly Holiday[], date: string): Holiday | undefined {
  return holidays.find((h) => h.from <= date && date <= h.to);
}

export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}

export function isWorkingDay(holidays: readonly Holiday[], date: string): boolean {
  return !isWeekend(date) && holidayOn(holidays, date) === undefined;
}

/** `date` itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(holidays: readonly Holiday[], date: string): string {
  let day = date;
  // Holidays are at most a year long each, so this ends; the bound keeps a bad list from looping forever.
  for (let i = 0; i < 800 && !isWorkingDay(holidays, day); i++) day = addDays(day, 1);
  return day;
}

/** A holiday as people say it: its name ("Winter break"), or "a holiday" when it has none. */
export function holidayName(holiday: Holiday): string {
  return holiday.name || 'a holiday';
}

/** Why a day is not worked: the holiday's name ("Winter break"), "a holiday", or "the weekend". */
export function whyNotWorking(holidays: readonly Holiday[], date: string): string | undefined {
  const holiday = holidayOn(holidays, date);
  if (holiday) return holidayName(holiday);
  return isWeekend(date) ? 'the weekend' : undefined;
}

/** The holiday it is at `now` on the program's calendar (its zone), if any: nobody is reminded on it. */
export function holidayAt(holidays: readonly Holiday[], now: Date, timeZone: string): Holiday | undefined {
  return holidayOn(holidays, localDate(now, timeZone));
}
