import { addDays, isCalendarDate, isoWeekday, localDate, parseDate } from './local-time.js';

/**
 * Who is away, as rules: a person said so (`/rollout away until DATE`, through that day in their own zone),
 * or their Slack status uses one of the "away" emoji (until the status expires, or open-ended). No Slack,
 * no SQL.
 */

/** Away through `until` (YYYY-MM-DD in the person's zone); null: until they change their Slack status. */
export interface Away {
  until: string | null;
  /** Where Rollout learned it, for the log. */
  source: 'command' | 'slack-status';
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * The day a person means by `words` ("2026-12-04", "Friday", "tomorrow", "4 Dec", "Dec 4", "4 December
 * 2026"), seen from `today` (YYYY-MM-DD in their zone); undefined when it is not a date. A weekday is the
 * next one (today's own name is today); a day and month without a year is the next such date.
 */
export function parseAwayDate(words: string, today: string): string | undefined {
  const text = words.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  if (isCalendarDate(text)) return text;
  if (text === 'today') return today;
  if (text === 'tomorrow') return addDays(today, 1);
  const weekday = WEEKDAYS.findIndex((d) => d === text || d.slice(0, 3) === text);
  if (weekday >= 0) return addDays(today, (weekday + 1 - isoWeekday(today) + 7) % 7);
  return dayAndMonth(text, today);
}

function dayAndMonth(text: string, today: string): string | undefined {
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)(?: (\d{4}))?$/.exec(text);
  const monthFirst = /^([a-z]+) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?$/.exec(text);
  const [day, monthName, year] = dayFirst
    ? [dayFirst[1], dayFirst[2], dayFirst[3]]
    : monthFirst
      ? [monthFirst[2], monthFirst[1], monthFirst[3]]
      : [];
  if (!day || !monthName) return undefined;
  // "Dec", "Sept", "December": three letters or more of the month's name.
  const month = MONTHS.findIndex(
    (m) => monthName.length >= 3 && m.startsWith(monthName.replace(/^sept$/, 'sep')),
  );
  if (month < 0) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  const on = (y: number) => `${y}-${pad(month + 1)}-${pad(Number(day))}`;
  if (year) return isCalendarDate(on(Number(year))) ? on(Number(year)) : undefined;
  const thisYear = parseDate(today).year;
  const candidate = on(thisYear);
  if (!isCalendarDate(candidate) && !isCalendarDate(on(thisYear + 1))) return undefined;
  return isCalendarDate(candidate) && candidate >= today ? candidate : on(thisYear + 1);
}

/** What `users.profile.get` says of a status. */
export interface SlackStatus {
  emoji: string;
  /** What the status says ("OOO until Monday"); '' when it says nothing. */
  text: string;
  /** Unix seconds when Slack clears the status; 0 when it does not. */
  expiration: number;
}

/** What in a Slack status means away: one of these emoji (with colons), or one of these words in its text. */
export interface AwaySigns {
  emoji: readonly string[];
  words: readonly string[];
}

/** Lower case, anything but letters and digits made a space: how status texts and away words are compared. */
function words(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * Does the status text say away: one of `awayWords` ("ooo", "out of office") as whole words, in any case
 * and punctuation ("OOO – back Mon", "Out-of-office")? A word inside another ("zoo" in "zoom") is not one.
 */
export function saysAway(text: string, awayWords: readonly string[]): boolean {
  if (!text) return false;
  const said = words(text);
  return awayWords.some((w) => {
    const word = words(w);
    return word.trim() !== '' && said.includes(word);
  });
}

/**
 * Away by Slack status: its emoji is one of the away emoji or its text says so (`saysAway`), and it has not
 * expired. Slack clears a status at its expiration, so the last day away is the day before it in the
 * person's zone when it clears at midnight, else that day.
 */
export function awayByStatus(
  status: SlackStatus,
  signs: AwaySigns,
  now: Date,
  zone: string,
): Away | undefined {
  const byEmoji = status.emoji !== '' && signs.emoji.includes(status.emoji);
  if (!byEmoji && !saysAway(status.text, signs.words)) return undefined;
  if (!status.expiration) return { until: null, source: 'slack-status' };
  const ends = new Date(status.expiration * 1000);
  if (ends.getTime() <= now.getTime()) return undefined;
  const lastMoment = new Date(ends.getTime() - 1000);
  return { until: localDate(lastMoment, zone), source: 'slack-status' };
}

/** Is someone who said they are away through `until` still away on `date`? */
export function awayOn(away: Away | undefined, date: string): boolean {
  return away !== undefined && (away.until === null || date <= away.until);
}

/** The later of two answers: away longest wins (open-ended beats any date). */
export function longerAway(a: Away | undefined, b: Away | undefined): Away | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.until === null) return a;
  if (b.until === null) return b;
  return a.until >= b.until ? a : b;
}
