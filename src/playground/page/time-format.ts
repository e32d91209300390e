/**
 * Message times as the acting person reads them: a ts is seconds since the epoch, shown in that person's
 * own zone rather than the browser's, the way Slack shows each member their local time.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    try {
      cached = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      // An unknown zone must not blank the page; UTC is wrong for the person but still readable.
      cached = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, cached);
  }
  return cached;
}

export function tsToDate(ts: string): Date {
  const [seconds = '0', fraction = ''] = ts.split('.');
  return new Date(Number(seconds) * 1000 + Math.floor(Number(fraction.padEnd(3, '0').slice(0, 3))));
}

/** "9:05 AM" */
export function formatClock(ts: string, timeZone: string): string {
  return formatter(timeZone, { hour: 'numeric', minute: '2-digit' }).format(tsToDate(ts));
}

/** "Monday, April 8, 2024 at 9:05:12 AM GMT+2", for a tooltip. */
export function formatFull(ts: string, timeZone: string): string {
  return formatter(timeZone, { dateStyle: 'full', timeStyle: 'long' }).format(tsToDate(ts));
}

/** The calendar day of `date` in `timeZone`, as "YYYY-MM-DD" (so days compare and group as strings). */
export function dayKey(date: Date, timeZone: string): string {
  const parts = formatter(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    date,
  );
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The calendar day before a "YYYY-MM-DD" day, by the calendar rather than by subtracting 24 hours: a day
 * with a DST change lasts 23 or 25 hours.
 */
function previousDay(day: string): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date - 1)).toISOString().slice(0, 10);
}

/** A day divider's label: "Today", "Yesterday", "Monday, April 8", with the year only when not this year's. */
export function formatDay(ts: string, timeZone: string, now: Date): string {
  const date = tsToDate(ts);
  const day = dayKey(date, timeZone);
  const today = dayKey(now, timeZone);
  if (day === today) return 'Today';
  if (day === previousDay(today)) return 'Yesterday';
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return formatter(
    timeZone,
    sameYear
      ? { weekday: 'long', month: 'long', day: 'numeric' }
      : { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' },
  ).format(date);
}

/** A moment given in milliseconds, as "Today at 9:05 AM", "Yesterday at …", "Monday, April 8 at …". */
export function formatMoment(ms: number, timeZone: string, now: Date): string {
  const ts = (ms / 1000).toFixed(3);
  return `${formatDay(ts, timeZone, now)} at ${formatClock(ts, timeZone)}`;
}
