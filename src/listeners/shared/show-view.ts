import type { ViewOutput } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';

type ViewArgument = Parameters<WebClient['views']['open']>[0]['view'];

/** What a button's payload says of where it was clicked, for `showView`. */
export interface ViewOrigin {
  triggerId: string;
  /** The view holding the button (a modal or the Home tab); none for a message. */
  view?: Pick<ViewOutput, 'id' | 'hash' | 'type' | 'previous_view_id'>;
}

/**
 * Shows a view for a click that has no response_url. From a message or the Home tab it opens a modal; from
 * a modal it goes on top of it once (so Back returns there) and then replaces the view above the root:
 * Slack keeps at most three views in a stack and refuses the push past that, and Details and All
 * workstreams can lead to each other without end.
 */
export async function showView(client: WebClient, origin: ViewOrigin, view: ViewArgument): Promise<void> {
  const from = origin.view;
  if (from?.type !== 'modal') {
    await client.views.open({ trigger_id: origin.triggerId, view });
    return;
  }
  if (!from.previous_view_id) {
    await client.views.push({ trigger_id: origin.triggerId, view });
    return;
  }
  await client.views.update({ view_id: from.id, hash: from.hash, view });
}
