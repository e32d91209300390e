import type { WebClient } from '@slack/web-api';
import type { Clock } from '../clock.js';
import { staleOwnerIds } from '../domain/digest-content.js';
import { localDate } from '../domain/local-time.js';
import type { Program } from '../domain/program.js';
import { digestPreview } from '../ui/digest-command.js';
import type { SlackMessage } from '../ui/message.js';
import { type AwayLookup, type DigestSender, knownAwayOwners } from './digest-sender.js';
import type { PeopleAway } from './people-away.js';
import { SnapshotCache } from './snapshot-cache.js';

/**
 * `/rollout digest` previews, built once per program snapshot, day and set of owners away (see
 * SnapshotCache): the day is part of the key because the digest counts days (blocked for, overdue by) in
 * the program's zone, and a new day can be a new week. Reading a week of history for thousands of
 * workstreams is the costliest answer Rollout gives.
 *
 * A preview answers at once, so it says "owner away" from what is known without Slack (`/rollout away`,
 * statuses looked up in the last minutes) and looks up the stale owners' statuses in the background: the
 * next preview, like the posted digest, has them.
 */
export class DigestPreviews {
  private readonly kept = new SnapshotCache<SlackMessage>();
  /** Owners of stale work, per snapshot and day: the people whose absence a digest may mention. */
  private readonly staleOwners = new SnapshotCache<string[]>();

  constructor(
    private readonly sender: Pick<DigestSender, 'preview' | 'weekRun'>,
    private readonly clock: Clock,
    private readonly away?: { people: AwayLookup & Pick<PeopleAway, 'refresh'>; client: WebClient },
  ) {}

  of(program: Program): SlackMessage {
    const now = this.clock.now();
    const day = localDate(now, program.timezone);
    const owners = this.staleOwners.of(program, day, () => staleOwnerIds(program, now));
    const away = this.away ? knownAwayOwners(this.away.people, owners, program, now) : undefined;
    if (this.away) this.away.people.refresh(this.away.client, owners);
    const awayKey = away ? [...away].map(([user, until]) => `${user}:${until ?? ''}`).join(',') : '';
    return this.kept.of(program, `${day} ${awayKey}`, () => {
      const digest = this.sender.preview(program, now, away);
      const run = this.sender.weekRun(program.id, digest.weekKey);
      return digestPreview(digest, program, run?.status === 'posted' ? run : undefined);
    });
  }
}
