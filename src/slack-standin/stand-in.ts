import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blockKitProblems, viewProblems } from './block-kit-rules.js';

/** One Web API call as the fake received it. */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  /** What the fake answered (`ok: false` when it refused). */
  response: Record<string, unknown>;
  /** HTTP status sent (200, or a fault's 429/5xx). */
  status: number;
}

/** A reply posted to a `response_url`. */
export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
  /** HTTP status sent: 200 when Slack took the reply, 400 for a message it refuses, 404 for a bad URL. */
  status: number;
  /** What the fake answered. */
  response: Record<string, unknown>;
}

/** Slack takes up to 5 replies on one response_url (within 30 minutes). */
export const RESPONSE_URL_USES = 5;

export type Fault =
  | { status: 429; retryAfter: number }
  | { status: 500 | 502 | 503 }
  | { error: string }
  | { delayMs: number }
  /** Slack does the work (a post is made) but the answer is lost: the caller sees this HTTP status. */
  | { lostAnswer: 500 | 502 | 503 };

interface PostedMessage {
  ts: string;
  channel: string;
  text?: string;
  blocks?: unknown;
  metadata?: unknown;
  user: string;
  bot_id?: string;
}

type Handler = (args: Record<string, unknown>) => Record<string, unknown>;

const BOT_USER = 'UBOTROLLOUT';
const BOT_ID = 'BROLLOUT';

/**
 * A small stand-in for Slack's Web API on loopback. It records every call, answers like Slack, and refuses
 * what Slack refuses: Block Kit past its limits (`invalid_blocks`), missing required arguments, an expired
 * or reused trigger, a message with blocks but no fallback text, a sixth reply to one response_url. It pages
 * conversations.history as Slack does. Faults can be queued per method to test retries.
 */
export class SlackStandIn {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  /** Users known to `users.info`; unknown IDs get `user_not_found`. Each has a time zone. */
  readonly users = new Map<string, { tz: string; name?: string }>();
  private readonly faults = new Map<string, Fault[]>();
  private readonly messages: PostedMessage[] = [];
  private readonly triggers = new Map<string, number>();
  /** The response_urls the fake minted, with how many replies each has taken. */
  private readonly responseUrlUses = new Map<string, number>();
  private responseUrlCounter = 0;
  private server: Server | undefined;
  private tsCounter = 0;
  /** Message timestamps follow this clock, so they line up with an app running on a test clock. */
  now: () => number = Date.now;
  private triggerCounter = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body, headers }) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(body));
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: String(error) }));
        },
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
      return undefined;
    });
  }

  /** Base URL for the app's WebClient (`SLACK_API_URL`). */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A `response_url` the harness puts into a slash command or interaction; it takes up to 5 replies. */
  responseUrl(id = `r${++this.responseUrlCounter}`): string {
    if (!this.responseUrlUses.has(id)) this.responseUrlUses.set(id, 0);
    return `${this.url}/response/${id}`;
  }

  /** A trigger_id that `views.open` or `views.push` accepts once, for 3 seconds, as Slack does. */
  mintTrigger(): string {
    const id = `${++this.triggerCounter}.${Date.now()}.trigger`;
    this.triggers.set(id, Date.now());
    return id;
  }

  addUser(id: string, tz = 'America/Los_Angeles', name?: string): void {
    this.users.set(id, { tz, ...(name ? { name } : {}) });
  }

  /** The next `times` calls of `method` fail with `fault` (after which calls succeed again). */
  failNext(method: string, fault: Fault, times = 1): void {
    const list = this.faults.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.faults.set(method, list);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Calls Slack accepted (`ok: true`). */
  okCallsOf(method: string): RecordedCall[] {
    return this.callsOf(method).filter((c) => c.response.ok === true);
  }

  /** A message another user or app posted in a channel, as conversations.history will return it. */
  addMessageFrom(
    author: { user: string; bot_id?: string },
    channel: string,
    fields: { text?: string; metadata?: unknown } = {},
  ): void {
    this.messages.push({ ts: this.nextTs(), channel, ...author, ...fields });
  }

  /** Messages that made it into a channel (posted and accepted). */
  messagesIn(channel: string): PostedMessage[] {
    return this.messages.filter((m) => m.channel === channel);
  }

  /** Waits until `predicate` holds over the recorded calls (listeners do their Web API work after ack). */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const start = Date.now();
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (Date.now() - start > timeoutMs) throw new Error('SlackStandIn.waitFor: timed out');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** The reply the app posted to `responseUrl` (one this fake minted), once it arrives. */
  responseTo(responseUrl: string, timeoutMs = 5000): Promise<RecordedResponse> {
    return this.waitFor(
      () => this.responses.find((r) => responseUrl.endsWith(`/response/${r.id}`)),
      timeoutMs,
    );
  }

  async waitForCall(method: string, count = 1, timeoutMs = 5000): Promise<RecordedCall> {
    return this.waitFor(() => {
      const calls = this.callsOf(method);
      return calls.length >= count ? calls[count - 1] : undefined;
    }, timeoutMs);
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.url);
    if (url.pathname.startsWith('/response/')) {
      const id = url.pathname.slice('/response/'.length);
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      const { status, response } = this.reply(id, body);
      this.responses.push({ id, body, status, response });
      return { status, body: response };
    }
    if (!url.pathname.startsWith('/api/')) return { status: 404, body: { ok: false, error: 'not_found' } };
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(raw, req.headers['content-type'] ?? '');
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : (args.token as string | undefined);
    const record = (status: number, response: Record<string, unknown>) => {
      this.calls.push({ method, args, token, response, status });
    };

    const fault = this.faults.get(method)?.shift();
    if (fault && 'lostAnswer' in fault) {
      // Slack did what it would have done (nothing, for a bad token); only the answer went missing.
      record(fault.lostAnswer, { ...this.answer(method, args, token), answerLost: true });
      return { status: fault.lostAnswer, body: { ok: false, error: 'fatal_error' } };
    }
    if (fault) {
      if ('delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
      else if ('status' in fault) {
        const response = { ok: false, error: fault.status === 429 ? 'ratelimited' : 'fatal_error' };
        record(fault.status, response);
        const headers: Record<string, string> =
          fault.status === 429 ? { 'retry-after': String(fault.retryAfter) } : {};
        return { status: fault.status, body: response, headers };
      } else {
        const response = { ok: false, error: fault.error };
        record(200, response);
        return { status: 200, body: response };
      }
    }

    const response = this.answer(method, args, token);
    record(200, response);
    return { status: 200, body: response };
  }

  /** Slack's answer to a call that reached it. */
  private answer(
    method: string,
    args: Record<string, unknown>,
    token: string | undefined,
  ): Record<string, unknown> {
    if (!token?.startsWith('xoxb-')) return { ok: false, error: 'not_authed' };
    const handler = this.handlers[method];
    return handler ? handler(args) : { ok: false, error: 'unknown_method' };
  }

  /** A reply to a response_url: only to one the fake minted, at most 5 times, a message Slack takes. */
  private reply(
    id: string,
    body: Record<string, unknown>,
  ): { status: number; response: Record<string, unknown> } {
    const uses = this.responseUrlUses.get(id);
    if (uses === undefined) return { status: 404, response: { ok: false, error: 'no_such_response_url' } };
    if (uses >= RESPONSE_URL_USES) return { status: 404, response: { ok: false, error: 'used_url' } };
    // Deleting the original message is the one reply that carries no message.
    const problems = body.delete_original === true ? [] : messageProblems(body, true);
    if (problems.length)
      return { status: 400, response: { ok: false, error: 'invalid_blocks', errors: problems } };
    this.responseUrlUses.set(id, uses + 1);
    return { status: 200, response: { ok: true } };
  }

  /** Uses up a trigger_id as Slack does: known, at most 3 seconds old, once. */
  private takeTrigger(triggerId: string): Record<string, unknown> | undefined {
    const issued = this.triggers.get(triggerId);
    if (issued === undefined) return { ok: false, error: 'invalid_trigger_id' };
    if (Date.now() - issued > 3000) return { ok: false, error: 'expired_trigger_id' };
    this.triggers.delete(triggerId);
    return undefined;
  }

  private nextTs(): string {
    this.tsCounter++;
    return `${Math.floor(this.now() / 1000)}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  private readonly handlers: Record<string, Handler> = {
    'auth.test': () => ({
      ok: true,
      user_id: BOT_USER,
      bot_id: BOT_ID,
      team_id: 'T0001',
      team: 'Test',
      url: 'https://test.slack.com/',
    }),
    'chat.postMessage': (args) => {
      const refused = requireArgs(args, ['channel']) ?? refuseMessage(args, true);
      if (refused) return refused;
      const channel = String(args.channel);
      if (!/^[CGDU][A-Z0-9]+$/.test(channel)) return { ok: false, error: 'channel_not_found' };
      const message: PostedMessage = {
        ts: this.nextTs(),
        channel,
        user: BOT_USER,
        bot_id: BOT_ID,
        ...(args.text !== undefined ? { text: String(args.text) } : {}),
        ...(args.blocks !== undefined ? { blocks: parseJson(args.blocks) } : {}),
        ...(args.metadata !== undefined ? { metadata: parseJson(args.metadata) } : {}),
      };
      this.messages.push(message);
      return { ok: true, channel, ts: message.ts, message };
    },
    'chat.postEphemeral': (args) =>
      requireArgs(args, ['channel', 'user']) ??
      refuseMessage(args, true) ?? { ok: true, message_ts: this.nextTs() },
    'chat.update': (args) =>
      requireArgs(args, ['channel', 'ts']) ?? refuseMessage(args, true) ?? { ok: true, ts: args.ts },
    'chat.getPermalink': (args) =>
      requireArgs(args, ['channel', 'message_ts']) ?? {
        ok: true,
        permalink: `https://test.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}`,
      },
    'views.open': (args) =>
      requireArgs(args, ['trigger_id', 'view']) ??
      this.takeTrigger(String(args.trigger_id)) ??
      this.viewResponse(args, 'modal'),
    'views.push': (args) =>
      requireArgs(args, ['trigger_id', 'view']) ??
      this.takeTrigger(String(args.trigger_id)) ??
      this.viewResponse(args, 'modal'),
    'views.update': (args) =>
      (args.view_id === undefined && args.external_id === undefined
        ? {
            ok: false,
            error: 'invalid_arguments',
            response_metadata: { messages: ['view_id or external_id required'] },
          }
        : undefined) ??
      requireArgs(args, ['view']) ??
      this.viewResponse(args, 'modal'),
    'views.publish': (args) => requireArgs(args, ['user_id', 'view']) ?? this.viewResponse(args, 'home'),
    'users.info': (args) => {
      const refused = requireArgs(args, ['user']);
      if (refused) return refused;
      const id = String(args.user);
      const user = this.users.get(id);
      if (!user) return { ok: false, error: 'user_not_found' };
      return {
        ok: true,
        user: {
          id,
          name: user.name ?? id.toLowerCase(),
          tz: user.tz,
          tz_label: user.tz,
          tz_offset: tzOffsetSeconds(user.tz),
        },
      };
    },
    'conversations.open': (args) => {
      const refused = requireArgs(args, ['users']);
      if (refused) return refused;
      return { ok: true, channel: { id: `D${String(args.users).split(',')[0]?.slice(1)}` } };
    },
    'conversations.history': (args) => {
      const refused = requireArgs(args, ['channel']);
      if (refused) return refused;
      const limit = Math.min(Number(args.limit ?? 100) || 100, 999);
      // Slack's `inclusive` defaults to false: a message at exactly `oldest` or `latest` is left out.
      const inclusive = args.inclusive === true || args.inclusive === 'true' || args.inclusive === '1';
      for (const bound of ['oldest', 'latest'] as const)
        if (args[bound] !== undefined && !TS.test(String(args[bound])))
          return { ok: false, error: `invalid_ts_${bound}` };
      const oldest = args.oldest !== undefined ? tsKey(String(args.oldest)) : undefined;
      const latest = args.latest !== undefined ? tsKey(String(args.latest)) : undefined;
      let before: bigint | undefined;
      if (args.cursor !== undefined && args.cursor !== '') {
        before = cursorKey(String(args.cursor));
        if (before === undefined) return { ok: false, error: 'invalid_cursor' };
      }
      const includeMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
      const inRange = this.messagesIn(String(args.channel))
        .map((m) => ({ m, key: tsKey(m.ts) }))
        .filter(({ key }) => oldest === undefined || (inclusive ? key >= oldest : key > oldest))
        .filter(({ key }) => latest === undefined || (inclusive ? key <= latest : key < latest))
        .filter(({ key }) => before === undefined || key <= before)
        .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
      const page = inRange.slice(0, limit).map(({ m }) => {
        const { metadata, ...rest } = m;
        return includeMetadata && metadata ? { ...rest, metadata } : rest;
      });
      const next = inRange[limit];
      if (!next) return { ok: true, messages: page, has_more: false };
      return {
        ok: true,
        messages: page,
        has_more: true,
        response_metadata: { next_cursor: Buffer.from(`next_ts:${next.m.ts}`).toString('base64') },
      };
    },
  };

  private viewResponse(args: Record<string, unknown>, surface: 'modal' | 'home'): Record<string, unknown> {
    const view = parseJson(args.view) as Record<string, unknown>;
    const problems = viewProblems(view, surface);
    if (problems.length)
      return { ok: false, error: 'invalid_arguments', response_metadata: { messages: problems } };
    return { ok: true, view: { id: `V${this.calls.length + 1}`, ...view } };
  }
}

const TS = /^\d+(?:\.\d+)?$/;

/** A message ts ("1700000000.000123", checked against TS) in microseconds, exactly (a double is not). */
function tsKey(ts: string): bigint {
  const [seconds = '0', fraction = ''] = ts.split('.');
  return BigInt(seconds) * 1_000_000n + BigInt(fraction.padEnd(6, '0').slice(0, 6));
}

/** Where a `conversations.history` cursor resumes: the ts of the first message of the next page. */
function cursorKey(cursor: string): bigint | undefined {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  const ts = decoded.startsWith('next_ts:') ? decoded.slice('next_ts:'.length) : '';
  return TS.test(ts) ? tsKey(ts) : undefined;
}

function tzOffsetSeconds(tz: string): number {
  const now = new Date();
  const local = new Date(now.toLocaleString('en-US', { timeZone: tz }));
  const utc = new Date(now.toLocaleString('en-US', { timeZone: 'UTC' }));
  return Math.round((local.getTime() - utc.getTime()) / 1000);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Arguments as the app meant them: the WebClient sends objects (view, blocks, metadata) as JSON strings. */
function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = JSON_ARGS.has(k) ? parseJson(v) : v;
  return out;
}

const JSON_ARGS = new Set(['view', 'blocks', 'attachments', 'metadata']);

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function requireArgs(args: Record<string, unknown>, names: string[]): Record<string, unknown> | undefined {
  const missing = names.filter((n) => args[n] === undefined || args[n] === '');
  if (!missing.length) return undefined;
  if (missing.includes('channel')) return { ok: false, error: 'channel_not_found' };
  return {
    ok: false,
    error: 'invalid_arguments',
    response_metadata: { messages: missing.map((m) => `missing ${m}`) },
  };
}

/** Slack refuses a message with neither text nor blocks; Rollout also holds itself to a fallback `text`. */
/** What Slack refuses in a message (chat.postMessage, a response_url reply, a command's answer). */
export function messageProblems(args: Record<string, unknown>, requireText: boolean): string[] {
  const blocks = parseJson(args.blocks);
  const problems: string[] = [];
  if (blocks !== undefined) problems.push(...blockKitProblems(blocks, 'message'));
  const text = typeof args.text === 'string' ? args.text : '';
  if (blocks === undefined && !text) problems.push('no_text');
  if (requireText && blocks !== undefined && !text)
    problems.push('text: a message with blocks needs fallback text');
  if (text.length > 40000) problems.push('msg_too_long');
  return problems;
}

function refuseMessage(
  args: Record<string, unknown>,
  requireText: boolean,
): Record<string, unknown> | undefined {
  const problems = messageProblems(args, requireText);
  if (!problems.length) return undefined;
  if (problems.includes('no_text')) return { ok: false, error: 'no_text' };
  if (problems.includes('msg_too_long')) return { ok: false, error: 'msg_too_long' };
  return { ok: false, error: 'invalid_blocks', errors: problems };
}
