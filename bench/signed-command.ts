import { Agent, request } from 'node:http';
import { commandBody, signature } from '../src/slack-standin/requests.js';
import type { SlackStandIn } from '../src/slack-standin/stand-in.js';
import type { ServerProcess } from './server-process.js';

export interface CommandAnswer {
  /** From send to the answer's last byte: what Slack waits on (the ack). */
  ms: number;
  body: string;
}

/**
 * Connections kept open and reused, as Slack's are. node:http rather than fetch: under 50 requests in flight,
 * fetch (undici) left single answers waiting in the client for over a second while their server had long
 * sent them (Rollout's slowest ack at 1,000 workstreams: 1.4 s with fetch, 0.2 s with this agent, same build).
 */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * Sends signed `/rollout TEXT` as Slack does; throws on anything but a 200 within `timeoutMs` (a timeout is
 * an answer Slack would have given up on, not a figure).
 */
export function commandSender(secret: string, fake: SlackStandIn, user: string, timeoutMs: number) {
  return async (server: ServerProcess, text: string): Promise<CommandAnswer> => {
    const body = commandBody({
      user,
      text,
      responseUrl: fake.responseUrl(),
      triggerId: fake.mintTrigger(),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(secret, timestamp, body),
    };
    const start = performance.now();
    let answer: { status: number; body: string };
    try {
      answer = await post(server.eventsUrl, headers, body, timeoutMs);
    } catch (error) {
      const why =
        error instanceof Error ? `${error.message}${error.cause ? ` (${error.cause})` : ''}` : error;
      throw new Error(`${server.name} did not answer: ${why}. Its last output:\n${server.lastOutput()}`);
    }
    const ms = performance.now() - start;
    if (answer.status !== 200)
      throw new Error(`${server.name} answered HTTP ${answer.status}: ${answer.body.slice(0, 300)}`);
    return { ms, body: answer.body };
  };
}

/** POSTs `body` and reads the whole answer; a timeout (no answer within `timeoutMs`) is an error. */
function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
