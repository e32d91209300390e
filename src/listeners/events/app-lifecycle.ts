import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';

/**
 * The app removed from the workspace, or its tokens revoked: nothing Rollout sends will arrive from now on
 * (digests, reminders, Home tabs), so the operator hears of it at once rather than from failed posts.
 */
export function register(app: App, deps: Deps): void {
  app.event('app_uninstalled', async () => {
    deps.logger.warn(
      { event: 'app_uninstalled' },
      'Rollout was uninstalled from the workspace: it can no longer post; reinstall it to resume',
    );
  });
  app.event('tokens_revoked', async ({ event }) => {
    const bots = event.tokens?.bot ?? [];
    deps.logger.warn(
      { event: 'tokens_revoked', bot: bots.length > 0 },
      'Slack revoked tokens of Rollout: if the bot token is among them, set a new SLACK_BOT_TOKEN',
    );
  });
}
