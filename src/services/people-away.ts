import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import { type Away, awayByStatus, awayOn, longerAway } from '../domain/people-away.js';
import { slackErrorReason } from '../slack-client.js';
import { PeopleAwayStore } from '../store/people-away.js';
import { withinDeadline } from './lookup-deadline.js';

/** A status is changed by hand, rarely within minutes; this keeps a reminder sweep to one call per person. */
const STATUS_TTL_MS = 5 * 60_000;

interface CachedStatus {
  emoji: string;
  expiration: number;
  until: number;
}

/**
 * "Is X away on DATE, and until when": what they told Rollout (`/rollout away`) or their Slack status
 * (`users.profile.get`, one of `ROLLOUT_AWAY_EMOJI`). A status lookup that fails or is slow counts as not
 * away and is logged: a reminder too many beats a workstream nobody hears about.
 */
export class PeopleAway {
  readonly store: PeopleAwayStore;
  private readonly statuses = new Map<string, CachedStatus>();

  constructor(private readonly deps: Deps) {
    this.store = new PeopleAwayStore(deps.db);
  }

  /** Away on `date` (YYYY-MM-DD in `zone`, the person's), and through when; undefined when not away. */
  async awayOn(client: WebClient, user: string, date: string, zone: string): Promise<Away | undefined> {
    const said = this.store.get(user);
    const byCommand: Away | undefined = said ? { until: said.until, source: 'command' } : undefined;
    const byStatus = await this.statusAway(client, user, zone);
    const away = longerAway(
      awayOn(byCommand, date) ? byCommand : undefined,
      awayOn(byStatus, date) ? byStatus : undefined,
    );
    return away;
  }

  /** Forgets the cached statuses, e.g. when a person says they are back. */
  forget(user: string): void {
    this.statuses.delete(user);
  }

  private async statusAway(client: WebClient, user: string, zone: string): Promise<Away | undefined> {
    const now = this.deps.clock.now();
    let status = this.statuses.get(user);
    if (!status || status.until <= now.getTime()) {
      const found = await this.lookup(client, user);
      if (!found) return undefined;
      status = { ...found, until: now.getTime() + STATUS_TTL_MS };
      this.statuses.set(user, status);
    }
    return awayByStatus(status, this.deps.config.awayEmoji, now, zone);
  }

  private async lookup(
    client: WebClient,
    user: string,
  ): Promise<{ emoji: string; expiration: number } | undefined> {
    try {
      // Reminders and the digest wait for no one: past the deadline, the person counts as not away.
      const answer = await withinDeadline(client.users.profile.get({ user }), this.deps, (deadlineMs) => {
        this.deps.logger.warn(
          { event: 'users_profile_slow', user, deadlineMs },
          'users.profile.get too slow; counting this person as not away',
        );
        return 'late' as const;
      });
      if (answer === 'late') return undefined;
      return {
        emoji: answer.profile?.status_emoji ?? '',
        expiration: Number(answer.profile?.status_expiration ?? 0) || 0,
      };
    } catch (error) {
      this.deps.logger.warn(
        { event: 'users_profile_failed', user, reason: slackErrorReason(error) },
        'users.profile.get failed; counting this person as not away',
      );
      return undefined;
    }
  }
}
