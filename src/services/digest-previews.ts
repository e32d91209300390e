import type { Clock } from '../clock.js';
import { localDate } from '../domain/local-time.js';
import type { Program } from '../domain/program.js';
import { digestPreview } from '../ui/digest-command.js';
import type { SlackMessage } from '../ui/message.js';
import type { DigestSender } from './digest-sender.js';
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
  ) {}

  of(program: Program): SlackMessage {
    const now = this.clock.now();
    return this.kept.of(program, localDate(now, program.timezone), () => {
      const digest = this.sender.preview(program, now);
      const run = this.sender.weekRun(program.id, digest.weekKey);
      return digestPreview(digest, program, run?.status === 'posted' ? run : undefined);
    });
  }
}
