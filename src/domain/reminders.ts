import { dueCalendar, weekDue } from './digest-due.js';
import { addDays, localDate, parseDate, wallTime } from './local-time.js';
import type { Holiday, Program, Workstream } from './program.js';
import { isWorkingDay } from './quiet-days.js';
import { shiftWeek, weekKey as weekKeyOf, weekKeyOfDate, weekStart } from './week.js';

/**
 * The owners' reminders, as rules: N days before a program's digest (its `reminderDaysBefore`, 1–6; null
 * turns them off), each owner of a workstream that was not updated that week gets one DM, in the morning
 * of that day on THEIR clock. The reminder's date is on the program's calendar (the digest's date minus N
 * days); an owner in Tokyo gets it on that date in Tokyo, one in Los Angeles on that date in Los Angeles.
 */

/** Local hours of the owner's morning: from 09:00 up to (not including) 12:00. */
const REMINDER_MORNING = { fromHour: 9, toHour: 12 } as const;

/** The longest a zone runs ahead of UTC (Kiritimati, +14) and behind it (Baker Island, −12). */
const MAX_AHEAD_MS = 14 * 3_600_000;
const MAX_BEHIND_MS = 12 * 3_600_000;

/** One digest's reminder. */
export interface ReminderSlot {
  /** The ISO week of the digest the reminder is for: the key of "once per owner per week". */
  weekKey: string;
  /** The reminder's date on the program's calendar, 'YYYY-MM-DD'. */
  date: string;
  /** When the digest goes out; no reminder after it. */
  digestAt: Date;
  /** A workstream updated before this is "not updated this week": the start of the reminder date's week. */
  updatedSince: Date;
}

export type ReminderProgram = Pick<Program, 'timezone' | 'digest' | 'reminderDaysBefore'> &
  Partial<Pick<Program, 'holidays'>>;

/**
 * A reminder falls on a working day: N days before a Monday digest is a Sunday, when nobody reads a nudge,
 * so it moves back to the working day before (Friday), still in the same week as the date it replaces.
 */
function onWorkingDay(date: string, holidays: readonly Holiday[]): string {
  let day = date;
  // At most a week back: a week without one working day keeps the date rather than leave its week.
  for (let i = 0; i < 6 && !isWorkingDay(holidays, day); i++) {
    const before = addDays(day, -1);
    if (weekKeyOfDate(before) !== weekKeyOfDate(date)) return date;
    day = before;
  }
  return isWorkingDay(holidays, day) ? day : date;
}

/** 1–6 days before, or null when reminders are off (or the stored value is out of range). */
function reminderDaysBefore(program: ReminderProgram): number | null {
  const days = program.reminderDaysBefore;
  if (!program.digest || days === null || !Number.isInteger(days) || days < 1 || days > 6) return null;
  return days;
}

/**
 * The reminders of the digests around `now` (last, this and next week on the program's calendar), so that
 * a reminder dated in the week before its digest (Sunday for a Monday digest) is found either side of
 * midnight in any zone.
 */
export function reminderSlots(program: ReminderProgram, now: Date): ReminderSlot[] {
  const days = reminderDaysBefore(program);
  if (days === null || !program.digest) return [];
  const zone = program.timezone;
  const cal = dueCalendar(program.digest.schedule, program);
  const current = weekKeyOf(now, zone);
  const slots: ReminderSlot[] = [];
  for (const shift of [-1, 0, 1]) {
    const week = shiftWeek(current, shift);
    // When the digest is due, a holiday's move included: the reminder counts down to when it goes out.
    const due = weekDue(cal, week);
    if (!due) continue;
    const digestAt = due.dueAt;
    const date = onWorkingDay(addDays(localDate(digestAt, zone), -days), cal.holidays);
    slots.push({ weekKey: week, date, digestAt, updatedSince: weekStart(weekKeyOfDate(date), zone) });
  }
  return slots;
}

/**
 * Could it be the slot's date, in the morning, somewhere on Earth right now, before the digest? If not,
 * no owner needs looking up (their time zone costs a `users.info` call).
 */
export function morningSomewhere(slot: ReminderSlot, now: Date): boolean {
  const d = parseDate(slot.date);
  const earliest = Date.UTC(d.year, d.month - 1, d.day, REMINDER_MORNING.fromHour) - MAX_AHEAD_MS;
  const latest = Date.UTC(d.year, d.month - 1, d.day, REMINDER_MORNING.toHour) + MAX_BEHIND_MS;
  const t = now.getTime();
  return t >= earliest && t < latest && t < slot.digestAt.getTime();
}

/** True from 09:00 to 11:59 on the clock of `zone`. */
export function inMorning(now: Date, zone: string): boolean {
  const { hour } = wallTime(now, zone);
  return hour >= REMINDER_MORNING.fromHour && hour < REMINDER_MORNING.toHour;
}

/** The slot whose reminder someone in `zone` gets now: it is the slot's date and morning there, and the digest is still ahead. */
export function dueSlot(slots: readonly ReminderSlot[], now: Date, zone: string): ReminderSlot | undefined {
  if (!inMorning(now, zone)) return undefined;
  const today = localDate(now, zone);
  return slots.find((s) => s.date === today && now.getTime() < s.digestAt.getTime());
}

/** Not done, and last updated before `since`. */
function needsUpdate(workstream: Workstream, since: Date): boolean {
  return workstream.status !== 'done' && Date.parse(workstream.updatedAt) < since.getTime();
}

/** Each owner with their workstreams that need an update, in the program's order. */
export function staleByOwner(workstreams: readonly Workstream[], since: Date): Map<string, Workstream[]> {
  const owners = new Map<string, Workstream[]>();
  for (const w of staleWorkstreams(workstreams, since)) {
    for (const owner of new Set(w.ownerIds)) {
      const list = owners.get(owner) ?? [];
      list.push(w);
      owners.set(owner, list);
    }
  }
  return owners;
}

/** Not done and not updated since `since`, in the program's order. */
export function staleWorkstreams(workstreams: readonly Workstream[], since: Date): Workstream[] {
  return workstreams.filter((w) => needsUpdate(w, since)).sort((a, b) => a.position - b.position);
}

/** Why someone is reminded of a workstream: they own it, or they back up owners who are all away. */
export type ReminderRole = 'owner' | 'backup';

/**
 * Who is reminded of a stale workstream: its owners who are not away; while every owner is away, its backups
 * who are not; with nobody left, nobody (the digest says why instead).
 */
export function reminderRecipients(
  workstream: Pick<Workstream, 'ownerIds' | 'backupIds'>,
  isAway: (user: string) => boolean,
): { users: string[]; role: ReminderRole } | undefined {
  const owners = [...new Set(workstream.ownerIds)];
  const present = owners.filter((o) => !isAway(o));
  if (present.length) return { users: present, role: 'owner' };
  const backups = [...new Set(workstream.backupIds)].filter((b) => !owners.includes(b) && !isAway(b));
  return backups.length ? { users: backups, role: 'backup' } : undefined;
}
