import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import {
  type Away,
  type AwaySigns,
  awayByStatus,
  awayOn,
  longerAway,
  type SlackStatus,
} from '../domain/people-away.js';
import { slackErrorReason } from '../slack-client.js';
import { PeopleAwayStore } from '../store/people-away.js';
import { withinDeadline } from './lookup-deadline.js';

/** A status is changed by hand, rarely within minutes; this keeps a reminder sweep to one call per person. */
const STATUS_TTL_MS = 5 * 60_000;
/** A lookup that failed counts as no status for this long, so that a preview does not ask again at once. */
const FAILED_TTL_MS = 60_000;

interface KeptStatus {
  status: SlackStatus;
  until: number;
}

export type PeopleAwayDeps = Pick<Deps, 'db' | 'clock' | 'logger' | 'slackLookupDeadlineMs'>;

/**
 * "Is X away on DATE, and until when": what they told Rollout (`/rollout away`) or their Slack status
 * (`users.profile.get`, one of `ROLLOUT_AWAY_EMOJI`). A status lookup that fails or is slow counts as not
 * away and is logged: a reminder too many beats a workstream nobody hears about.
 */
export class PeopleAway {
  readonly store: PeopleAwayStore;
  private readonly statuses = new Map<string, KeptStatus>();
  private readonly asking = new Map<string, Promise<SlackStatus | undefined>>();

  constructor(
    private readonly deps: PeopleAwayDeps,
    /** What in a Slack status means away (ROLLOUT_AWAY_EMOJI, ROLLOUT_AWAY_WORDS). */
    private readonly signs: AwaySigns,
  ) {
    this.store = new PeopleAwayStore(deps.db);
  }

  /** Away on `date` (YYYY-MM-DD in `zone`, the person's), and through when; undefined when not away. */
  async awayOn(client: WebClient, user: string, date: string, zone: string): Promise<Away | undefined> {
    if (!this.freshStatus(user)) await this.ask(client, user);
    return this.knownAwayOn(user, date, zone);
  }

  /**
   * As `awayOn`, from what is known without asking Slack: what the person told Rollout, and their status
   * when it was looked up within the last few minutes. For answers that cannot wait on Slack (previews).
   */
  knownAwayOn(user: string, date: string, zone: string): Away | undefined {
    const said = this.store.get(user);
    const byCommand: Away | undefined = said ? { until: said.until, source: 'command' } : undefined;
    const status = this.freshStatus(user);
    const byStatus = status ? awayByStatus(status, this.signs, this.deps.clock.now(), zone) : undefined;
    return longerAway(
      awayOn(byCommand, date) ? byCommand : undefined,
      awayOn(byStatus, date) ? byStatus : undefined,
    );
  }

  /**
   * Looks up, in the background, the statuses of `users` that are not known or being asked already, so
   * that the next `knownAwayOn` has them. Returns at once.
   */
  refresh(client: WebClient, users: Iterable<string>): void {
    for (const user of users) if (!this.freshStatus(user)) void this.ask(client, user);
  }

  /** Forgets the cached statuses, e.g. when a person says they are back. */
  forget(user: string): void {
    this.statuses.delete(user);
  }

  private freshStatus(user: string): SlackStatus | undefined {
    const kept = this.statuses.get(user);
    return kept && kept.until > this.deps.clock.now().getTime() ? kept.status : undefined;
  }

  /** One lookup per person at a time; its answer (or "no status" after a failure) is kept. */
  private ask(client: WebClient, user: string): Promise<SlackStatus | undefined> {
    let asking = this.asking.get(user);
    if (!asking) {
      asking = this.lookup(client, user).then((status) => {
        const now = this.deps.clock.now().getTime();
        this.statuses.set(
          user,
          status
            ? { status, until: now + STATUS_TTL_MS }
            : { status: { emoji: '', text: '', expiration: 0 }, until: now + FAILED_TTL_MS },
        );
        return status;
      });
      this.asking.set(user, asking);
      void asking.finally(() => this.asking.delete(user));
    }
    return asking;
  }

  private async lookup(client: WebClient, user: string): Promise<SlackStatus | undefined> {
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
        text: answer.profile?.status_text ?? '',
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
