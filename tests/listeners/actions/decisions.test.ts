import type { View } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { viewProblems } from '../../../src/slack-standin/block-kit-rules.js';
import { encodeItemRef, encodeProgramRef } from '../../../src/ui/action-values.js';
import { DECISION_ACTIONS, DECISION_BLOCKS, DECISION_VIEWS, itemAction } from '../../../src/ui/ids.js';
import { noticeText } from '../../support/blocks.js';
import { DECIDER, decisionRow, NOW, Q, seedDecisions } from '../../support/decision-program.js';
import { elementOf, labelsOf } from '../../support/modal-state.js';
import { OTHER_OWNER, OWNER, STRANGER } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

describe('the buttons of /rollout decisions', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });
  const start = () => RolloutHarness.start({ clock: fixedClock(NOW), seed: (db) => seedDecisions(db) });
  const click = (user: string, kind: keyof typeof DECISION_ACTIONS, question: string) => {
    const row = decisionRow(h.db, question);
    return h.action({
      user,
      actionId: itemAction(DECISION_ACTIONS[kind], row.id),
      value: encodeItemRef({ program: 'builder-insights', id: row.id, version: row.version }),
    });
  };
  const opened = async (n: number) => (await h.fake.waitForCall('views.open', n)).args.view as View;

  it('Record decision opens the form prefilled: deciders, today in the program’s zone, the workstream to move on', async () => {
    h = await start();
    await click(DECIDER, 'record', Q.okta);
    const view = await opened(1);
    expect(viewProblems(view, 'modal')).toEqual([]);
    expect(view.callback_id).toBe(DECISION_VIEWS.record);
    expect(labelsOf(view)).toEqual([
      'Outcome',
      'Decided by',
      'Decided on',
      'Link',
      'Workstream',
      'New status',
      'Main blocker',
    ]);
    expect(elementOf(view, DECISION_BLOCKS.decidedBy)).toMatchObject({
      type: 'multi_users_select',
      initial_users: [DECIDER],
    });
    expect(elementOf(view, DECISION_BLOCKS.decidedAt)).toMatchObject({ initial_date: '2026-11-30' });
    expect(elementOf(view, DECISION_BLOCKS.moveWorkstream)).toMatchObject({
      initial_option: { value: '1:identity-sso' },
    });
    expect(elementOf(view, DECISION_BLOCKS.moveStatus)).toMatchObject({
      initial_option: { value: 'needs-decision' },
    });
    expect(elementOf(view, DECISION_BLOCKS.moveBlocker)).toMatchObject({
      initial_value: 'approved Okta path and claims model',
    });
  });

  it('Defer, Edit and Withdraw open their forms; Add decision opens an empty one', async () => {
    h = await start();
    await click(OWNER, 'defer', Q.okta);
    expect(labelsOf(await opened(1))).toEqual(['New needed-by date', 'Why it waits']);
    await click(OWNER, 'edit', Q.okta);
    const edit = await opened(2);
    expect(labelsOf(edit)).toEqual(['Question', 'Workstreams it holds up', 'Who decides', 'Needed by']);
    expect(elementOf(edit, DECISION_BLOCKS.question)).toMatchObject({ initial_value: Q.okta });
    expect(elementOf(edit, DECISION_BLOCKS.workstreams)).toMatchObject({
      initial_options: [expect.objectContaining({ value: 'identity-sso' })],
    });
    await click(OWNER, 'withdraw', Q.okta);
    expect(labelsOf(await opened(3))).toEqual(['Why']);
    await h.action({
      user: OWNER,
      actionId: DECISION_ACTIONS.add,
      value: encodeProgramRef('builder-insights'),
    });
    const add = await opened(4);
    expect(add.callback_id).toBe(DECISION_VIEWS.add);
    for (const view of [edit, add]) expect(viewProblems(view, 'modal')).toEqual([]);
  });

  it('tells someone who may not act on the decision why, and logs it', async () => {
    h = await start();
    await click(OTHER_OWNER, 'record', Q.okta);
    const refusal = await opened(1);
    expect(refusal.callback_id).toBeUndefined();
    expect(noticeText(refusal)).toContain('Only its deciders, the owners of Identity and SSO or an admin');
    expect(h.logsOf('decision_open_refused')[0]).toMatchObject({
      user: OTHER_OWNER,
      form: DECISION_ACTIONS.record,
    });
    await h.action({
      user: STRANGER,
      actionId: DECISION_ACTIONS.add,
      value: encodeProgramRef('builder-insights'),
    });
    expect(noticeText(await opened(2))).toContain('Only people who own a workstream');
  });
});
