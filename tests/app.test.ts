import { SocketModeReceiver } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { migrate } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { createLogger } from '../src/logger.js';
import { signature } from '../src/slack-standin/requests.js';
import { textOf } from './support/blocks.js';
import { RolloutHarness, SIGNING_SECRET } from './support/rollout-server.js';

describe('the HTTP server', () => {
  let h: RolloutHarness;
  beforeAll(async () => {
    h = await RolloutHarness.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('answers /healthz with 200 while the database answers', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('refuses a request whose signature was forged', async () => {
    const res = await h.command('UOWNER01', 'help', { post: { signature: 'v0=deadbeef' } });
    expect(res.status).toBe(401);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  });

  it('refuses a replayed request older than five minutes, even with a valid signature', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const body = 'command=%2Frollout&text=help&user_id=U1';
    const res = await h.post(body, 'application/x-www-form-urlencoded', {
      timestamp: stale,
      signature: signature(SIGNING_SECRET, stale, body),
    });
    expect(res.status).toBe(401);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  });

  it('answers a signed slash command within the same request', async () => {
    const res = await h.command('UOWNER01', 'help');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(res.json?.blocks)).toContain('/rollout status');
  });

  it('answers Slack’s url_verification challenge', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' });
    const res = await h.post(body, 'application/json');
    expect(res.status).toBe(200);
    expect(res.text).toContain('abc123');
  });
});

describe('LOG_LEVEL', () => {
  it('holds for Bolt too: at warn, starting and answering a command writes no info line', async () => {
    const h = await RolloutHarness.start({ env: { LOG_LEVEL: 'warn' } });
    try {
      await h.command('UOWNER01', 'help');
      expect(h.logs.filter((l) => l.level === 'info' || l.level === 'debug')).toEqual([]);
    } finally {
      await h.stop();
    }
  });
});

describe('Socket Mode', () => {
  it('keeps Bolt’s socket receiver: the HTTP gate is for the public endpoint only', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_APP_TOKEN: 'xapp-1-test-token',
      PORT: '0',
      DATABASE_PATH: ':memory:',
    });
    const db = openDatabase(':memory:');
    migrate(db);
    try {
      const rollout = createApp({ config, db, clock: systemClock, logger: createLogger('error') });
      expect((rollout.app as unknown as { receiver: unknown }).receiver).toBeInstanceOf(SocketModeReceiver);
    } finally {
      db.close();
    }
  });
});
