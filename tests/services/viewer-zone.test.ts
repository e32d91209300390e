import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ViewerZones } from '../../src/services/viewer-zone.js';
import { SlackStandIn } from '../../src/slack-standin/stand-in.js';
import { type ServiceEnv, serviceEnv } from '../support/service-deps.js';

const MINUTE = 60_000;

describe('ViewerZones', () => {
  let env: ServiceEnv;
  let fake: SlackStandIn;
  let client: WebClient;
  let zones: ViewerZones;

  beforeEach(async () => {
    env = serviceEnv();
    fake = await new SlackStandIn().start();
    client = new WebClient('xoxb-test-token', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    zones = new ViewerZones({ ...env.deps, slackLookupDeadlineMs: 200 });
  });
  afterEach(async () => {
    await fake.stop();
    env.close();
  });

  it('asks Slack once for people asked about together and again, and knows the answer without waiting', async () => {
    fake.addUser('UTOKYO01', 'Asia/Tokyo');
    expect(zones.known('UTOKYO01')).toBeUndefined();
    const [a, b] = await Promise.all([zones.of(client, 'UTOKYO01'), zones.of(client, 'UTOKYO01')]);
    expect(a).toEqual({ zone: 'Asia/Tokyo', fallback: false });
    expect(b).toEqual(a);
    expect(await zones.of(client, 'UTOKYO01')).toEqual(a);
    expect(zones.known('UTOKYO01')).toEqual(a);
    expect(fake.callsOf('users.info')).toHaveLength(1);
  });

  it('keeps a zone for an hour: a change in Slack is seen after that', async () => {
    fake.addUser('UMOVER01', 'Asia/Tokyo');
    await zones.of(client, 'UMOVER01');
    fake.addUser('UMOVER01', 'Europe/Paris');
    env.clock.advance(59 * MINUTE);
    expect((await zones.of(client, 'UMOVER01')).zone).toBe('Asia/Tokyo');
    env.clock.advance(2 * MINUTE);
    expect(zones.known('UMOVER01')).toBeUndefined();
    expect((await zones.of(client, 'UMOVER01')).zone).toBe('Europe/Paris');
    expect(fake.callsOf('users.info')).toHaveLength(2);
  });

  it('keeps a failed lookup (UTC) for five minutes: one call and one warning, not one per command', async () => {
    for (let i = 0; i < 3; i++)
      expect(await zones.of(client, 'UNKNOWN01')).toEqual({ zone: 'UTC', fallback: true });
    expect(fake.callsOf('users.info')).toHaveLength(1);
    expect(env.logs.filter((l) => l.event === 'users_info_failed')).toHaveLength(1);
    env.clock.advance(5 * MINUTE + 1);
    fake.addUser('UNKNOWN01', 'America/Chicago');
    expect(await zones.of(client, 'UNKNOWN01')).toEqual({ zone: 'America/Chicago', fallback: false });
    expect(fake.callsOf('users.info')).toHaveLength(2);
  });

  it('answers UTC within the deadline when Slack is slow, and keeps the late answer for next time', async () => {
    fake.addUser('USLOW01', 'Asia/Tokyo');
    fake.failNext('users.info', { delayMs: 600 });
    expect(await zones.soon(client, 'USLOW01')).toEqual({ zone: 'UTC', fallback: true });
    expect(env.logs.find((l) => l.event === 'users_info_slow')).toMatchObject({
      user: 'USLOW01',
      deadlineMs: 200,
    });
    await fake.waitFor(() => zones.known('USLOW01'), 3000);
    expect(zones.known('USLOW01')).toEqual({ zone: 'Asia/Tokyo', fallback: false });
    expect(fake.callsOf('users.info')).toHaveLength(1);
  });
});
