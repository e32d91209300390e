import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import type { Services } from '../../services/index.js';

const appHomeOpened = z.object({ user: z.string().min(1), tab: z.string() });

/**
 * `app_home_opened` on the Home tab publishes that user's tab. Bolt acks events before listeners run, so
 * Slack gets its 200 at once; a retried event (X-Slack-Retry-Num) publishes the same view again, which is
 * harmless.
 */
export function register(app: App, deps: Deps, services: Services): void {
  app.event('app_home_opened', async ({ event, client }) => {
    const parsed = appHomeOpened.safeParse(event);
    if (!parsed.success) {
      deps.logger.warn({
        event: 'app_home_event_invalid',
        problems: parsed.error.issues.map((i) => i.message),
      });
      return;
    }
    if (parsed.data.tab !== 'home') return;
    await services.home.publishHome(client, parsed.data.user);
  });
}
