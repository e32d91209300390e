import { afterEach, describe, expect, it } from 'vitest';
import { encodeItemRef } from '../../../src/ui/action-values.js';
import { itemAction, MILESTONE_ACTIONS, MILESTONE_BLOCKS, milestoneItemBlock } from '../../../src/ui/ids.js';
import { actionIdsOf, blockText, blockWithId } from '../../support/blocks.js';
import { datedProgram, GATE_OWNER } from '../../support/milestone-program.js';
import { ADMIN, importFixture, OTHER_OWNER, OWNER, STRANGER } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

function milestoneIds(h: RolloutHarness): Record<string, number> {
  const rows = h.db.prepare('SELECT key, id FROM milestones').all() as { key: string; id: number }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.id]));
}

describe('/rollout milestones', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });
  const start = () => RolloutHarness.start({ seed: (db) => importFixture(db, datedProgram()) });

  it('lists each milestone with its target, forecast, what it waits on, why it is at risk and its date conflict', async () => {
    h = await start();
    const res = await h.command(STRANGER, 'milestones');
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe('ephemeral');
    const ids = milestoneIds(h);
    expect(blockText(res.json, MILESTONE_BLOCKS.header)).toBe(
      'Milestones · Builder Insights operationalization',
    );
    expect(blockText(res.json, MILESTONE_BLOCKS.summary)).toBe(
      '*2 milestones*   :rotating_light: 2 at risk   :warning: 1 due before what it waits on',
    );
    const gate = blockText(res.json, milestoneItemBlock(ids['internal-readiness-gate'] ?? 0));
    expect(gate.split('\n')).toEqual([
      `*Internal readiness gate* · <@${GATE_OWNER}>`,
      'target 15 Jan 2027',
      ':hourglass: *Forecast:* 20 Jan 2027, after its target',
      '*Waits on:* Readiness gating',
      ':rotating_light: *At risk:* Identity and SSO is high risk; Readiness gating is blocked',
      ':warning: Due 15 Jan 2027 but depends on Readiness gating, due 20 Jan 2027',
    ]);
    const rollout = blockText(res.json, milestoneItemBlock(ids['broader-rollout'] ?? 0));
    expect(rollout).toContain('*Broader internal rollout timing* · Product');
    // Through the gate: the latest of the gate's own target and its forecast.
    expect(rollout).toContain('*Forecast:* 20 Jan 2027');
    expect(rollout).toContain('*Waits on:* Internal readiness gate, Kanopy hosting');
    expect(rollout).not.toContain(':warning:');
    // A stranger reads, and changes nothing.
    expect(actionIdsOf(res.json)).toEqual([]);
  });

  it('offers Add and Edit to admins, Edit of their own to a milestone owner', async () => {
    h = await start();
    const ids = milestoneIds(h);
    const admin = actionIdsOf((await h.command(ADMIN, 'milestones')).json);
    expect(admin).toEqual([
      MILESTONE_ACTIONS.add,
      itemAction(MILESTONE_ACTIONS.edit, ids['internal-readiness-gate'] ?? 0),
      itemAction(MILESTONE_ACTIONS.edit, ids['broader-rollout'] ?? 0),
    ]);
    const owner = actionIdsOf((await h.command(GATE_OWNER, 'milestones')).json);
    expect(owner).toEqual([itemAction(MILESTONE_ACTIONS.edit, ids['internal-readiness-gate'] ?? 0)]);
  });

  it('is in help, and says so when a program has no milestones', async () => {
    h = await RolloutHarness.start({
      seed: (db) => importFixture(db, datedProgram({ milestones: [] })),
    });
    const help = await h.command(OWNER, 'help');
    expect(JSON.stringify(help.json)).toContain('/rollout milestones');
    const res = await h.command(OTHER_OWNER, 'milestones');
    expect(blockText(res.json, MILESTONE_BLOCKS.summary)).toBe('No milestones yet.');
  });

  it('stays within Block Kit limits with 200 milestones, saying how many more', async () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      key: `gate-${i}`,
      name: `Gate ${i} ${'with a long name '.repeat(5)}`.trim(),
      owner: ADMIN,
      target: '2027-01-15',
      depends_on: ['identity-sso', 'kanopy-hosting', 'readiness-gating'],
    }));
    h = await RolloutHarness.start({
      seed: (db) => importFixture(db, datedProgram({ milestones: many })),
    });
    // The harness refuses what Slack would refuse (50 blocks, 3000 characters a section…).
    const res = await h.command(ADMIN, 'milestones');
    const blocks = res.json?.blocks as unknown[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blockText(res.json, MILESTONE_BLOCKS.more)).toMatch(/^…and 1\d\d more milestones\./);
    expect(blockWithId(res.json, milestoneItemBlock(1))).toBeDefined();
  });

  it('shows a forged or stale Edit button as gone', async () => {
    h = await start();
    const click = await h.action({
      user: ADMIN,
      actionId: itemAction(MILESTONE_ACTIONS.edit, 999),
      value: encodeItemRef({ program: 'builder-insights', id: 999, version: 1 }),
    });
    expect(click.status).toBe(200);
    const opened = await h.fake.waitForCall('views.open');
    expect(JSON.stringify(opened.args.view)).toContain('That milestone or its program no longer exists');
  });
});
