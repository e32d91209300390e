import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import type { FieldChange } from '../domain/edit-fields.js';
import { findWorkstream, type Program, type Workstream } from '../domain/program.js';
import {
  isUpdateThreadParent,
  type UpdateThreadPayload,
  updateThreadMetadata,
} from '../domain/update-thread-metadata.js';
import { weekKey } from '../domain/week.js';
import { answerLost, singleAttemptClient, slackErrorReason } from '../slack-client.js';
import type { ProgramRepo } from '../store/program-repo.js';
import { type UpdateThreadKey, UpdateThreads } from '../store/update-threads.js';
import type { SlackMessage } from '../ui/message.js';
import { updateNotice, updateThreadParent } from '../ui/update-notice.js';
import { ChannelWitness } from './channel-witness.js';

export interface UpdateNoticeInput {
  program: Program;
  workstream: Workstream;
  changes: (FieldChange & { note?: string })[];
  actor: string;
  note: string;
  /** The thread's reply instead of the change's own (a decision recorded about the workstream). */
  reply?: SlackMessage | undefined;
}

/** How long a save waits for another save's parent post before giving up on its reply. */
const PENDING_WAIT_MS = 5_000;
const PENDING_POLL_MS = 100;
/** A claim with no parent this long after it was taken was left by a save that died mid-post. */
const STALE_CLAIM_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The updates channel's weekly threads: one parent message per workstream per ISO week (the program's
 * zone), edited in place to its current status, risk and blocker, with each change as a reply. Called
 * after the save committed; every Slack failure is logged (`update_notice_failed`, with Slack's reason),
 * never thrown.
 */
export class UpdateNotices {
  private readonly threads: UpdateThreads;

  constructor(
    private readonly deps: Deps,
    private readonly programs: ProgramRepo,
  ) {
    this.threads = new UpdateThreads(deps.db);
  }

  async post(client: WebClient, input: UpdateNoticeInput): Promise<void> {
    const { program, workstream } = input;
    const channel = program.updatesChannel;
    if (!channel || (input.changes.length === 0 && !input.reply)) return;
    const key: UpdateThreadKey = {
      programId: program.id,
      workstreamKey: workstream.key,
      week: weekKey(this.deps.clock.now(), program.timezone),
    };
    const log = { program: program.slug, workstream: workstream.key, week: key.week, channel };
    const failed = (step: string, error: unknown) =>
      this.deps.logger.warn(
        { event: 'update_notice_failed', ...log, step, reason: slackErrorReason(error) },
        'could not post to the updates channel; is the bot in it?',
      );

    const found = await this.parent(client, key, channel, failed);
    if (!found) return;
    let ts = found.ts;
    if (!found.fresh) {
      // Another change's parent: brought to the current values (read again: a later save may have landed).
      const current = this.current(key) ?? workstream;
      try {
        await client.chat.update({ channel, ts, ...updateThreadParent(current) });
      } catch (error) {
        if (slackErrorReason(error) !== 'message_not_found') return failed('edit', error);
        // Someone deleted the week's parent: a new one carries the thread on.
        if (!this.threads.reclaim(key, ts, channel, this.deps.clock.now())) {
          const next = await this.waitForParent(key, channel);
          if (!next) return failed('parent', new Error('another save is posting the parent'));
          ts = next;
        } else {
          const posted = await this.postParent(client, key, channel, current, failed);
          if (!posted) return;
          ts = posted;
        }
      }
    }
    try {
      await client.chat.postMessage({
        channel,
        thread_ts: ts,
        ...(input.reply ?? updateNotice(workstream, input.changes, input.actor, input.note)),
        unfurl_links: false,
      });
    } catch (error) {
      failed('reply', error);
    }
  }

  /** This week's parent in `channel`: found (to be edited) or freshly posted (already current). */
  private async parent(
    client: WebClient,
    key: UpdateThreadKey,
    channel: string,
    failed: (step: string, error: unknown) => void,
  ): Promise<{ ts: string; fresh: boolean } | undefined> {
    const now = this.deps.clock.now();
    const existing = this.threads.get(key);
    let claimed: boolean;
    if (!existing) claimed = this.threads.claim(key, channel, now);
    else if (existing.ts && existing.channel === channel) return { ts: existing.ts, fresh: false };
    // The program's updates channel moved this week: the thread starts again in the new one.
    else if (existing.ts) claimed = this.threads.reclaim(key, existing.ts, channel, now);
    // A claim left by a save that died between claiming and posting, or whose post's answer was lost, is
    // taken over by one save only; that save first looks for the parent in the channel.
    else if (
      now.getTime() - Date.parse(existing.claimedAt) > STALE_CLAIM_MS &&
      this.threads.takeOver(key, existing.claimedAt, now)
    ) {
      const since = new Date(Date.parse(existing.claimedAt) - STALE_CLAIM_MS);
      let found: string | undefined;
      try {
        found = await new ChannelWitness(client).findOwn(channel, since, (m) =>
          isUpdateThreadParent(m, this.payload(key)),
        );
      } catch (error) {
        failed('find parent', error);
        return undefined;
      }
      if (found) {
        this.threads.record(key, found);
        return { ts: found, fresh: false };
      }
      claimed = true;
    } else claimed = false;
    if (claimed) {
      const current = this.current(key);
      if (!current) return undefined;
      const ts = await this.postParent(client, key, channel, current, failed);
      return ts ? { ts, fresh: true } : undefined;
    }
    // Another save holds the claim and is posting the parent right now.
    const ts = await this.waitForParent(key, channel);
    if (!ts) {
      failed('parent', new Error('another save is still posting the parent'));
      return undefined;
    }
    return { ts, fresh: false };
  }

  /** Posts the parent on a claim this save holds; a failed post gives the claim back. */
  private async postParent(
    client: WebClient,
    key: UpdateThreadKey,
    channel: string,
    workstream: Workstream,
    failed: (step: string, error: unknown) => void,
  ): Promise<string | undefined> {
    try {
      // Once: a retry after a lost answer could post the week's parent twice.
      const res = await singleAttemptClient(client, this.deps.logger).chat.postMessage({
        channel,
        ...updateThreadParent(workstream),
        metadata: updateThreadMetadata(this.payload(key)),
        unfurl_links: false,
      });
      if (!res.ts) throw new Error('Slack answered without a message ts');
      this.threads.record(key, res.ts);
      return res.ts;
    } catch (error) {
      // With the answer lost the parent may be in the channel: the claim stays, and the save that takes it
      // over once it is stale looks there before posting another.
      if (!answerLost(error)) this.threads.release(key);
      failed('parent', error);
      return undefined;
    }
  }

  private async waitForParent(key: UpdateThreadKey, channel: string): Promise<string | undefined> {
    for (let waited = 0; waited <= PENDING_WAIT_MS; waited += PENDING_POLL_MS) {
      const row = this.threads.get(key);
      if (!row) return undefined;
      if (row.ts && row.channel === channel) return row.ts;
      await sleep(PENDING_POLL_MS);
    }
    return undefined;
  }

  private payload(key: UpdateThreadKey): UpdateThreadPayload {
    const slug = this.programs.getById(key.programId)?.slug ?? String(key.programId);
    return { program: slug, workstream: key.workstreamKey, week: key.week };
  }

  /** The workstream as the store has it now. */
  private current(key: UpdateThreadKey): Workstream | undefined {
    const program = this.programs.getById(key.programId);
    return program ? findWorkstream(program, key.workstreamKey) : undefined;
  }
}
