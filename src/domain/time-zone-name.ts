/**
 * The time zone a program file names, in one spelling. The store compares values as text, so
 * `america/los_angeles` and `America/Los_Angeles` must not be two zones; and an abbreviation such as EST
 * names a fixed offset (no daylight time) or nothing at all, which is rarely what a person meant.
 */

export type TimeZoneName = { ok: true; zone: string } | { ok: false; message: string };

const DEFAULT_EXAMPLE = 'America/New_York';

/** What a person most likely meant by an abbreviation; anything else gets the default example. */
const REGION_FOR: Record<string, string> = {
  EST: 'America/New_York',
  EDT: 'America/New_York',
  ET: 'America/New_York',
  EST5EDT: 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  CT: 'America/Chicago',
  CST6CDT: 'America/Chicago',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  MT: 'America/Denver',
  MST7MDT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  PT: 'America/Los_Angeles',
  PST8PDT: 'America/Los_Angeles',
  AKST: 'America/Anchorage',
  HST: 'Pacific/Honolulu',
  GMT: 'Europe/London',
  BST: 'Europe/London',
  WET: 'Europe/Lisbon',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  EET: 'Europe/Athens',
  EEST: 'Europe/Athens',
  IST: 'Asia/Kolkata',
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  SGT: 'Asia/Singapore',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
  NZST: 'Pacific/Auckland',
  NZDT: 'Pacific/Auckland',
};

let canonicalByLowerCase: Map<string, string> | undefined;

/** Built on first use: the runtime's list of zones, by lower-case name. UTC is not in the list but is a zone. */
function canonicalNames(): Map<string, string> {
  if (!canonicalByLowerCase) {
    canonicalByLowerCase = new Map(
      [...Intl.supportedValuesOf('timeZone'), 'UTC'].map((zone) => [zone.toLowerCase(), zone]),
    );
  }
  return canonicalByLowerCase;
}

/** The runtime's own name for a zone it knows in any spelling (`us/pacific` is America/Los_Angeles), else undefined. */
function resolved(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Each part capitalised, as the IANA database spells its names: Asia/Kolkata, America/Port-au-Prince, Etc/GMT+5. */
const IANA_SPELLING = /^[A-Z][^/]*(?:\/[A-Z][^/]*)+$/;

/**
 * `UTC` or a region name (Area/Location), spelled as the runtime lists it. A name the list does not hold but
 * the runtime knows stays as written when it is spelled the IANA way: the list lags the database (Asia/Kolkata,
 * Europe/Kyiv are not in Node 20's) and keeps older names for those; otherwise it becomes the runtime's name.
 */
export function canonicalTimeZone(name: string): TimeZoneName {
  const lower = name.toLowerCase();
  if (lower === 'utc' || lower === 'etc/utc') return { ok: true, zone: 'UTC' };
  if (!name.includes('/')) {
    const known = resolved(name);
    const example =
      REGION_FOR[name.toUpperCase()] ?? (known?.includes('/') ? known : undefined) ?? DEFAULT_EXAMPLE;
    const abbreviation = name.toUpperCase() in REGION_FOR || /^[A-Z0-9+-]{2,8}$/.test(name);
    const what = abbreviation ? 'an abbreviation, not a time zone' : 'not a region name';
    return { ok: false, message: `"${name}" is ${what}: use a region name such as ${example}, or UTC` };
  }
  const listed = canonicalNames().get(lower);
  if (listed) return { ok: true, zone: listed };
  const known = resolved(name);
  if (!known) {
    return {
      ok: false,
      message: `unknown time zone "${name}": expected a region name such as America/Los_Angeles, or UTC`,
    };
  }
  return { ok: true, zone: IANA_SPELLING.test(name) ? name : known };
}
