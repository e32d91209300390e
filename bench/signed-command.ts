import { commandBody, signature } from '../src/slack-standin/requests.js';
import type { SlackStandIn } from '../src/slack-standin/stand-in.js';
import type { ServerProcess } from './server-process.js';

export interface CommandAnswer {
  /** From send to the answer's last byte: what Slack waits on (the ack). */
  ms: number;
  body: string;
}

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
    let res: Response;
    let answer: string;
    try {
      res = await fetch(server.eventsUrl, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      answer = await res.text();
    } catch (error) {
      const why =
        error instanceof Error ? `${error.message}${error.cause ? ` (${error.cause})` : ''}` : error;
      throw new Error(`${server.name} did not answer: ${why}. Its last output:\n${server.lastOutput()}`);
    }
    const ms = performance.now() - start;
    if (res.status !== 200)
      throw new Error(`${server.name} answered HTTP ${res.status}: ${answer.slice(0, 300)}`);
    return { ms, body: answer };
  };
}
