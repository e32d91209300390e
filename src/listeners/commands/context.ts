import type { AckFn, RespondArguments, RespondFn } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import type { Services } from '../../services/index.js';

/** What a `/rollout` subcommand is handed; it must `ack` (within Slack's 3 seconds) exactly once. */
export interface CommandContext {
  /** Words after the subcommand, quoted phrases kept whole. */
  args: string[];
  userId: string;
  channelId: string;
  triggerId: string;
  ack: AckFn<string | RespondArguments>;
  respond: RespondFn;
  client: WebClient;
  deps: Deps;
  services: Services;
}

export type Subcommand = (ctx: CommandContext) => Promise<void>;

/** Private by default: answers to a slash command are for the person who typed it. */
export function ephemeral(message: { text: string; blocks?: KnownBlock[] }): RespondArguments {
  return { response_type: 'ephemeral', ...message };
}
