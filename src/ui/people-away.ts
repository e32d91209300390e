import { isoWeekday } from '../domain/local-time.js';
import { dayLabel } from './date-labels.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Fri 4 Dec 2026": a calendar day, the same in every zone (it is the person's own). */
export function awayDateLabel(date: string): string {
  return `${DAYS[isoWeekday(date) - 1]} ${dayLabel(date)}`;
}
