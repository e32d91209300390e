import type { Logger } from '@slack/logger';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import { isTimeZone } from '../domain/local-time.js';
import { withinDeadline } from './lookup-deadline.js';

export interface ViewerZone {
  /** An IANA zone the runtime knows; 'UTC' on fallback. */
  zone: string;
  /** True when Slack could not tell us the viewer's zone and times are shown in UTC. */
  fallback: boolean;
}

/**
 * The time zone a user set in Slack (`users.info` → `user.tz`), to show absolute times as they read them.
 * Never throws: when Slack fails or answers a zone we do not know, it falls back to UTC and logs why.
 */
export async function viewerTimeZone(client: WebClient, userId: string, logger: Logger): Promise<ViewerZone> {
  try {
    const res = await client.users.info({ user: userId });
    const zone = res.user?.tz;
    if (zone && isTimeZone(zone)) return { zone, fallback: false };
    logger.warn(
      { event: 'viewer_zone_unknown', user: userId, tz: zone ?? null },
      'Slack gave no usable time zone',
    );
  } catch (error) {
    // The same event as every users.info failure, so an operator finds them all under one name.
    logger.warn(
      { event: 'users_info_failed', user: userId, for: 'time zone' },
      'users.info failed; showing UTC',
      error,
    );
  }
  return { zone: 'UTC', fallback: true };
}

interface KeptZone {
  found: Promise<ViewerZone>;
  /** Set once the lookup answers. */
  zone?: ViewerZone;
  until: number;
}

/** Slack time zones change rarely; an hour-old answer saves a `users.info` per command and per sweep. */
const ZONE_TTL_MS = 60 * 60_000;
/** A lookup that failed is tried again after this, not on every command (nor logged on every one). */
const FALLBACK_TTL_MS = 5 * 60_000;
/** Past this many people kept, expired answers are dropped as new ones come in. */
const PRUNE_AT = 10_000;

/**
 * Viewers' time zones, kept for an hour: `/rollout history`, `/rollout away`, reminders and the conflict
 * messages of forms ask for the same few people again and again. People asked for at the same moment share
 * one `users.info`; a failed lookup (UTC) is kept for five minutes, so a user Slack does not know costs one
 * call and one log line every five minutes, not one per command.
 */
export class ViewerZones {
  private readonly kept = new Map<string, KeptZone>();

  constructor(private readonly deps: Pick<Deps, 'clock' | 'logger' | 'slackLookupDeadlineMs'>) {}

  /** The zone the person set in Slack, or UTC on fallback. */
  of(client: WebClient, user: string): Promise<ViewerZone> {
    const now = this.deps.clock.now().getTime();
    const kept = this.kept.get(user);
    if (kept && kept.until > now) return kept.found;
    if (this.kept.size >= PRUNE_AT) this.prune(now);
    const found = viewerTimeZone(client, user, this.deps.logger);
    const entry: KeptZone = { found, until: Number.POSITIVE_INFINITY };
    this.kept.set(user, entry);
    void found.then((zone) => {
      entry.zone = zone;
      entry.until = this.deps.clock.now().getTime() + (zone.fallback ? FALLBACK_TTL_MS : ZONE_TTL_MS);
    });
    return found;
  }

  /** The person's zone when it is already known (a lookup answered and not expired): no waiting. */
  known(user: string): ViewerZone | undefined {
    const kept = this.kept.get(user);
    return kept && kept.until > this.deps.clock.now().getTime() ? kept.zone : undefined;
  }

  /** As `of`, but answers UTC once the lookup deadline passes: for answers due within Slack's 3 seconds. */
  soon(client: WebClient, user: string): Promise<ViewerZone> {
    return withinDeadline(this.of(client, user), this.deps, (deadlineMs) => {
      this.deps.logger.warn(
        { event: 'users_info_slow', user, deadlineMs },
        'users.info too slow; answering in UTC',
      );
      return { zone: 'UTC', fallback: true };
    });
  }

  private prune(now: number): void {
    for (const [user, { until }] of this.kept) if (until <= now) this.kept.delete(user);
  }
}
