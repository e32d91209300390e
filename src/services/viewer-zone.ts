import type { Logger } from '@slack/logger';
import type { WebClient } from '@slack/web-api';
import { isTimeZone } from '../domain/local-time.js';

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
