import type { DateMarks } from '../domain/date-marks.js';
import { type DateConflict, type Dated, slipDays, slipLabel, type Upstream } from '../domain/target-dates.js';
import { formatDayMonth, formatDayMonthYear } from '../domain/week.js';
import { truncate } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { plural } from './plural.js';

/**
 * Target dates as the lists, the overview and the Home tab say them: "1 Feb 2027", a slip against the
 * baseline, and a warning when something is due before what it depends on. Returns escaped mrkdwn.
 */

/** "1 Feb 2027"; "1 Feb" when `sameYearAs` (another date shown beside it) falls in the same year. */
export function dayLabel(date: string, sameYearAs?: string | null): string {
  return sameYearAs && sameYearAs.slice(0, 4) === date.slice(0, 4)
    ? formatDayMonth(date)
    : formatDayMonthYear(date);
}

/** "once", "twice", "3 times". */
export function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/**
 * "target 1 Feb 2027 · baseline 15 Jan: +2 weeks, moved twice"; "target 1 Feb 2027" when it never moved;
 * "no target date" without one. `moves`: how many times the target moved (its history says).
 */
export function targetLine(item: Dated, moves = 0): string {
  if (!item.target)
    return item.baseline ? `no target date · baseline ${dayLabel(item.baseline)}` : 'no target date';
  const parts = [`target ${dayLabel(item.target)}`];
  const slip = slipDays(item);
  if (item.baseline && (slip !== 0 || moves > 0)) {
    const moved = moves > 0 ? `, moved ${times(moves)}` : '';
    parts.push(`baseline ${dayLabel(item.baseline, item.target)}: ${slipLabel(slip)}${moved}`);
  }
  return parts.join(' · ');
}

/** "Identity and SSO, due 1 Feb 2027": what something waits on and when it is due, escaped. */
export function upstreamDue(u: Upstream): string {
  return `${escapeMrkdwn(truncate(u.name, 100))}, due ${u.target ? dayLabel(u.target) : 'undated'}`;
}

/** How many date conflicts of one item are spelt out before the rest are counted. */
const CONFLICTS_SPELT = 2;

/**
 * One ":warning:" line per date conflict of one item, `spell` saying it, the ones past the first two
 * counted; [] without conflicts.
 */
export function conflictLines(
  conflicts: readonly DateConflict[],
  spell: (c: DateConflict) => string,
): string[] {
  const lines = conflicts.slice(0, CONFLICTS_SPELT).map((c) => `:warning: ${spell(c)}`);
  const unsaid = conflicts.length - CONFLICTS_SPELT;
  if (unsaid > 0) lines.push(`:warning: …and ${plural(unsaid, 'more thing')} it depends on due after it`);
  return lines;
}

/** How many upstream names a warning lists before counting the rest. */
const NAMED_UPSTREAM = 2;

/** "due before Identity and SSO" (and "… and 2 more"), escaped; '' without conflicts. */
export function dueBeforeText(conflicts: readonly DateConflict[]): string {
  if (conflicts.length === 0) return '';
  const names = conflicts.slice(0, NAMED_UPSTREAM).map((c) => escapeMrkdwn(truncate(c.upstream.name, 80)));
  const rest = conflicts.length - names.length;
  const listed = rest > 0 ? `${names.join(', ')} and ${rest} more` : names.join(' and ');
  return `due before ${listed}`;
}

/**
 * The small marker a row of slipped or conflicting work carries in the overview and the Home tab:
 * ":hourglass_flowing_sand: target 1 Feb 2027 (+2 weeks)   :warning: due before Identity and SSO"; '' for
 * work on time, done, or without a date. `marks`: the program's, computed once for all its rows.
 */
export function dateMarkLine(
  item: Dated & { key: string; status?: string },
  marks: DateMarks | undefined,
): string {
  if (item.status === 'done') return '';
  const parts: string[] = [];
  // A string comparison first: an overview of 1,000 rows on time does no date arithmetic.
  const slip = item.target && item.baseline && item.target > item.baseline ? slipDays(item) : 0;
  if (item.target && slip > 0)
    parts.push(`:hourglass_flowing_sand: target ${dayLabel(item.target)} (${slipLabel(slip)})`);
  const dueBefore = dueBeforeText(marks?.bySubject.get(item.key) ?? []);
  if (dueBefore) parts.push(`:warning: ${dueBefore}`);
  return parts.join('   ');
}
