import type { Clock } from '../clock.js';
import { localDate } from '../domain/local-time.js';
import type { Program } from '../domain/program.js';
import { digestPreview } from '../ui/digest-command.js';
import type { SlackMessage } from '../ui/message.js';
import type { DigestSender } from './digest-sender.js';

/**
 * `/rollout digest` previews, built once per program snapshot and day. The store hands out the same frozen
 * Program until anything in the database changes (an edit, a history entry, a digest run), so a preview
 * kept for that object is only reused while nothing it was read from has moved; the day is part of the key
 * because the digest counts days (blocked for, overdue by) in the program's zone, and a new day can be a
 * new week. Reading a week of history for thousands of workstreams is the costliest answer Rollout gives.
 */
export class DigestPreviews {
  private readonly kept = new WeakMap<Program, { day: string; message: SlackMessage }>();

  constructor(
    private readonly sender: DigestSender,
    private readonly clock: Clock,
  ) {}

  of(program: Program): SlackMessage {
    const now = this.clock.now();
    const day = localDate(now, program.timezone);
    const kept = this.kept.get(program);
    if (kept?.day === day) return kept.message;
    const digest = this.sender.preview(program, now);
    const run = this.sender.runs.weekRun(program.id, digest.weekKey);
    const message = digestPreview(digest, program, run?.status === 'posted' ? run : undefined);
    this.kept.set(program, { day, message });
    return message;
  }
}
