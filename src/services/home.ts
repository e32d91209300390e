import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import type { ProgramRepo } from '../store/program-repo.js';
import { homeView } from '../ui/home-view.js';

export interface HomeService {
  /**
   * Builds and publishes `userId`'s App Home tab from the store as it is now. Call it when they open the
   * tab, and after they change something so the tab shows it. Never throws: a Slack failure is logged
   * (warn, with Slack's error) and reported as `false`.
   */
  publishHome(client: WebClient, userId: string): Promise<boolean>;
}

export function createHomeService(deps: Pick<Deps, 'clock' | 'logger'>, programs: ProgramRepo): HomeService {
  const publishHome: HomeService['publishHome'] = async (client, userId) => {
    try {
      const all = programs.all();
      const view = homeView({ userId, programs: all, now: deps.clock.now() });
      await client.views.publish({ user_id: userId, view });
      return true;
    } catch (error) {
      deps.logger.warn(
        { event: 'home_publish_failed', user: userId, slack: slackDetail(error) },
        'Could not publish the Home tab',
        error,
      );
      return false;
    }
  };
  return { publishHome };
}

/** Slack's error code and messages, when the failure came from the Web API. */
function slackDetail(error: unknown): unknown {
  if (typeof error === 'object' && error !== null && 'data' in error) {
    const data = (error as { data?: { error?: unknown; response_metadata?: { messages?: unknown } } }).data;
    return { error: data?.error, messages: data?.response_metadata?.messages };
  }
  return undefined;
}
