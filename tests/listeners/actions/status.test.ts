import { afterEach, describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../../src/slack-standin/block-kit-rules.js';
import { encodeProgramRef, encodeStatusPageRef, encodeWorkstreamRef } from '../../../src/ui/action-values.js';
import { ACTIONS, BLOCKS, workstreamRowBlock } from '../../../src/ui/ids.js';
import { actionIdsOf, blockText } from '../../support/blocks.js';
import { importFixture, largeProgram, OWNER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

describe('status buttons', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  it('Details answers the clicker privately with the workstream, leaving the original message', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const click = await h.action({
      user: OWNER,
      actionId: ACTIONS.showWorkstream,
      value: encodeWorkstreamRef({ program: 'builder-insights', workstream: 'kanopy-hosting' }),
    });
    expect(click.status).toBe(200);
    const reply = await h.fake.responseTo(click.responseUrl);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blockText(reply.body, BLOCKS.workstreamBlocker)).toContain(
      'final runtime boundary and deployment expectations',
    );
  });

  it('All workstreams answers with the status overview; a stale or forged value gets a clear answer', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const click = await h.action({
      user: OWNER,
      actionId: ACTIONS.showStatus,
      value: encodeProgramRef('builder-insights'),
    });
    const reply = await h.fake.responseTo(click.responseUrl);
    expect(blockText(reply.body, workstreamRowBlock('identity-sso'))).toContain('Identity and SSO');

    const forged = await h.action({ user: OWNER, actionId: ACTIONS.showWorkstream, value: 'not json' });
    const answer = await h.fake.responseTo(forged.responseUrl);
    expect(answer.body.text).toContain('no longer exists');
  });

  it('Details from the App Home tab, which has no response_url, opens the workstream in a modal', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    await h.action({
      user: OWNER,
      actionId: ACTIONS.showWorkstream,
      value: encodeWorkstreamRef({ program: 'builder-insights', workstream: 'kanopy-hosting' }),
      view: { id: 'VHOME', type: 'home' },
    });
    const open = await h.fake.waitForCall('views.open');
    expect(open.response.ok).toBe(true);
    expect(blockText(open.args.view, BLOCKS.workstreamBlocker)).toContain(
      'final runtime boundary and deployment expectations',
    );
  });

  it('Next and Previous turn the private overview page in place, from the page the button names', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, largeProgram(1000)) });
    const first = blocksOf((await h.command(OWNER, 'status')).json);
    const next = buttonIn(first, ACTIONS.statusPageNext);
    const click = await h.action({ user: OWNER, actionId: ACTIONS.statusPageNext, value: next.value });
    expect(click.status).toBe(200);
    const reply = await h.fake.responseTo(click.responseUrl);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const second = reply.body.blocks as Block[];
    expect(blockKitProblems(second, 'message')).toEqual([]);
    expect(blockText(second, BLOCKS.statusMore)).toContain('Workstreams 21–40 of 1,000');
    const firstRows = rowIds(first);
    expect(rowIds(second)).toHaveLength(20);
    expect(rowIds(second).some((id) => firstRows.includes(id))).toBe(false);

    const previous = buttonIn(second, ACTIONS.statusPagePrevious);
    const back = await h.action({ user: OWNER, actionId: ACTIONS.statusPagePrevious, value: previous.value });
    const again = await h.fake.responseTo(back.responseUrl);
    expect(rowIds(again.body.blocks as Block[])).toEqual(firstRows);
  });

  it('turns the page of an overview shown in a modal by updating that modal', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, largeProgram(100)) });
    await h.action({
      user: OWNER,
      actionId: ACTIONS.statusPageNext,
      value: encodeStatusPageRef({ program: 'large', page: 4 }),
      view: { id: 'VSTATUS', type: 'modal', hash: '1700000000.abc' },
    });
    const update = await h.fake.waitForCall('views.update');
    expect(update.response.ok).toBe(true);
    expect(update.args).toMatchObject({ view_id: 'VSTATUS', hash: '1700000000.abc' });
    expect(blockText(update.args.view, BLOCKS.statusMore)).toContain('Workstreams 81–100 of 100');
  });

  it('All workstreams from the App Home tab opens the paged overview in a modal', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, largeProgram(1000)) });
    await h.action({
      user: OWNER,
      actionId: ACTIONS.showStatus,
      value: encodeProgramRef('large'),
      view: { id: 'VHOME', type: 'home' },
    });
    const open = await h.fake.waitForCall('views.open');
    expect(open.response.ok).toBe(true);
    expect(blockText(open.args.view, BLOCKS.statusMore)).toContain('Workstreams 1–20 of 1,000');
    expect(actionIdsOf(open.args.view)).toContain(ACTIONS.statusPageNext);
  });

  it('inside a modal, Details goes on top of the first view, then replaces the one above it (Slack stacks 3)', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const value = encodeWorkstreamRef({ program: 'builder-insights', workstream: 'kanopy-hosting' });
    await h.action({
      user: OWNER,
      actionId: ACTIONS.showWorkstream,
      value,
      view: { id: 'VROOT', type: 'modal', hash: 'h1', previous_view_id: null },
    });
    const push = await h.fake.waitForCall('views.push');
    expect(push.response.ok).toBe(true);
    expect(blockText(push.args.view, BLOCKS.workstreamBlocker)).toContain('final runtime boundary');

    await h.action({
      user: OWNER,
      actionId: ACTIONS.showStatus,
      value: encodeProgramRef('builder-insights'),
      view: { id: 'VABOVE', type: 'modal', hash: 'h2', previous_view_id: 'VROOT' },
    });
    const update = await h.fake.waitForCall('views.update');
    expect(update.response.ok).toBe(true);
    expect(update.args).toMatchObject({ view_id: 'VABOVE', hash: 'h2' });
    expect(blockText(update.args.view, workstreamRowBlock('identity-sso'))).toContain('Identity and SSO');
    expect(h.fake.callsOf('views.push')).toHaveLength(1);
  });

  it('a page button of a program that is gone, or a forged value, says so in place', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    for (const value of [encodeStatusPageRef({ program: 'gone', page: 1 }), '{"p":"large","n":-1}']) {
      const click = await h.action({ user: OWNER, actionId: ACTIONS.statusPageNext, value });
      const reply = await h.fake.responseTo(click.responseUrl);
      expect(reply.body.text).toContain('no longer exists');
    }
  });
});

type Block = { type: string; block_id?: string; elements?: { action_id?: string; value?: string }[] };
const blocksOf = (json: Record<string, unknown> | undefined) => (json?.blocks ?? []) as Block[];
const rowIds = (blocks: Block[]) =>
  blocks.map((b) => b.block_id ?? '').filter((id) => id.startsWith('ws_row:'));

function buttonIn(blocks: Block[], actionId: string): { value?: string } {
  const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId);
  if (!button) throw new Error(`no ${actionId} button in ${JSON.stringify(blocks).slice(0, 300)}`);
  return button;
}
