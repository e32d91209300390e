import type { Logger } from '@slack/logger';
import type { KnownBlock } from '@slack/types';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { SlackClientConfig } from './config.js';

/** How long a call waits for Slack's answer before giving up on it, unless told otherwise. */
export const CALL_TIMEOUT_MS = 10_000;

/**
 * How Rollout talks to the Web API, for the server and the CLI alike. Bounded: the client honours
 * Retry-After on 429 and retries 5xx and network errors, but a listener or a command must not hang for the
 * default half hour. The digest adds its own run-level retry on top (the scheduler's sweep).
 */
export function slackClientOptions(config: Pick<SlackClientConfig, 'slackApiUrl'>): WebClientOptions {
  return {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 3000 },
    timeout: CALL_TIMEOUT_MS,
  };
}

/** Single-attempt twins per client and timeout, made on first use: the digest and the reminders share them. */
const singleAttemptClients = new WeakMap<WebClient, Map<number, WebClient>>();

/**
 * The same client, but making each call exactly once and rejecting a 429 rather than waiting it out: for a
 * call whose repetition could double what Slack already did (a post whose answer was lost), where the
 * caller decides what is safe to retry.
 */
export function singleAttemptClient(
  client: WebClient,
  logger?: Logger,
  timeoutMs: number = CALL_TIMEOUT_MS,
): WebClient {
  let twins = singleAttemptClients.get(client);
  if (!twins) {
    twins = new Map();
    singleAttemptClients.set(client, twins);
  }
  let once = twins.get(timeoutMs);
  if (!once) {
    once = new WebClient(client.token, {
      slackApiUrl: client.slackApiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: timeoutMs,
      ...(logger ? { logger } : {}),
    });
    twins.set(timeoutMs, once);
  }
  return once;
}

/** A Web API client with the bot token and Rollout's retry policy. */
export function createWebClient(config: SlackClientConfig, logger?: Logger): WebClient {
  return new WebClient(config.slackBotToken, {
    ...slackClientOptions(config),
    ...(logger ? { logger } : {}),
  });
}

/** How long Slack asked to wait, for a 429 that a single-attempt client rejected. */
export function rateLimitedFor(error: unknown): number | undefined {
  const e = error as { code?: string; retryAfter?: number };
  return e?.code === 'slack_webapi_rate_limited_error' ? (e.retryAfter ?? 1) * 1000 : undefined;
}

/** A failure after which Slack may have done the work: no answer, or a server error instead of one. */
export function answerLost(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return code === 'slack_webapi_request_error' || code === 'slack_webapi_http_error';
}

/** Slack's error code when there is one ("channel_not_found", "ratelimited"), else the message. */
export function slackErrorReason(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const e = error as { data?: { error?: string }; statusCode?: number; message?: string };
    if (e.data?.error) return e.data.error;
    if (e.statusCode) return `HTTP ${e.statusCode}`;
    if (e.message) return e.message;
  }
  return String(error);
}

/** The DM channel between the app and `user` (conversations.open); throws when Slack gives none. */
export async function openDm(client: WebClient, user: string): Promise<string> {
  const dm = await client.conversations.open({ users: user });
  const channel = dm.channel?.id;
  if (!channel) throw new Error('conversations.open returned no channel');
  return channel;
}

/**
 * Posts `message` to `user` by DM, once: a retry after a lost answer could say it twice. Throws what
 * Slack refused, or the lost answer (`answerLost`).
 */
export async function postDm(
  client: WebClient,
  logger: Logger,
  user: string,
  message: { text: string; blocks: KnownBlock[] },
): Promise<void> {
  const channel = await openDm(client, user);
  await singleAttemptClient(client, logger).chat.postMessage({ channel, ...message, unfurl_links: false });
}
