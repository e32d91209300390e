import type { WebClient } from '@slack/web-api';

/** How far back a read goes (200 messages a page) before giving up rather than risk a double post. */
const HISTORY_PAGES = 25;

/**
 * A channel as the witness of what Rollout posted: the only record of a post whose answer was lost, or that
 * a database restored from a backup no longer remembers (a digest, a workstream's weekly thread parent).
 * A message is found by its metadata, and only when this app's bot posted it.
 */
export class ChannelWitness {
  private author: Promise<{ user?: string; bot?: string }> | undefined;

  constructor(private readonly client: WebClient) {}

  /** The ts of this bot's message in `channel` since `oldest` that `matches` (read with its metadata), if any. */
  async findOwn(
    channel: string,
    oldest: Date,
    matches: (message: unknown) => boolean,
  ): Promise<string | undefined> {
    let cursor: string | undefined;
    for (let page = 0; page < HISTORY_PAGES; page++) {
      const res = await this.client.conversations.history({
        channel,
        oldest: String(Math.floor(oldest.getTime() / 1000)),
        limit: 200,
        include_all_metadata: true,
        ...(cursor ? { cursor } : {}),
      });
      for (const message of res.messages ?? []) {
        if (!matches(message)) continue;
        // Any app may post the same metadata; only this bot's message counts.
        if (await this.isOwn(message)) return message.ts;
      }
      cursor = res.response_metadata?.next_cursor;
      if (!res.has_more || !cursor) return undefined;
    }
    // Not read to the end: posting now could double the message, so this counts as a failed check.
    throw new Error(
      `more than ${HISTORY_PAGES * 200} messages in the channel this week; not all were checked`,
    );
  }

  /** Whether a message was posted by this app's bot (its bot user or bot ID, from auth.test once). */
  private async isOwn(message: { user?: string; bot_id?: string }): Promise<boolean> {
    this.author ??= this.client.auth.test().then(
      (res) => ({
        ...(res.user_id ? { user: res.user_id } : {}),
        ...(res.bot_id ? { bot: res.bot_id } : {}),
      }),
      (error) => {
        this.author = undefined;
        throw error;
      },
    );
    const me = await this.author;
    return (
      (me.bot !== undefined && message.bot_id === me.bot) ||
      (me.user !== undefined && message.user === me.user)
    );
  }
}

/** What an operator can do about a channel that could not be read, when Slack's error says. */
export function channelReadHint(reason: string): string | undefined {
  if (reason.includes('missing_scope'))
    return 'the app needs channels:history (groups:history for a private channel): reinstall it from manifest.yml';
  if (reason.includes('not_in_channel') || reason.includes('channel_not_found'))
    return 'invite the bot to the digest channel (/invite @Rollout) or fix the channel in the program file';
  return undefined;
}
