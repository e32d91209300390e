import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { messageProblems, viewProblems } from './block-kit-rules.js';
import { canvasHandlers } from './canvases.js';
import { parseArgs, parseJson, requireArgs } from './web-api-args.js';
import {
  BOT_ID,
  BOT_USER,
  type ResponseContext,
  type StandInUser,
  type StoredMessage,
  Workspace,
} from './workspace.js';

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

/** After 30 minutes Slack refuses a reply to a response_url (`expired_url`), on the stand-in's clock. */
export const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;

export { messageProblems, parseJson };

export type Fault =
  | { status: 429; retryAfter: number }
  | { status: 500 | 502 | 503 }
  | { error: string }
  | { delayMs: number }
  /** Slack does the work (a post is made) but the answer is lost: the caller sees this HTTP status. */
  | { lostAnswer: 500 | 502 | 503 };

type Handler = (args: Record<string, unknown>, caller: Caller) => Record<string, unknown>;

/** Who a trigger belongs to: a views.open with it opens that person's modal. */
interface Caller {
  token: string | undefined;
}

/** One entry of the traffic log: a Web API call, a response_url reply, or a request sent to the app. */
export interface TrafficEntry {
  id: number;
  at: string;
  direction: 'to_app' | 'web_api' | 'response_url';
  name: string;
  status: number;
  ok: boolean;
  error?: string;
  request: unknown;
  response: unknown;
}

/** How much traffic the log keeps (the playground shows it; tests read `calls` and `responses`). */
const TRAFFIC_KEPT = 500;

/**
 * A stand-in for Slack on loopback, shared by the tests and the playground. It speaks the Web API the app
 * calls (recording every call, answering like Slack, and refusing what Slack refuses: Block Kit past its
 * limits, missing arguments, an expired or reused trigger, a message with blocks but no fallback text, a
 * sixth reply to one response_url or one after its 30 minutes, a fourth modal in a stack, a stale view
 * hash), keeps a workspace of people, channels, messages, modals and Home tabs, and takes replies to the
 * response_urls it minted.
 * Faults can be queued per method to test retries. `StandInClient` is the other half: what a person does.
 */
export class SlackStandIn {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  /** Every call and reply, and what the client side sent the app, newest last (bounded). */
  readonly traffic: TrafficEntry[] = [];
  /** Message timestamps follow this clock, so they line up with an app running on a test clock. */
  now: () => number = Date.now;
  // A field rather than set in the constructor: the handlers table below is built from it.
  readonly workspace: Workspace = new Workspace(() => this.now());
  private readonly changeListeners = new Set<() => void>();
  private trafficCounter = 0;
  private readonly faults = new Map<string, Fault[]>();
  private readonly triggers = new Map<string, { issued: number; user: string }>();
  /** The response_urls the stand-in minted: when, how many replies each has taken, and where they land. */
  private readonly responseUrls = new Map<
    string,
    { minted: number; uses: number; context?: ResponseContext }
  >();
  private responseUrlCounter = 0;
  private server: Server | undefined;
  private triggerCounter = 0;
  url = '';

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body, headers }) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(body));
          this.changed();
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: String(error) }));
        },
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    const { port: bound } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${bound}`;
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

  /** People known to `users.info`; unknown IDs get `user_not_found`. */
  get users(): Map<string, StandInUser> {
    return this.workspace.users;
  }

  /** Calls `listener` after anything in the workspace may have changed. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  changed(): void {
    for (const listener of this.changeListeners) listener();
  }

  /**
   * A `response_url` to put into a slash command or interaction; it takes up to 5 replies within 30 minutes
   * (of `now`). With a context, replies land in the workspace as Slack shows them (ephemeral, in_channel,
   * replace, delete).
   */
  responseUrl(id = `r${++this.responseUrlCounter}`, context?: ResponseContext): string {
    if (!this.responseUrls.has(id))
      this.responseUrls.set(id, { minted: this.now(), uses: 0, ...(context ? { context } : {}) });
    return `${this.url}/response/${id}`;
  }

  /** Where a response_url's replies land (the command's first answer is recorded here). */
  responseContext(url: string): ResponseContext | undefined {
    return this.responseUrls.get(url.slice(url.lastIndexOf('/') + 1))?.context;
  }

  /** A trigger_id that `views.open` or `views.push` accepts once, for 3 seconds, as Slack does. */
  mintTrigger(user = ''): string {
    const id = `${++this.triggerCounter}.${Date.now()}.trigger`;
    this.triggers.set(id, { issued: Date.now(), user });
    return id;
  }

  addUser(id: string, tz = 'America/Los_Angeles', name?: string): void {
    this.workspace.addUser({ id, tz, name: name ?? id.toLowerCase(), realName: name ?? id });
  }

  /** Sets `id`'s Slack status (an added user's); `expiration` in Unix seconds, 0 for none. */
  setStatus(id: string, status: { emoji: string; text?: string; expiration?: number }): void {
    const user = this.workspace.users.get(id);
    if (!user) throw new Error(`no such user ${id}`);
    user.statusEmoji = status.emoji;
    user.statusText = status.text ?? '';
    user.statusExpiration = status.expiration ?? 0;
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
    this.workspace.post({ channel, ...author, ...fields });
  }

  /** Messages that made it into a channel for everyone to see (posted and accepted; no ephemeral ones). */
  messagesIn(channel: string): StoredMessage[] {
    return this.workspace.messages.filter((m) => m.channel === channel && m.ephemeralTo === undefined);
  }

  /** Adds an entry to the traffic log (the client side logs what it sent the app here). */
  log(entry: Omit<TrafficEntry, 'id' | 'at'>): void {
    this.traffic.push({ id: ++this.trafficCounter, at: new Date(this.now()).toISOString(), ...entry });
    if (this.traffic.length > TRAFFIC_KEPT) this.traffic.splice(0, this.traffic.length - TRAFFIC_KEPT);
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

  /** The reply the app posted to `responseUrl` (one this stand-in minted), once it arrives. */
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
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw || '{}') as Record<string, unknown>;
      } catch {
        return { status: 400, body: { ok: false, error: 'invalid_json' } };
      }
      const { status, response } = this.reply(id, body);
      this.responses.push({ id, body, status, response });
      this.log({
        direction: 'response_url',
        name: 'response_url',
        status,
        ok: response.ok === true,
        ...errorOf(response),
        request: body,
        response,
      });
      return { status, body: response };
    }
    if (!url.pathname.startsWith('/api/')) return { status: 404, body: { ok: false, error: 'not_found' } };
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(raw, req.headers['content-type'] ?? '');
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : (args.token as string | undefined);
    const record = (status: number, response: Record<string, unknown>) => {
      this.calls.push({ method, args, token, response, status });
      this.log({
        direction: 'web_api',
        name: method,
        status,
        ok: response.ok === true && status === 200,
        ...errorOf(response),
        request: args,
        response,
      });
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
    return handler ? handler(args, { token }) : { ok: false, error: 'unknown_method' };
  }

  /**
   * A reply to a response_url: only to one the stand-in minted, at most 5 times within 30 minutes, a message
   * Slack takes.
   */
  private reply(
    id: string,
    body: Record<string, unknown>,
  ): { status: number; response: Record<string, unknown> } {
    const minted = this.responseUrls.get(id);
    if (minted === undefined) return { status: 404, response: { ok: false, error: 'no_such_response_url' } };
    if (this.now() - minted.minted > RESPONSE_URL_LIFETIME_MS)
      return { status: 404, response: { ok: false, error: 'expired_url' } };
    if (minted.uses >= RESPONSE_URL_USES) return { status: 404, response: { ok: false, error: 'used_url' } };
    // Deleting the original message is the one reply that carries no message.
    const problems = body.delete_original === true ? [] : messageProblems(body, true);
    if (problems.length)
      return { status: 400, response: { ok: false, error: 'invalid_blocks', errors: problems } };
    minted.uses++;
    if (minted.context) this.deliver(minted.context, body);
    return { status: 200, response: { ok: true } };
  }

  /**
   * Shows an answer where Slack would (a response_url reply, a command's ack): in place of the original, in
   * the channel, or to one person.
   */
  deliver(context: ResponseContext, body: Record<string, unknown>): void {
    const original = context.messageTs
      ? this.workspace.findMessage(context.channel, context.messageTs)
      : undefined;
    if (body.delete_original === true) {
      if (original) this.workspace.remove(original);
      return;
    }
    if (body.replace_original === true && original) {
      this.workspace.replace(original, { text: body.text, blocks: parseJson(body.blocks) });
      return;
    }
    const inChannel = body.response_type === 'in_channel';
    const posted = this.workspace.post({
      channel: context.channel,
      user: BOT_USER,
      bot_id: BOT_ID,
      ...(typeof body.text === 'string' ? { text: body.text } : {}),
      ...(body.blocks !== undefined ? { blocks: parseJson(body.blocks) } : {}),
      ...(inChannel ? {} : { ephemeralTo: context.user }),
    });
    // A later replace_original on this URL (a command's answer) changes the message just shown.
    context.messageTs ??= posted.ts;
  }

  /** Uses up a trigger_id as Slack does: known, at most 3 seconds old, once. Returns its person. */
  private takeTrigger(triggerId: string): { refused: Record<string, unknown> } | { user: string } {
    const trigger = this.triggers.get(triggerId);
    if (trigger === undefined) return { refused: { ok: false, error: 'invalid_trigger_id' } };
    if (Date.now() - trigger.issued > 3000) return { refused: { ok: false, error: 'expired_trigger_id' } };
    this.triggers.delete(triggerId);
    return { user: trigger.user };
  }

  /** A message the app posts to a channel, a person (their DM) or a thread. */
  private postMessage(args: Record<string, unknown>, ephemeralTo?: string): Record<string, unknown> {
    let channel = String(args.channel);
    if (!/^[CGDU][A-Z0-9]+$/.test(channel)) return { ok: false, error: 'channel_not_found' };
    // A user ID as the channel means the DM with that person (chat.postMessage, not postEphemeral).
    if (channel.startsWith('U') && !ephemeralTo) channel = this.workspace.dmWith(channel).id;
    const message = this.workspace.post({
      channel,
      user: BOT_USER,
      bot_id: BOT_ID,
      ...(args.text !== undefined ? { text: String(args.text) } : {}),
      ...(args.blocks !== undefined ? { blocks: parseJson(args.blocks) } : {}),
      ...(args.metadata !== undefined ? { metadata: parseJson(args.metadata) } : {}),
      ...(typeof args.thread_ts === 'string' && args.thread_ts ? { thread_ts: args.thread_ts } : {}),
      ...(ephemeralTo ? { ephemeralTo } : {}),
    });
    return ephemeralTo
      ? { ok: true, message_ts: message.ts }
      : { ok: true, channel, ts: message.ts, message: withoutRouting(message) };
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
    'chat.postMessage': (args) =>
      requireArgs(args, ['channel']) ?? refuseMessage(args, true) ?? this.postMessage(args),
    'chat.postEphemeral': (args) =>
      requireArgs(args, ['channel', 'user']) ??
      refuseMessage(args, true) ??
      this.postMessage(args, String(args.user)),
    'chat.update': (args) => {
      const refused = requireArgs(args, ['channel', 'ts']) ?? refuseMessage(args, true);
      if (refused) return refused;
      const message = this.workspace.findMessage(String(args.channel), String(args.ts));
      if (!message) return { ok: false, error: 'message_not_found' };
      if (message.bot_id !== BOT_ID) return { ok: false, error: 'cant_update_message' };
      this.workspace.replace(message, { text: args.text, blocks: parseJson(args.blocks) });
      return { ok: true, channel: message.channel, ts: message.ts, text: message.text ?? '' };
    },
    'chat.delete': (args) => {
      const refused = requireArgs(args, ['channel', 'ts']);
      if (refused) return refused;
      const message = this.workspace.findMessage(String(args.channel), String(args.ts));
      if (!message) return { ok: false, error: 'message_not_found' };
      if (message.bot_id !== BOT_ID) return { ok: false, error: 'cant_delete_message' };
      this.workspace.remove(message);
      return { ok: true, channel: message.channel, ts: message.ts };
    },
    'chat.getPermalink': (args) =>
      requireArgs(args, ['channel', 'message_ts']) ?? {
        ok: true,
        permalink: `https://test.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}`,
      },
    'views.open': (args) => this.showView(args, 'open'),
    'views.push': (args) => this.showView(args, 'push'),
    'views.update': (args) => {
      const refused =
        (args.view_id === undefined && args.external_id === undefined
          ? {
              ok: false,
              error: 'invalid_arguments',
              response_metadata: { messages: ['view_id or external_id required'] },
            }
          : undefined) ??
        requireArgs(args, ['view']) ??
        this.viewRefusal(args, 'modal');
      if (refused) return refused;
      const stored =
        args.view_id !== undefined
          ? this.workspace.view(String(args.view_id))
          : this.workspace.viewByExternalId(String(args.external_id));
      if (!stored) return { ok: false, error: 'not_found' };
      if (args.hash !== undefined && args.hash !== stored.hash) return { ok: false, error: 'hash_conflict' };
      return { ok: true, view: this.workspace.updateView(stored, viewArg(args)).view };
    },
    'views.publish': (args) => {
      const refused = requireArgs(args, ['user_id', 'view']) ?? this.viewRefusal(args, 'home');
      if (refused) return refused;
      const user = String(args.user_id);
      const home = this.workspace.homeOf(user);
      if (home && args.hash !== undefined && args.hash !== home.hash)
        return { ok: false, error: 'hash_conflict' };
      return { ok: true, view: this.workspace.publishHome(user, viewArg(args)).view };
    },
    'users.info': (args) => {
      const refused = requireArgs(args, ['user']);
      if (refused) return refused;
      const id = String(args.user);
      const user = this.workspace.users.get(id);
      if (!user) return { ok: false, error: 'user_not_found' };
      return {
        ok: true,
        user: {
          id,
          name: user.name,
          real_name: user.realName,
          profile: { real_name: user.realName, display_name: user.name },
          tz: user.tz,
          tz_label: user.tz,
          tz_offset: tzOffsetSeconds(user.tz),
        },
      };
    },
    'users.profile.get': (args) => {
      // Without `user`, Slack answers for the token's own user: the bot has no status worth reading.
      const refused = requireArgs(args, ['user']);
      if (refused) return refused;
      const user = this.workspace.users.get(String(args.user));
      if (!user) return { ok: false, error: 'user_not_found' };
      return {
        ok: true,
        profile: {
          real_name: user.realName,
          display_name: user.name,
          status_text: user.statusText ?? '',
          status_emoji: user.statusEmoji ?? '',
          status_expiration: user.statusExpiration ?? 0,
        },
      };
    },
    'conversations.open': (args) => {
      const refused = requireArgs(args, ['users']);
      if (refused) return refused;
      const [user = ''] = String(args.users).split(',');
      return { ok: true, channel: { id: this.workspace.dmWith(user).id } };
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
        const { metadata, ...rest } = withoutRouting(m);
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
    ...canvasHandlers(this.workspace),
  };

  /** views.open and views.push: a fresh trigger of the person, a view Slack takes, room in the stack. */
  private showView(args: Record<string, unknown>, how: 'open' | 'push'): Record<string, unknown> {
    const refused = requireArgs(args, ['trigger_id', 'view']) ?? this.viewRefusal(args, 'modal');
    if (refused) return refused;
    const trigger = this.takeTrigger(String(args.trigger_id));
    if ('refused' in trigger) return trigger.refused;
    const view = viewArg(args);
    if (how === 'open') return { ok: true, view: this.workspace.openModal(trigger.user, view).view };
    const pushed = this.workspace.pushModal(trigger.user, view);
    return pushed ? { ok: true, view: pushed.view } : { ok: false, error: 'push_limit_reached' };
  }

  private viewRefusal(args: Record<string, unknown>, surface: 'modal' | 'home'): Obj | undefined {
    const problems = viewProblems(parseJson(args.view), surface);
    return problems.length
      ? { ok: false, error: 'invalid_arguments', response_metadata: { messages: problems } }
      : undefined;
  }
}

type Obj = Record<string, unknown>;

function viewArg(args: Record<string, unknown>): Obj {
  return parseJson(args.view) as Obj;
}

/** A message as Slack returns it: without what only the stand-in keeps (who an ephemeral one is for). */
function withoutRouting(message: StoredMessage): Omit<StoredMessage, 'ephemeralTo' | 'edited'> {
  const { ephemeralTo: _to, edited: _edited, ...rest } = message;
  return rest;
}

function errorOf(response: Record<string, unknown>): { error?: string } {
  return typeof response.error === 'string' ? { error: response.error } : {};
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
