import type { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgramFileInput } from '../../src/domain/program-file.js';
import { ReminderSender } from '../../src/services/reminders.js';
import { createWebClient } from '../../src/slack-client.js';
import { SlackStandIn } from '../../src/slack-standin/stand-in.js';
import { ACTIONS } from '../../src/ui/ids.js';
import { textsWith } from '../support/blocks.js';
import { OTHER_OWNER, OWNER, smallProgram } from '../support/programs.js';
import { type ServiceEnv, serviceEnv } from '../support/service-deps.js';

/**
 * The example program (Los Angeles, digest Mondays 09:00, reminders 1 day before) imported on 5 Jan 2026.
 * Monday 19 Jan's digest gets its reminders the working day before, Friday 16 Jan (a Sunday reminder
 * moves off the weekend); nothing was updated since 5 Jan.
 * OWNER (Identity and SSO) lives in Tokyo, OTHER_OWNER (Kanopy hosting) in Los Angeles.
 */
const TOKYO_MORNING = new Date('2026-01-16T00:30:00Z');
const LA_MORNING = new Date('2026-01-16T17:30:00Z');
const DM_OWNER = `D${OWNER.slice(1)}`;
const DM_OTHER = `D${OTHER_OWNER.slice(1)}`;

let fake: SlackStandIn;
let env: ServiceEnv;
let client: WebClient;
let sender: ReminderSender;

async function setUp(program?: ProgramFileInput) {
  env = serviceEnv(program);
  sender = new ReminderSender(env.deps);
}

beforeEach(async () => {
  fake = await new SlackStandIn().start();
  fake.addUser(OWNER, 'Asia/Tokyo');
  fake.addUser(OTHER_OWNER, 'America/Los_Angeles');
  client = createWebClient({ slackBotToken: 'xoxb-test-token', slackApiUrl: fake.apiUrl });
});
afterEach(async () => {
  env?.close();
  await fake.stop();
});

const dmsTo = (channel: string) => fake.messagesIn(channel);
const sweepAt = (iso: Date | string) => sender.sweep(client, new Date(iso));

describe('ReminderSender.sweep', () => {
  it('DMs each owner once, in their own morning: Tokyo first, Los Angeles hours later', async () => {
    await setUp();

    expect(await sweepAt('2026-01-15T23:59:00Z')).toEqual({ sent: 0, failed: 0 });
    expect(await sweepAt(TOKYO_MORNING)).toEqual({ sent: 1, failed: 0 });
    expect(dmsTo(DM_OWNER)).toHaveLength(1);
    expect(dmsTo(DM_OTHER)).toHaveLength(0);

    expect(await sweepAt(LA_MORNING)).toEqual({ sent: 1, failed: 0 });
    expect(dmsTo(DM_OTHER)).toHaveLength(1);

    for (const later of ['2026-01-16T01:00:00Z', '2026-01-16T02:55:00Z', '2026-01-16T18:00:00Z']) {
      expect(await sweepAt(later)).toEqual({ sent: 0, failed: 0 });
    }
    expect(dmsTo(DM_OWNER)).toHaveLength(1);
    expect(dmsTo(DM_OTHER)).toHaveLength(1);
    expect(
      env.db.prepare('SELECT week_key AS week, user_id AS user FROM reminders_sent ORDER BY user_id').all(),
    ).toEqual([
      { week: '2026-W03', user: OWNER },
      { week: '2026-W03', user: OTHER_OWNER },
    ]);
  });

  it('lists the owner’s stale workstreams, each with an Update button, and says so in the fallback text', async () => {
    await setUp();
    await sweepAt(TOKYO_MORNING);

    const [dm] = dmsTo(DM_OWNER);
    expect(dm?.text).toBe(
      'Reminder: the Builder Insights operationalization digest goes out soon; please update Identity and SSO.',
    );
    const blocks = dm?.blocks as {
      block_id: string;
      accessory?: Record<string, unknown>;
      elements?: Record<string, unknown>[];
    }[];
    expect(blocks.map((b) => b.block_id)).toEqual([
      'reminder_intro',
      'reminder_ws:builder-insights:identity-sso',
      'reminder_buttons:builder-insights:identity-sso',
    ]);
    expect(blocks[1]?.accessory).toMatchObject({
      type: 'button',
      action_id: ACTIONS.openWorkstreamUpdate,
      value: JSON.stringify({ p: 'builder-insights', w: 'identity-sso' }),
    });
    expect(blocks[2]?.elements?.[0]).toMatchObject({
      type: 'button',
      action_id: `${ACTIONS.confirmCurrent}:0`,
    });
    expect(textsWith(blocks[0], '<!date^1768842000^')).toHaveLength(1);
    expect(env.logs.find((l) => l.event === 'reminder_sent')).toMatchObject({
      user: OWNER,
      zone: 'Asia/Tokyo',
      week: '2026-W03',
      programs: ['builder-insights'],
      workstreams: ['identity-sso'],
    });
  });

  it('reminds nobody outside their morning, nor on another day', async () => {
    await setUp();

    for (const when of [
      '2026-01-16T03:00:00Z', // noon in Tokyo
      '2026-01-16T16:59:00Z', // 08:59 in Los Angeles
      '2026-01-16T20:00:00Z', // noon in Los Angeles
      '2026-01-15T17:30:00Z', // Thursday morning in Los Angeles
      '2026-01-18T00:30:00Z', // Sunday morning in Tokyo, the day the reminder moved from
      '2026-01-18T17:30:00Z', // Sunday morning in Los Angeles
    ]) {
      expect(await sweepAt(when), when).toEqual({ sent: 0, failed: 0 });
    }
    expect(fake.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('leaves out workstreams updated this week, and owners with nothing left to update', async () => {
    await setUp();
    env.db
      .prepare("UPDATE workstreams SET updated_at = '2026-01-13T18:00:00.000Z' WHERE key = 'kanopy-hosting'")
      .run();

    await sweepAt(TOKYO_MORNING);
    await sweepAt(LA_MORNING);

    expect(dmsTo(DM_OWNER)).toHaveLength(1);
    expect(dmsTo(DM_OTHER)).toHaveLength(0);
  });

  it('gives the claim back when the DM fails, logs why, and a later sweep sends it', async () => {
    await setUp();
    fake.failNext('chat.postMessage', { error: 'account_inactive' });

    expect(await sweepAt(TOKYO_MORNING)).toEqual({ sent: 0, failed: 1 });
    expect(env.db.prepare('SELECT COUNT(*) AS n FROM reminders_sent').get()).toEqual({ n: 0 });
    const warn = env.logs.find((l) => l.event === 'reminder_failed');
    expect(warn).toMatchObject({ level: 'warn', user: OWNER, reason: 'account_inactive' });

    expect(await sweepAt('2026-01-16T00:35:00Z')).toEqual({ sent: 1, failed: 0 });
    expect(dmsTo(DM_OWNER)).toHaveLength(1);
  });

  it('never DMs twice when Slack took a DM but its answer was lost: the claim stays, the operator is told', async () => {
    await setUp();
    fake.failNext('chat.postMessage', { lostAnswer: 503 });

    expect(await sweepAt(TOKYO_MORNING)).toEqual({ sent: 0, failed: 1 });
    expect(dmsTo(DM_OWNER)).toHaveLength(1);
    expect(env.logs.find((l) => l.event === 'reminder_uncertain')).toMatchObject({
      level: 'warn',
      user: OWNER,
    });

    await sweepAt('2026-01-16T00:35:00Z');
    expect(dmsTo(DM_OWNER)).toHaveLength(1);
    expect(fake.callsOf('chat.postMessage').filter((c) => c.args.channel === DM_OWNER)).toHaveLength(1);
  });

  it('sends one DM even when two sweeps run at once (the claim is taken before the DM)', async () => {
    await setUp();
    const other = new ReminderSender(env.deps);

    const results = await Promise.all([sweepAt(TOKYO_MORNING), other.sweep(client, TOKYO_MORNING)]);

    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(dmsTo(DM_OWNER)).toHaveLength(1);
  });

  it('asks Slack for an owner’s time zone once, not on every sweep', async () => {
    await setUp();

    await sweepAt('2026-01-15T23:50:00Z');
    await sweepAt('2026-01-15T23:55:00Z');

    expect(fake.callsOf('users.info').filter((c) => c.args.user === OWNER)).toHaveLength(1);
  });

  it('uses the program’s time zone when Slack cannot tell the owner’s', async () => {
    await setUp();
    fake.users.delete(OWNER);

    expect(await sweepAt(TOKYO_MORNING)).toEqual({ sent: 0, failed: 0 });
    expect(await sweepAt(LA_MORNING)).toEqual({ sent: 2, failed: 0 });
    expect(dmsTo(DM_OWNER)).toHaveLength(1);
  });

  it('sends nothing when reminder_days_before is null', async () => {
    await setUp(
      smallProgram({ digest: { channel: 'C0LEADERS', schedule: '0 9 * * 1', reminder_days_before: null } }),
    );

    await sweepAt(TOKYO_MORNING);
    await sweepAt(LA_MORNING);

    expect(fake.calls).toEqual([]);
  });

  it('follows reminder_days_before: four days before a Monday digest is Thursday', async () => {
    await setUp(
      smallProgram({ digest: { channel: 'C0LEADERS', schedule: '0 9 * * 1', reminder_days_before: 4 } }),
    );

    expect(await sweepAt(LA_MORNING)).toEqual({ sent: 0, failed: 0 });
    expect(await sweepAt('2026-01-15T17:30:00Z')).toEqual({ sent: 1, failed: 0 });
    expect(dmsTo(DM_OTHER)).toHaveLength(1);
  });
});
