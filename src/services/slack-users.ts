import type { Logger } from '@slack/logger';
import type { WebClient } from '@slack/web-api';

/**
 * How Slack names someone (display name, real name or handle), for plain-text places where a `<@U…>`
 * mention does not render, such as a modal's inline error. Falls back to the ID, logging why.
 */
export async function displayName(client: WebClient, userId: string, logger: Logger): Promise<string> {
  try {
    const { user } = await client.users.info({ user: userId });
    return user?.profile?.display_name || user?.real_name || user?.name || userId;
  } catch (error) {
    logger.warn(
      { event: 'users_info_failed', user: userId },
      'users.info failed; showing the user ID',
      error,
    );
    return userId;
  }
}
