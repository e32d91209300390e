import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { messageProblems } from '../../../src/slack-standin/block-kit-rules.js';
import {
  DECISION_ACTIONS,
  DECISION_BLOCKS,
  decidedItemBlock,
  decisionItemBlock,
  itemAction,
} from '../../../src/ui/ids.js';
import { actionIdsOf, blockText, textOf } from '../../support/blocks.js';
import {
  DECIDER,
  decisionProgram,
  decisionRow,
  NOW,
  Q,
  seedDecisions,
} from '../../support/decision-program.js';
import { OTHER_OWNER, OWNER, STRANGER } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

type Blocks = { block_id?: string; type: string }[];
const blocksOf = (json: Record<string, unknown> | undefined) => (json?.blocks ?? []) as Blocks;
const itemIds = (json: Record<string, unknown> | undefined) =>
  blocksOf(json)
    .map((b) => b.block_id ?? '')
    .filter((id) => id.startsWith('decision_item:') || id.startsWith('decision_decided:'));

describe('/rollout decisions', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });
  const start = (seed = (db: Parameters<typeof seedDecisions>[0]) => seedDecisions(db)) =>
    RolloutHarness.start({ clock: fixedClock(NOW), seed });

  it('lists pending decisions overdue first, then the oldest, then those decided in the last 14 days', async () => {
    h = await start();
    const res = await h.command(OWNER, 'decisions');
    expect(res.json?.response_type).toBe('ephemeral');
    const [okta, runtime, telemetry, design, old, dropped] = [
      Q.okta,
      Q.runtime,
      Q.telemetry,
      Q.design,
      Q.old,
      Q.dropped,
    ].map((q) => decisionRow(h.db, q).id);
    expect(itemIds(res.json)).toEqual([
      decisionItemBlock(runtime as number),
      decisionItemBlock(telemetry as number),
      decisionItemBlock(okta as number),
      decidedItemBlock(design as number),
    ]);
    expect(textOf(res.json)).not.toContain(Q.old);
    expect(textOf(res.json)).not.toContain(Q.dropped);
    expect([old, dropped]).toHaveLength(2);

    const overdue = blockText(res.json, decisionItemBlock(runtime as number));
    expect(overdue).toContain(`:warning: *${Q.runtime}*`);
    expect(overdue).toContain('waiting 20 days · needed by Fri 20 Nov 2026 · *overdue*');
    expect(overdue).toContain(`Deciders: <@${DECIDER}> · Holds up: Kanopy hosting`);
    expect(blockText(res.json, decisionItemBlock(telemetry as number))).toContain(
      'waiting 29 days · no needed-by date',
    );
    expect(blockText(res.json, decisionItemBlock(okta as number))).toContain(
      'waiting 20 days · needed by Fri 11 Dec 2026\n',
    );
    const decided = blockText(res.json, decidedItemBlock(design as number));
    expect(decided).toContain('Use the Rollout kit');
    expect(decided).toContain(`Decided by <@${DECIDER}> on Wed 25 Nov 2026 · Identity and SSO`);
    expect(decided).toContain('|where it was decided>');
    expect(blockText(res.json, 'list_summary')).toContain('*3 decisions waiting*\n:warning: 1 overdue');
    expect(res.json?.text).toBe(
      'Decisions of Builder Insights operationalization: 3 waiting (1 overdue), 1 decided in the last 14 days',
    );
  });

  it('offers Record, Defer, Edit and Withdraw only where the viewer may act, and Add to members', async () => {
    h = await start();
    const okta = decisionRow(h.db, Q.okta).id;
    const runtime = decisionRow(h.db, Q.runtime).id;
    const owner = actionIdsOf((await h.command(OWNER, 'decisions')).json);
    expect(owner).toEqual([
      DECISION_ACTIONS.add,
      ...['record', 'defer', 'edit', 'withdraw'].map((k) =>
        itemAction(DECISION_ACTIONS[k as 'record'], okta),
      ),
    ]);
    const decider = actionIdsOf((await h.command(DECIDER, 'decisions')).json);
    // The decider owns no workstream: deciding, yes; adding, no.
    expect(decider).not.toContain(DECISION_ACTIONS.add);
    expect(decider).toContain(itemAction(DECISION_ACTIONS.record, runtime));
    expect(decider).toContain(itemAction(DECISION_ACTIONS.record, okta));
    expect(actionIdsOf((await h.command(OTHER_OWNER, 'decisions')).json)).toContain(
      itemAction(DECISION_ACTIONS.defer, runtime),
    );
    const stranger = await h.command(STRANGER, 'decisions');
    expect(actionIdsOf(stranger.json)).toEqual([]);
    expect(textOf(stranger.json)).toContain(Q.okta);
  });

  it('keeps 200 pending decisions within Slack’s 50 blocks, saying how many more there are', async () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      question: `Decision ${i} ${'with a long question '.repeat(20)}`.slice(0, 490),
      workstreams: ['identity-sso', 'kanopy-hosting'],
      deciders: [DECIDER, OWNER],
      needed_by: i % 2 ? '2026-11-01' : '2027-01-01',
    }));
    h = await start((db) => seedDecisions(db, decisionProgram({ decisions: many })));
    const res = await h.command(OWNER, 'decisions');
    const blocks = blocksOf(res.json);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(messageProblems(res.json ?? {}, true)).toEqual([]);
    const more = blockText(res.json, DECISION_BLOCKS.more);
    const shown = itemIds(res.json).length;
    expect(more).toBe(`…and ${200 - shown} more pending decisions (waited on for less time).`);
    expect(shown).toBeGreaterThan(10);
  });

  it('shows the pending decision in `/rollout status WORKSTREAM`', async () => {
    h = await start();
    const res = await h.command(OWNER, 'status identity-sso');
    expect(blockText(res.json, DECISION_BLOCKS.workstreamDecision)).toBe(
      `*Waiting on a decision*\n${Q.okta}\nDeciders: <@${DECIDER}> · needed by Fri 11 Dec 2026 · waiting 20 days`,
    );
  });

  it('is in the help, and the unknown-command help', async () => {
    h = await start();
    expect(textOf((await h.command(OWNER, 'help')).json)).toContain('`/rollout decisions`');
    expect(textOf((await h.command(OWNER, 'decide')).json)).toContain('`/rollout decisions`');
  });
});
