import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { StandInClient } from '../slack-standin/client.js';
import type { SlackStandIn } from '../slack-standin/stand-in.js';
import type { StandInChannel } from '../slack-standin/workspace.js';
import type { PlaygroundAnswer, PlaygroundShortcut, PlaygroundUser } from './protocol.js';
import { playgroundState } from './state.js';

export interface PageServerOptions {
  slack: SlackStandIn;
  client: StandInClient;
  people: readonly PlaygroundUser[];
  channels: readonly StandInChannel[];
  /** The app's message shortcuts (manifest.yml): the only ones a message's menu offers. */
  shortcuts: readonly PlaygroundShortcut[];
  /** The folder holding the bundled page (main.js, main.css). */
  pageDir: URL;
  emoji: Readonly<Record<string, string>>;
  /** "Post this week's digest": the scheduler's own path; answers what happened, in words. */
  postDigest(): Promise<PlaygroundAnswer>;
}

const PAGE_FILES: Record<string, string> = {
  'main.js': 'text/javascript; charset=utf-8',
  'main.css': 'text/css; charset=utf-8',
  'main.js.map': 'application/json',
  'main.css.map': 'application/json',
};

// Nothing but the page's own script and styles may run or load: a defence in depth, since the page never
// builds HTML from text in the first place.
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rollout playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/page/main.css">
<script type="module" src="/page/main.js"></script>
</head>
<body><div id="app"></div></body>
</html>
`;

const userId = z.string().regex(/^U[A-Z0-9]+$/, 'expected a user ID');
const stateSchema = z.record(z.string(), z.record(z.string(), z.looseObject({ type: z.string() })));
const bodies = {
  command: z.object({ as: userId, channel: z.string().min(1), text: z.string().min(1).max(4000) }),
  action: z.object({
    as: userId,
    container: z.discriminatedUnion('type', [
      z.object({ type: z.literal('message'), channel: z.string(), ts: z.string() }),
      z.object({ type: z.literal('view'), viewId: z.string() }),
    ]),
    action: z.object({
      actionId: z.string(),
      blockId: z.string(),
      element: z.looseObject({ type: z.string() }),
      selected: z.record(z.string(), z.unknown()).optional(),
    }),
    state: stateSchema.optional(),
  }),
  submit: z.object({ as: userId, viewId: z.string(), state: stateSchema }),
  close: z.object({ as: userId, viewId: z.string() }),
  shortcut: z.object({
    as: userId,
    channel: z.string().min(1),
    ts: z.string().min(1),
    callbackId: z.string().min(1),
  }),
  home: z.object({ as: userId }),
  digest: z.object({ as: userId }),
};

/** A request the page can never have sent: answered 4xx with what is wrong. */
class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The page's own server: the page, the workspace as one person sees it, a stream that says when it
 * changed, and what a person does (sent to the app by the stand-in's client side). Loopback only.
 */
export class PageServer {
  private server: Server | undefined;
  private version = 0;
  private readonly streams = new Set<ServerResponse>();
  private unsubscribe: (() => void) | undefined;
  private pending: NodeJS.Timeout | undefined;

  constructor(private readonly options: PageServerOptions) {}

  async start(port: number, host = '127.0.0.1'): Promise<string> {
    this.unsubscribe = this.options.slack.onChange(() => this.changed());
    this.server = createServer((req, res) => void this.route(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, host, resolve);
    });
    const { port: bound } = this.server.address() as AddressInfo;
    return `http://${host}:${bound}`;
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    clearTimeout(this.pending);
    for (const stream of this.streams) stream.end();
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
      return undefined;
    });
  }

  /** Tells every open page to refetch, at most every 50 ms (a save makes several calls in a row). */
  private changed(): void {
    this.version++;
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      for (const stream of this.streams)
        stream.write(`data: ${JSON.stringify({ version: this.version })}\n\n`);
    }, 50);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://playground');
    try {
      if (req.method === 'GET') return await this.get(url, res);
      if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
        const answer = await this.post(url.pathname.slice('/api/'.length), await readJson(req));
        return send(res, 200, answer);
      }
      throw new BadRequest(404, 'not found');
    } catch (error) {
      if (error instanceof BadRequest) return send(res, error.status, { ok: false, error: error.message });
      return send(res, 500, { ok: false, error: `the playground failed: ${(error as Error).message}` });
    }
  }

  private async get(url: URL, res: ServerResponse): Promise<void> {
    const { pathname } = url;
    if (pathname === '/' && !url.searchParams.has('as')) {
      // The page always acts as someone: the first of the demo's people unless the address says who.
      url.searchParams.set('as', this.options.people[0]?.id ?? '');
      res.writeHead(302, { location: `/${url.search}` });
      res.end();
      return;
    }
    if (pathname === '/') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'cache-control': 'no-store',
      });
      res.end(HTML);
      return;
    }
    if (pathname.startsWith('/page/')) {
      const name = pathname.slice('/page/'.length);
      const type = PAGE_FILES[name];
      if (!type) throw new BadRequest(404, 'not found');
      const body = await readFile(new URL(name, this.options.pageDir)).catch(() => {
        throw new BadRequest(404, `${name} is not built: run npm run build`);
      });
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    if (pathname === '/api/state') {
      const as = userId.safeParse(url.searchParams.get('as'));
      if (!as.success || !this.options.people.some((p) => p.id === as.data))
        throw new BadRequest(400, 'as: expected the ID of one of the playground’s people');
      const { slack, people, channels, shortcuts } = this.options;
      return send(res, 200, playgroundState(slack, people, channels, as.data, this.version, shortcuts));
    }
    if (pathname === '/api/emoji') return send(res, 200, this.options.emoji);
    if (pathname === '/api/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`data: ${JSON.stringify({ version: this.version })}\n\n`);
      this.streams.add(res);
      res.on('close', () => this.streams.delete(res));
      return;
    }
    throw new BadRequest(404, 'not found');
  }

  private async post(route: string, json: unknown): Promise<PlaygroundAnswer> {
    const { client } = this.options;
    const parse = <T>(schema: z.ZodType<T>): T => {
      const parsed = schema.safeParse(json);
      if (!parsed.success)
        throw new BadRequest(
          400,
          parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
        );
      if (!this.options.people.some((p) => p.id === (parsed.data as { as: string }).as))
        throw new BadRequest(400, 'as: expected the ID of one of the playground’s people');
      return parsed.data;
    };
    switch (route) {
      case 'command': {
        const b = parse(bodies.command);
        return client.command(b.as, b.channel, b.text);
      }
      case 'action': {
        const b = parse(bodies.action);
        return client.action(b.as, b.container, b.action, b.state as never);
      }
      case 'submit': {
        const b = parse(bodies.submit);
        return client.submit(b.as, b.viewId, b.state as never);
      }
      case 'close': {
        const b = parse(bodies.close);
        return client.close(b.as, b.viewId);
      }
      case 'shortcut': {
        const b = parse(bodies.shortcut);
        // Slack offers only the shortcuts the app declared; anything else the page cannot have sent.
        if (!this.options.shortcuts.some((s) => s.callbackId === b.callbackId))
          throw new BadRequest(400, `callbackId: the app declares no message shortcut ${b.callbackId}`);
        return client.messageAction(b.as, b.channel, b.ts, b.callbackId);
      }
      case 'home':
        return client.openHome(parse(bodies.home).as);
      case 'digest':
        parse(bodies.digest);
        return this.options.postDigest();
      default:
        throw new BadRequest(404, `no such action: ${route}`);
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const MAX_BODY = 1_000_000;

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!(req.headers['content-type'] ?? '').includes('application/json'))
    throw new BadRequest(415, 'expected application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BadRequest(413, 'the request is too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest(400, 'the body is not JSON');
  }
}
