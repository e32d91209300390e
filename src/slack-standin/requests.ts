import { createHmac } from 'node:crypto';
import { BOT_ID, BOT_USER } from './workspace.js';

/** Signs a body the way Slack does: `v0=` + HMAC-SHA256 of `v0:{timestamp}:{body}`. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  /** Seconds since the epoch; defaults to now. Set it far off to test replay refusal. */
  timestamp?: number;
  /** Replace the signature (to test forged requests). */
  signature?: string;
  headers?: Record<string, string>;
  /** Gives up waiting for the answer (Slack waits three seconds). */
  signal?: AbortSignal;
}

export interface SlackResponse {
  status: number;
  text: string;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  json: Record<string, unknown> | undefined;
}

/** POSTs `body` to the app with Slack's signature headers. */
export async function signedPost(
  url: string,
  secret: string,
  body: string,
  contentType: string,
  opts: SignedPostOptions = {},
): Promise<SlackResponse> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': opts.signature ?? signature(secret, timestamp, body),
      ...opts.headers,
    },
    body,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

export const TEAM = { id: 'T0001', domain: 'test' };

export interface CommandFields {
  user: string;
  text: string;
  command?: string;
  channel?: string;
  responseUrl: string;
  triggerId: string;
}

/** The form body Slack sends for a slash command. */
export function commandBody(f: CommandFields): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: f.channel ?? 'C0CHANNEL1',
    channel_name: 'program',
    user_id: f.user,
    user_name: f.user.toLowerCase(),
    command: f.command ?? '/rollout',
    text: f.text,
    api_app_id: 'A0ROLLOUT',
    is_enterprise_install: 'false',
    response_url: f.responseUrl,
    trigger_id: f.triggerId,
  }).toString();
}

/** The form body Slack sends for an interaction: `payload=<json>`. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface BlockActionFields {
  user: string;
  actionId: string;
  blockId?: string;
  value?: string;
  /** For a select: the chosen option's value. */
  selectedValue?: string;
  triggerId: string;
  responseUrl?: string;
  channel?: string;
  /** Set when the button sits in a modal or the Home tab. */
  view?: Record<string, unknown>;
  /** The message the button sits in, as Slack sends it back (a bot's DM, say); an ephemeral one when unset. */
  message?: { ts: string; text?: string; blocks?: unknown };
}

/**
 * Slack's `action_ts`: seconds with six decimals, always the same length (a plain `Date.now() / 1000` drops
 * trailing zeros, so two payloads built a moment apart could differ in size by a byte).
 */
function actionTs(): string {
  return (Date.now() / 1000).toFixed(6);
}

/** What every interactive payload starts with: its type, who acted, and the trigger that may open a modal. */
function interaction(type: string, user: string, triggerId: string): Record<string, unknown> {
  return {
    type,
    team: TEAM,
    user: { id: user, username: user.toLowerCase(), team_id: TEAM.id },
    api_app_id: 'A0ROLLOUT',
    token: 'legacy-verification-token',
    trigger_id: triggerId,
  };
}

export function blockActionPayload(f: BlockActionFields): Record<string, unknown> {
  const action: Record<string, unknown> = {
    action_id: f.actionId,
    block_id: f.blockId ?? 'b1',
    action_ts: actionTs(),
  };
  if (f.selectedValue !== undefined) {
    action.type = 'static_select';
    action.selected_option = { text: { type: 'plain_text', text: f.selectedValue }, value: f.selectedValue };
  } else {
    action.type = 'button';
    action.text = { type: 'plain_text', text: 'Button' };
    if (f.value !== undefined) action.value = f.value;
  }
  return {
    ...interaction('block_actions', f.user, f.triggerId),
    ...(f.view
      ? { container: { type: 'view', view_id: f.view.id ?? 'V0VIEW' }, view: f.view }
      : {
          container: {
            type: 'message',
            message_ts: f.message?.ts ?? '1700000000.000100',
            channel_id: f.channel ?? 'C0CHANNEL1',
            is_ephemeral: !f.message,
          },
          channel: { id: f.channel ?? 'C0CHANNEL1', name: 'program' },
          ...(f.message
            ? {
                message: {
                  type: 'message',
                  user: BOT_USER,
                  bot_id: BOT_ID,
                  ts: f.message.ts,
                  text: f.message.text ?? '',
                  blocks: f.message.blocks ?? [],
                },
              }
            : {}),
          response_url: f.responseUrl,
        }),
    actions: [action],
  };
}

/** A value as a modal's state holds it, by element kind. */
export type InputValue =
  | { type: 'plain_text_input'; value: string | null }
  | { type: 'static_select'; selected_option: { value: string; text?: unknown } | null }
  | { type: 'users_select'; selected_user: string | null }
  | { type: 'multi_users_select'; selected_users: string[] }
  | { type: 'multi_static_select'; selected_options: { value: string }[] }
  | { type: 'datepicker'; selected_date: string | null }
  | { type: 'checkboxes'; selected_options: { value: string }[] }
  | { type: 'radio_buttons'; selected_option: { value: string } | null };

export interface ViewSubmissionFields {
  user: string;
  callbackId: string;
  privateMetadata?: string;
  /** block_id → action_id → value, as in `view.state.values`. */
  values: Record<string, Record<string, InputValue>>;
  viewId?: string;
  triggerId: string;
}

export function viewSubmissionPayload(f: ViewSubmissionFields): Record<string, unknown> {
  return {
    ...interaction('view_submission', f.user, f.triggerId),
    view: {
      id: f.viewId ?? 'V0MODAL',
      team_id: TEAM.id,
      type: 'modal',
      callback_id: f.callbackId,
      private_metadata: f.privateMetadata ?? '',
      state: { values: f.values },
      hash: '1700000000.abcdef',
      title: { type: 'plain_text', text: 'Rollout' },
      blocks: [],
    },
    response_urls: [],
  };
}

export interface MessageActionFields {
  user: string;
  callbackId: string;
  triggerId: string;
  responseUrl: string;
  channel?: string;
  /** The message the shortcut was used on. */
  message: { text: string; ts: string; user?: string };
}

/** What Slack sends when someone picks a message shortcut from a message's menu. */
export function messageActionPayload(f: MessageActionFields): Record<string, unknown> {
  return {
    ...interaction('message_action', f.user, f.triggerId),
    callback_id: f.callbackId,
    action_ts: actionTs(),
    message_ts: f.message.ts,
    response_url: f.responseUrl,
    message: { type: 'message', user: f.message.user ?? 'UAUTHOR01', ts: f.message.ts, text: f.message.text },
    channel: { id: f.channel ?? 'C0CHANNEL1', name: 'program' },
  };
}

export function eventEnvelope(
  event: Record<string, unknown>,
  eventId = `Ev${Date.now()}${Math.random().toString(36).slice(2, 8)}`,
): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM.id,
    api_app_id: 'A0ROLLOUT',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { team_id: TEAM.id, user_id: 'UBOTROLLOUT', is_bot: true, is_enterprise_install: false },
    ],
  };
}
