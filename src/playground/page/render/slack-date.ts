/**
 * `<!date^…>` as Slack shows it: each reader sees the moment in their own zone, in Slack's en-US wording
 * ("Monday, November 23rd, 2026", "Today", "9:14 AM").
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let cached = formatters.get(zone);
  if (!cached) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'long',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h12',
    };
    try {
      cached = new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone });
    } catch {
      // An unknown zone must not blank the text; UTC is wrong for the reader but still readable.
      cached = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    formatters.set(zone, cached);
  }
  return cached;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  weekday: string;
  hour: string;
  minute: string;
  second: string;
  period: string;
}

function wallClock(date: Date, zone: string): Wall {
  const parts = formatter(zone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(part('year')),
    month: Number(part('month')),
    day: Number(part('day')),
    weekday: part('weekday'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
    period: part('dayPeriod'),
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** Days from the reader's today to the date's day, by the calendar in the reader's zone. */
function dayOffset(date: Wall, today: Wall): number {
  return Math.round(
    (Date.UTC(date.year, date.month - 1, date.day) - Date.UTC(today.year, today.month - 1, today.day)) /
      86_400_000,
  );
}

const UNITS: [string, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

function ago(seconds: number, now: Date): string {
  const diff = now.getTime() / 1000 - seconds;
  const size = Math.abs(diff);
  for (const [unit, length] of UNITS) {
    if (size < length) continue;
    const n = Math.floor(size / length);
    const amount = `${n} ${unit}${n === 1 ? '' : 's'}`;
    return diff >= 0 ? `${amount} ago` : `in ${amount}`;
  }
  return 'just now';
}

/**
 * The text of a `<!date^seconds^format…>` token for a reader in `zone`, `now` being their present (for
 * Today/Yesterday and {ago}). Unknown `{tokens}` stay as written.
 */
export function formatSlackDate(seconds: number, format: string, zone: string, now: Date): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return format;
  const wall = wallClock(date, zone);
  const month = MONTHS[wall.month - 1] ?? '';
  const short = `${month.slice(0, 3)} ${wall.day}, ${wall.year}`;
  const long = `${month} ${ordinal(wall.day)}, ${wall.year}`;
  const pretty = (otherwise: string) => {
    const offset = dayOffset(wall, wallClock(now, zone));
    return offset === 0 ? 'Today' : offset === -1 ? 'Yesterday' : offset === 1 ? 'Tomorrow' : otherwise;
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const tokens: Record<string, () => string> = {
    date_num: () => `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`,
    date: () => long,
    date_short: () => short,
    date_long: () => `${wall.weekday}, ${long}`,
    date_pretty: () => pretty(long),
    date_short_pretty: () => pretty(short),
    date_long_pretty: () => pretty(`${wall.weekday}, ${long}`),
    time: () => `${wall.hour}:${wall.minute} ${wall.period}`,
    time_secs: () => `${wall.hour}:${wall.minute}:${wall.second} ${wall.period}`,
    ago: () => ago(seconds, now),
  };
  return format.replace(/\{(\w+)\}/g, (token, name: string) => {
    const make = Object.hasOwn(tokens, name) ? tokens[name] : undefined;
    return make ? make() : token;
  });
}
