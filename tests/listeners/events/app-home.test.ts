import type { KnownBlock } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { decodeWorkstreamRef } from '../../../src/ui/action-values.js';
import { ACTIONS, BLOCKS, HOME_BLOCKS, homeProgramBlock, workstreamRowBlock } from '../../../src/ui/ids.js';
import { actionIdsOf, blockText } from '../../support/blocks.js';
import { importFixture, largeProgram, OWNER, STRANGER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

const homeOpened = (user: string, tab = 'home') => ({
  type: 'app_home_opened',
  user,
  channel: 'D0HOME',
  tab,
  event_ts: '1.2',
});

const publishedView = (call: { args: Record<string, unknown> }) => {
  const view = call.args.view;
  return (typeof view === 'string' ? JSON.parse(view) : view) as { type: string; blocks: KnownBlock[] };
};

/** The Update buttons of a published Home tab. */
const updateButtons = (view: unknown) =>
  actionIdsOf(view).filter((id) => id === ACTIONS.openWorkstreamUpdate);

describe('App Home', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  it('publishes the owner’s Home tab: their workstreams with an Update button, then the overview', async () => {
    h = await RolloutHarness.start({
      clock: fixedClock('2026-11-29T08:00:00Z'),
      seed: (db) => importFixture(db, smallProgram(), new Date('2026-11-20T08:00:00Z')),
    });
    const res = await h.event(homeOpened(OWNER));
    expect(res.status).toBe(200);
    const call = await h.fake.waitForCall('views.publish');
    expect(call.args.user_id).toBe(OWNER);
    expect(call.response.ok).toBe(true);
    const view = publishedView(call);
    expect(view.type).toBe('home');
    const mine = view.blocks.find((b) => b.block_id === 'home_ws:builder-insights:identity-sso');
    expect(mine?.type).toBe('section');
    const section = mine as Extract<KnownBlock, { type: 'section' }>;
    expect(section.text?.text).toContain('*Identity and SSO*');
    expect(section.text?.text).toContain('Needs decision · :red_circle: High risk');
    expect(section.text?.text).toContain('updated 9 days ago');
    expect(section.accessory).toMatchObject({ type: 'button', action_id: ACTIONS.openWorkstreamUpdate });
    expect(decodeWorkstreamRef((section.accessory as { value?: string }).value)).toEqual({
      program: 'builder-insights',
      workstream: 'identity-sso',
    });
    // Only their own workstream gets an Update button; the overview lists all three.
    expect(updateButtons(view)).toHaveLength(1);
    expect(blockText(view, homeProgramBlock('builder-insights', BLOCKS.statusHeader))).toContain(
      'Builder Insights operationalization',
    );
    expect(
      blockText(view, homeProgramBlock('builder-insights', workstreamRowBlock('kanopy-hosting'))),
    ).toContain('Kanopy hosting');
    expect(
      blockText(view, homeProgramBlock('builder-insights', workstreamRowBlock('readiness-gating'))),
    ).toContain('Readiness gating');
  });

  it('greets someone who owns nothing, and still shows the overview', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    expect((await h.event(homeOpened(STRANGER))).status).toBe(200);
    const call = await h.fake.waitForCall('views.publish');
    expect(call.args.user_id).toBe(STRANGER);
    expect(call.response.ok).toBe(true);
    const view = publishedView(call);
    expect(blockText(view, HOME_BLOCKS.mineEmpty)).toContain('You don’t own any workstream yet.');
    expect(JSON.stringify(view.blocks)).not.toContain('workstream_update_open');
    expect(
      blockText(view, homeProgramBlock('builder-insights', workstreamRowBlock('identity-sso'))),
    ).toContain('Identity and SSO');
  });

  it('stays within the Home tab’s 100 blocks for a program of 1,000 workstreams', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, largeProgram(1000)) });
    // U000000 owns every 50th workstream of the large program: 20 of them.
    expect((await h.event(homeOpened('U000000'))).status).toBe(200);
    const call = await h.fake.waitForCall('views.publish');
    expect(call.response.ok).toBe(true);
    const view = publishedView(call);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(updateButtons(view)).toHaveLength(20);
    expect(blockText(view, homeProgramBlock('large', BLOCKS.statusMore))).toMatch(
      /…and \d+ more workstreams/,
    );
  });

  it('publishes nothing for the Messages tab', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    expect((await h.event(homeOpened(OWNER, 'messages'))).status).toBe(200);
    // A later Home event is published; had the Messages one been, it would be the first call.
    await h.event(homeOpened(STRANGER));
    const call = await h.fake.waitForCall('views.publish');
    expect(call.args.user_id).toBe(STRANGER);
    expect(h.fake.callsOf('views.publish')).toHaveLength(1);
  });

  it('answers a retried event with 200 and publishes the same Home again', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const first = await h.event(homeOpened(OWNER), { eventId: 'Ev0HOME1' });
    const retry = await h.event(homeOpened(OWNER), {
      eventId: 'Ev0HOME1',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await h.fake.waitForCall('views.publish', 2);
    const published = h.fake.okCallsOf('views.publish');
    expect(published).toHaveLength(2);
    const [a, b] = published.map((c) => publishedView(c));
    expect(blockText(a, homeProgramBlock('builder-insights', workstreamRowBlock('identity-sso')))).toContain(
      'Identity and SSO',
    );
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('logs a warning with Slack’s error when publishing fails', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    h.fake.failNext('views.publish', { error: 'not_enabled' });
    expect((await h.event(homeOpened(OWNER))).status).toBe(200);
    const warn = await h.fake.waitFor(() => h.logsOf('home_publish_failed')[0]);
    expect(warn.level).toBe('warn');
    expect(warn.user).toBe(OWNER);
    expect(JSON.stringify(warn)).toContain('not_enabled');
  });
});
