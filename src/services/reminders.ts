import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import type { Program } from '../domain/program.js';
import {
  dueSlot,
  morningSomewhere,
  type ReminderSlot,
  reminderSlots,
  staleByOwner,
} from '../domain/reminders.js';
import { answerLost, singleAttemptClient, slackErrorReason } from '../slack-client.js';
import { ProgramRepo } from '../store/program-repo.js';
import { RemindersSent } from '../store/reminders-sent.js';
import { reminderMessage } from '../ui/reminder-message.js';
import { viewerTimeZone } from './viewer-zone.js';

export interface ReminderSweepResult {
  sent: number;
  failed: number;
}

/** Slack time zones change rarely; an hour-old answer saves a `users.info` per owner on every sweep. */
const ZONE_TTL_MS = 60 * 60_000;

/**
 * Sends the owners' reminder DMs that are due, on every sweep of the scheduler (every few minutes): for
 * each program with reminders on, each owner with a workstream not updated this week gets one DM on the
 * reminder's date, in their own morning (`users.info` time zone), once per digest week. The claim is taken
 * in the database before the DM; a DM that fails gives it back, so a later sweep retries.
 */
export class ReminderSender {
  private readonly programs: ProgramRepo;
  private readonly sent: RemindersSent;
  private readonly zones = new Map<string, { zone: string; until: number }>();

  /** `programs`: the app's shared repo, so that a program is read and kept once per change, not once per service. */
  constructor(
    private readonly deps: Deps,
    programs: ProgramRepo = new ProgramRepo(deps.db),
  ) {
    this.programs = programs;
    this.sent = new RemindersSent(deps.db);
  }

  async sweep(client: WebClient, now: Date = this.deps.clock.now()): Promise<ReminderSweepResult> {
    const result: ReminderSweepResult = { sent: 0, failed: 0 };
    for (const program of this.programs.all()) {
      try {
        await this.sweepProgram(client, program, now, result);
      } catch (error) {
        this.deps.logger.error(
          { event: 'reminders_failed', program: program.slug },
          'reminder sweep failed for this program; it runs again at the next sweep',
          error,
        );
      }
    }
    return result;
  }

  private async sweepProgram(
    client: WebClient,
    program: Program,
    now: Date,
    result: ReminderSweepResult,
  ): Promise<void> {
    for (const slot of reminderSlots(program, now)) {
      if (!morningSomewhere(slot, now)) continue;
      for (const [user, workstreams] of staleByOwner(program.workstreams, slot.updatedSince)) {
        if (this.sent.has(program.id, slot.weekKey, user)) continue;
        const zone = await this.zoneOf(client, user, program.timezone, now);
        if (dueSlot([slot], now, zone) !== slot) continue;
        if (!this.sent.claim(program.id, slot.weekKey, user, now)) continue;
        if (await this.deliver(client, program, slot, user, workstreams, now, zone)) result.sent++;
        else result.failed++;
      }
    }
  }

  private async deliver(
    client: WebClient,
    program: Program,
    slot: ReminderSlot,
    user: string,
    workstreams: Program['workstreams'],
    now: Date,
    zone: string,
  ): Promise<boolean> {
    const log = { program: program.slug, week: slot.weekKey, user, zone };
    try {
      const dm = await client.conversations.open({ users: user });
      const channel = dm.channel?.id;
      if (!channel) throw new Error('conversations.open returned no channel');
      const message = reminderMessage({ program, workstreams, digestAt: slot.digestAt, now });
      try {
        // Once: a retry after a lost answer could DM the owner twice.
        await singleAttemptClient(client, this.deps.logger).chat.postMessage({
          channel,
          ...message,
          unfurl_links: false,
        });
      } catch (error) {
        if (!answerLost(error)) throw error;
        // Slack may have delivered it: keep the claim, so a later sweep does not nudge the owner twice.
        this.deps.logger.warn(
          { event: 'reminder_uncertain', ...log, reason: slackErrorReason(error) },
          'Slack did not confirm the reminder; it may have been delivered and is not sent again',
        );
        return false;
      }
      this.deps.logger.info(
        { event: 'reminder_sent', ...log, workstreams: workstreams.map((w) => w.key) },
        'reminder sent',
      );
      return true;
    } catch (error) {
      this.sent.release(program.id, slot.weekKey, user);
      this.deps.logger.warn(
        { event: 'reminder_failed', ...log, reason: slackErrorReason(error) },
        'reminder not sent; a later sweep tries again',
      );
      return false;
    }
  }

  /** The owner's Slack time zone; the program's when Slack cannot tell (a guess closer than UTC). */
  private async zoneOf(client: WebClient, user: string, fallback: string, now: Date): Promise<string> {
    const cached = this.zones.get(user);
    if (cached && cached.until > now.getTime()) return cached.zone;
    const found = await viewerTimeZone(client, user, this.deps.logger);
    if (found.fallback) return fallback;
    this.zones.set(user, { zone: found.zone, until: now.getTime() + ZONE_TTL_MS });
    return found.zone;
  }
}
