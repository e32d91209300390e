import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import { localDate } from '../domain/local-time.js';
import type { Program } from '../domain/program.js';
import { holidayAt, holidayOn, isWeekend } from '../domain/quiet-days.js';
import {
  dueSlot,
  morningSomewhere,
  type ReminderSlot,
  reminderRecipients,
  reminderSlots,
  staleWorkstreams,
} from '../domain/reminders.js';
import { weekKey as weekKeyOf, weekKeyOfDate, weekStart } from '../domain/week.js';
import { answerLost, openDm, singleAttemptClient, slackErrorReason } from '../slack-client.js';
import { ProgramRepo } from '../store/program-repo.js';
import { RemindersSent } from '../store/reminders-sent.js';
import { type ReminderItem, reminderMessage } from '../ui/reminder-message.js';
import type { PeopleAway } from './people-away.js';
import { ViewerZones } from './viewer-zone.js';

export interface ReminderSweepResult {
  sent: number;
  failed: number;
}

/** A program with reminders on, its reminder slots around now, and its workstreams that need an update. */
interface ProgramSweep {
  program: Program;
  slots: ReminderSlot[];
  /** The slot whose week the stale workstreams are judged in: the next digest's. */
  next: ReminderSlot;
  stale: Program['workstreams'];
}

/**
 * Sends the reminder DMs that are due, on every sweep of the scheduler (every few minutes). A person gets at
 * most one a week (their own ISO week), across programs, on the reminder's date of a program they work on
 * (a working day), in their own morning (`users.info` time zone); it lists every stale workstream of theirs.
 * Owners who are away are not reminded; while every owner of a workstream is away, its backups are. The
 * claim is taken in the database before the DM; a DM that fails gives it back, so a later sweep retries.
 */
export class ReminderSender {
  private readonly programs: ProgramRepo;
  private readonly sent: RemindersSent;

  /** `programs`: the app's shared repo, so that a program is read and kept once per change, not once per service. */
  constructor(
    private readonly deps: Deps,
    programs: ProgramRepo = new ProgramRepo(deps.db),
    /** Who is away; without it (tests of the schedule alone), nobody is. */
    private readonly away?: PeopleAway,
    /** People's zones, shared with the commands so that a sweep asks Slack once an hour per person. */
    private readonly zones: ViewerZones = new ViewerZones(deps),
  ) {
    this.programs = programs;
    this.sent = new RemindersSent(deps.db);
  }

  async sweep(client: WebClient, now: Date = this.deps.clock.now()): Promise<ReminderSweepResult> {
    const result: ReminderSweepResult = { sent: 0, failed: 0 };
    const sweeps: ProgramSweep[] = [];
    for (const program of this.programs.all()) {
      try {
        const found = this.programSweep(program, now);
        if (found) sweeps.push(found);
      } catch (error) {
        this.deps.logger.error(
          { event: 'reminders_failed', program: program.slug },
          'reminder sweep failed for this program; it runs again at the next sweep',
          error,
        );
      }
    }
    // Only programs where it can be a reminder's date and morning somewhere: their people are looked up.
    const people = new Set<string>();
    for (const s of sweeps) {
      if (!s.slots.some((slot) => morningSomewhere(slot, now))) continue;
      for (const w of s.stale) for (const user of [...w.ownerIds, ...w.backupIds]) people.add(user);
    }
    const awayMemo = new Map<string, Promise<boolean>>();
    const isAway = (user: string): Promise<boolean> => {
      let found = awayMemo.get(user);
      if (!found) {
        found = this.isAway(client, user, now, sweeps);
        awayMemo.set(user, found);
      }
      return found;
    };
    for (const user of people) {
      try {
        const outcome = await this.remind(client, user, sweeps, now, isAway);
        if (outcome === 'sent') result.sent++;
        else if (outcome === 'failed') result.failed++;
      } catch (error) {
        this.deps.logger.error(
          { event: 'reminders_failed', user },
          'reminder sweep failed for this person',
          error,
        );
      }
    }
    return result;
  }

  private programSweep(program: Program, now: Date): ProgramSweep | undefined {
    // Quiet days (holidays): a program's reminders are not sent on its holidays, the day read in the
    // program's zone. Kept a check of its own, apart from who gets reminded and when.
    if (holidayAt(program.holidays, now, program.timezone)) return undefined;
    const slots = reminderSlots(program, now);
    const next = slots.find((s) => now.getTime() < s.digestAt.getTime());
    if (!next) return undefined;
    // A program whose reminder falls in a later week is still listed in this week's DM: "this week" is then
    // the current one, not the week to come (in which nothing has been updated yet).
    const since =
      next.updatedSince.getTime() <= now.getTime()
        ? next.updatedSince
        : weekStart(weekKeyOf(now, program.timezone), program.timezone);
    return { program, slots, next, stale: staleWorkstreams(program.workstreams, since) };
  }

  private async remind(
    client: WebClient,
    user: string,
    all: readonly ProgramSweep[],
    now: Date,
    isAway: (user: string) => Promise<boolean>,
  ): Promise<'sent' | 'failed' | 'none'> {
    const zone = await this.zoneOf(client, user, all);
    const today = localDate(now, zone);
    // Quiet days (weekends): nobody is reminded on their own Saturday or Sunday, in their Slack time zone.
    if (isWeekend(today)) return 'none';
    // Nor about a program on a date that is its holiday on their own calendar (a Tokyo morning can be the
    // holiday while the program's Los Angeles is still on the day before).
    const working = all.filter((s) => !holidayOn(s.program.holidays, today));
    const week = weekKeyOfDate(today);
    // Someone's reminder day in any program they work on is the day of their one DM of the week.
    const due = working.filter(
      (s) => dueSlot(s.slots, now, zone) !== undefined && s.stale.some((w) => worksOn(w, user)),
    );
    if (due.length === 0) return 'none';
    if (this.sent.hasWeek(user, week)) return 'none';
    if (await isAway(user)) return 'none';

    const items: ReminderItem[] = [];
    const digests: { program: Program; at: Date }[] = [];
    for (const s of working) {
      const before = items.length;
      for (const w of s.stale) {
        if (!worksOn(w, user)) continue;
        const away = new Map<string, boolean>();
        for (const id of [...w.ownerIds, ...w.backupIds]) away.set(id, await isAway(id));
        const to = reminderRecipients(w, (id) => away.get(id) === true);
        if (to?.users.includes(user)) items.push({ program: s.program, workstream: w, role: to.role });
      }
      if (items.length > before) digests.push({ program: s.program, at: s.next.digestAt });
    }
    if (items.length === 0) return 'none';
    const programIds = digests.map((d) => d.program.id);
    if (!this.sent.claimWeek(user, week, programIds, now)) return 'none';
    return (await this.deliver(client, user, week, zone, items, digests, now)) ? 'sent' : 'failed';
  }

  private async deliver(
    client: WebClient,
    user: string,
    week: string,
    zone: string,
    items: ReminderItem[],
    digests: { program: Program; at: Date }[],
    now: Date,
  ): Promise<boolean> {
    const log = { programs: digests.map((d) => d.program.slug), week, user, zone };
    const asBackup = items.filter((i) => i.role === 'backup').map((i) => i.workstream.key);
    try {
      const channel = await openDm(client, user);
      const message = reminderMessage({ items, digests, now });
      try {
        // Once: a retry after a lost answer could DM the person twice.
        await singleAttemptClient(client, this.deps.logger).chat.postMessage({
          channel,
          ...message,
          unfurl_links: false,
        });
      } catch (error) {
        if (!answerLost(error)) throw error;
        // Slack may have delivered it: keep the claim, so a later sweep does not nudge them twice.
        this.deps.logger.warn(
          { event: 'reminder_uncertain', ...log, reason: slackErrorReason(error) },
          'Slack did not confirm the reminder; it may have been delivered and is not sent again',
        );
        return false;
      }
      this.deps.logger.info(
        {
          event: 'reminder_sent',
          ...log,
          workstreams: items.map((i) => i.workstream.key),
          ...(asBackup.length > 0 ? { asBackup } : {}),
        },
        'reminder sent',
      );
      return true;
    } catch (error) {
      this.sent.releaseWeek(user, week);
      this.deps.logger.warn(
        { event: 'reminder_failed', ...log, reason: slackErrorReason(error) },
        'reminder not sent; a later sweep tries again',
      );
      return false;
    }
  }

  /** Away today on their own calendar; a lookup that fails counts as present (PeopleAway logs it). */
  private async isAway(
    client: WebClient,
    user: string,
    now: Date,
    sweeps: readonly ProgramSweep[],
  ): Promise<boolean> {
    if (!this.away) return false;
    const zone = await this.zoneOf(client, user, sweeps);
    const away = await this.away.awayOn(client, user, localDate(now, zone), zone);
    if (away)
      this.deps.logger.debug(
        { event: 'reminder_away', user, until: away.until, source: away.source },
        'away: not reminded',
      );
    return away !== undefined;
  }

  /**
   * The person's Slack time zone; when Slack cannot tell, that of the first program they work on (a guess
   * closer than UTC), for their reminder and their being away alike.
   */
  private async zoneOf(client: WebClient, user: string, sweeps: readonly ProgramSweep[]): Promise<string> {
    const found = await this.zones.of(client, user);
    if (!found.fallback) return found.zone;
    return sweeps.find((s) => s.stale.some((w) => worksOn(w, user)))?.program.timezone ?? 'UTC';
  }
}

/** Whether `user` owns or backs up the workstream: whose reminder it may be. */
function worksOn(w: Program['workstreams'][number], user: string): boolean {
  return w.ownerIds.includes(user) || w.backupIds.includes(user);
}
