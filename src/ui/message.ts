import type { KnownBlock } from '@slack/types';

/** A message as Rollout hands it to Slack: blocks plus the fallback `text` Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}
