import type { WebClient } from '@slack/web-api';
import type { Clock } from '../clock.js';
import { localDate } from '../domain/local-time.js';
import type { Program } from '../domain/program.js';
import { digestPreview } from '../ui/digest-command.js';
import type { SlackMessage } from '../ui/message.js';
import { type AwayLookup, awayOwners, type DigestSender } from './digest-sender.js';
import { SnapshotCache } from './snapshot-cache.js';

/**
 * `/rollout digest` previews, built once per program snapshot and day (see SnapshotCache): the day is part
 * of the key because the digest counts days (blocked for, overdue by) in the program's zone, and a new day
 * can be a new week. Reading a week of history for thousands of workstreams is the costliest answer
 * Rollout gives.
 */
export class DigestPreviews {
  private readonly kept = new SnapshotCache<SlackMessage>();

  constructor(
    private readonly sender: Pick<DigestSender, 'preview' | 'weekRun'>,
    private readonly clock: Clock,
    private readonly away?: AwayLookup,
  ) {}

  /**
   * The preview says what the posted digest would: who is away among the owners is looked up first (each
   * answer cached, a slow Slack cut short by the lookup's deadline), and is part of the key, so a person
   * back from leave is not shown away from a kept preview.
   */
  async of(program: Program, client?: WebClient): Promise<SlackMessage> {
    const now = this.clock.now();
    const away = this.away && client ? await awayOwners(this.away, client, program, now) : undefined;
    const awayKey = away ? [...away].map(([user, until]) => `${user}:${until ?? ''}`).join(',') : '';
    return this.kept.of(program, `${localDate(now, program.timezone)}|${awayKey}`, () => {
      const digest = this.sender.preview(program, now, away);
      const run = this.sender.weekRun(program.id, digest.weekKey);
      return digestPreview(digest, program, run?.status === 'posted' ? run : undefined);
    });
  }
}
