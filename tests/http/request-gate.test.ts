import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../src/http/request-gate.js';
import { blockActionPayload, interactionBody, signature } from '../../src/slack-standin/requests.js';
import { RolloutHarness, SIGNING_SECRET } from '../support/rollout-server.js';

/**
 * A POST whose headers go out at once and whose body is `body` (possibly nothing of what Content-Length
 * promises): the status the server answers with, without the client ever finishing the body.
 */
function postHead(url: string, headers: Record<string, string>, body?: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, signal: AbortSignal.timeout(10_000) });
    req.on('response', (res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      req.destroy();
    });
    req.on('error', reject);
    req.flushHeaders();
    if (body) req.write(body);
  });
}

function signedHeaders(body = ''): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature(SIGNING_SECRET, timestamp, body),
  };
}

describe('requests from outside Slack', () => {
  let h: RolloutHarness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('refuses a request without Slack’s signature headers with 401 before reading its body', async () => {
    h = await RolloutHarness.start();
    // 4 MB promised, none sent: only a server that answers before reading the body answers at all.
    const status = await postHead(h.eventsUrl, {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(4 * 1024 * 1024),
    });
    expect(status).toBe(401);
  });

  it('refuses a signed-looking body declared past the limit with 413, before reading it', async () => {
    h = await RolloutHarness.start();
    const status = await postHead(h.eventsUrl, {
      ...signedHeaders(),
      'content-length': String(BODY_LIMIT_BYTES + 1),
    });
    expect(status).toBe(413);
  });

  it('refuses a chunked body with 413 as soon as it passes the limit, far below Bolt’s 4 MB', async () => {
    h = await RolloutHarness.start();
    const status = await postHead(
      h.eventsUrl,
      { ...signedHeaders(), 'transfer-encoding': 'chunked' },
      Buffer.alloc(BODY_LIMIT_BYTES + 1, 'a'),
    );
    expect(status).toBe(413);
  });

  it('takes a signed payload of exactly the limit', async () => {
    h = await RolloutHarness.start();
    const payload = (padding: string) =>
      interactionBody(
        blockActionPayload({
          user: 'UOWNER01',
          actionId: 'no_such_button',
          triggerId: h?.fake.mintTrigger() ?? '',
          view: { id: 'V0HOME', type: 'home', blocks: [], private_metadata: padding },
        }),
      );
    const body = payload('x'.repeat(BODY_LIMIT_BYTES - Buffer.byteLength(payload(''))));
    expect(Buffer.byteLength(body)).toBe(BODY_LIMIT_BYTES);
    const res = await h.post(body, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    expect(h.logsOf('action_unhandled')).toHaveLength(1);
  });

  it('logs refusals as one requests_refused line with counts by reason, none on its own', async () => {
    h = await RolloutHarness.start();
    const body = 'command=%2Frollout&text=help';
    const form = 'application/x-www-form-urlencoded';
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const answers = await Promise.all([
      fetch(h.eventsUrl, { method: 'POST', body, headers: { 'content-type': form } }),
      fetch(h.eventsUrl, {
        method: 'POST',
        body,
        headers: { 'content-type': form, 'x-slack-signature': 'v0=deadbeef' },
      }),
      h.post(body, form, { signature: 'v0=deadbeef' }),
      h.post(body, form, { timestamp: stale, signature: signature(SIGNING_SECRET, stale, body) }),
      postHead(h.eventsUrl, { ...signedHeaders(), 'content-length': String(BODY_LIMIT_BYTES + 1) }),
    ]);
    expect(answers.map((a) => (typeof a === 'number' ? a : a.status))).toEqual([401, 401, 401, 401, 413]);
    const beforeStop = h.logs.filter((l) => l.level === 'warn' || l.level === 'error');
    expect(beforeStop).toEqual([]);

    // Counted lines are written once a minute, and at stop rather than lost.
    const stopping = h;
    h = undefined;
    await stopping.stop();
    const lines = stopping.logsOf('requests_refused');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      total: 5,
      byReason: { unsigned: 2, bad_signature: 1, stale: 1, too_large: 1 },
    });
  });

  it('still answers what Slack signs: a command, and GET /healthz with no signature at all', async () => {
    h = await RolloutHarness.start();
    expect((await h.command('UOWNER01', 'help')).status).toBe(200);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });
});
