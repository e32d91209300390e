import type { View } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { NEEDS_DECISION_ASKS } from '../../../src/services/workstream-updates.js';
import { viewProblems } from '../../../src/slack-standin/block-kit-rules.js';
import type { InputValue } from '../../../src/slack-standin/requests.js';
import { encodeUpdateRef } from '../../../src/ui/action-values.js';
import { decisionChoice } from '../../../src/ui/decision-choices.js';
import { BLOCKS, DECISION_BLOCKS, VIEWS } from '../../../src/ui/ids.js';
import { noticeText } from '../../support/blocks.js';
import { DECIDER, decisionRow, NOW, Q, seedDecisions, slackHistory } from '../../support/decision-program.js';
import { date, errorsOf, labelsOf, select, state, text } from '../../support/modal-state.js';
import { ADMIN, importFixture, OTHER_OWNER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

const users = (...ids: string[]): InputValue => ({ type: 'multi_users_select', selected_users: ids });

/** The update form of a workstream as submitted: its status, and the "If it needs a decision" part. */
function form(status: string, prompt: Record<string, InputValue> = {}) {
  return state({
    [BLOCKS.wsStatus]: select(status),
    [BLOCKS.wsRisk]: select('medium'),
    [BLOCKS.wsState]: text('likely path identified'),
    [BLOCKS.wsBlocker]: text('final runtime boundary and deployment expectations'),
    [BLOCKS.wsSummary]: text(''),
    [BLOCKS.wsNote]: text(''),
    ...prompt,
  });
}

const status = (h: RolloutHarness, key: string) =>
  (h.db.prepare('SELECT status FROM workstreams WHERE key = ?').get(key) as { status: string }).status;

describe('setting a workstream to Needs decision', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });
  const meta = (workstream: string) =>
    encodeUpdateRef({ program: 'builder-insights', workstream, version: 1 });

  it('asks what it waits on, on the status field, and saves nothing until it is said', async () => {
    h = await RolloutHarness.start({
      clock: fixedClock(NOW),
      seed: (db) => importFixture(db, smallProgram()),
    });
    const res = await h.submit({
      user: OTHER_OWNER,
      callbackId: VIEWS.workstreamUpdate,
      privateMetadata: meta('kanopy-hosting'),
      values: form('needs-decision'),
    });
    expect(errorsOf(res)).toEqual({ [BLOCKS.wsStatus]: NEEDS_DECISION_ASKS });
    expect(status(h, 'kanopy-hosting')).toBe('drafted');
    expect(slackHistory(h.db, 'workstream')).toEqual([]);
  });

  it('opens the decision in the same transaction as the status change', async () => {
    h = await RolloutHarness.start({
      clock: fixedClock(NOW),
      seed: (db) => importFixture(db, smallProgram()),
    });
    const res = await h.submit({
      user: OTHER_OWNER,
      callbackId: VIEWS.workstreamUpdate,
      privateMetadata: meta('kanopy-hosting'),
      values: form('needs-decision', {
        [DECISION_BLOCKS.wsDecisionQuestion]: text('Which runtime boundary?'),
        [DECISION_BLOCKS.wsDecisionDeciders]: users(DECIDER),
        [DECISION_BLOCKS.wsDecisionNeededBy]: date('2026-12-18'),
      }),
    });
    expect(res.json?.response_action).toBe('update');
    expect(noticeText(res.json?.view)).toContain('Decision opened: *Which runtime boundary?*');
    expect(status(h, 'kanopy-hosting')).toBe('needs-decision');
    const row = decisionRow(h.db, 'Which runtime boundary?');
    expect(row).toMatchObject({
      state: 'open',
      workstreams: 'kanopy-hosting',
      deciders: DECIDER,
      needed_by: '2026-12-18',
    });
    expect(slackHistory(h.db, 'decision')).toEqual([
      expect.objectContaining({ entity_key: String(row.id), field: 'created', actor: OTHER_OWNER }),
    ]);
    expect(slackHistory(h.db, 'workstream')).toContainEqual(
      expect.objectContaining({ field: 'status', new_value: 'needs-decision', actor: OTHER_OWNER }),
    );
  });

  it('checks the new decision’s fields inline', async () => {
    h = await RolloutHarness.start({
      clock: fixedClock(NOW),
      seed: (db) => importFixture(db, smallProgram()),
    });
    const res = await h.submit({
      user: OTHER_OWNER,
      callbackId: VIEWS.workstreamUpdate,
      privateMetadata: meta('kanopy-hosting'),
      values: form('needs-decision', {
        [DECISION_BLOCKS.wsDecisionQuestion]: text('Which runtime?'),
        [DECISION_BLOCKS.wsDecisionDeciders]: users('not-a-user'),
      }),
    });
    expect(errorsOf(res)).toEqual({
      [DECISION_BLOCKS.wsDecisionDeciders]: 'Choose deciders from the people picker',
    });
    expect(status(h, 'kanopy-hosting')).toBe('drafted');
  });

  it('links an open decision instead, offered in the form, and refuses one that changed meanwhile', async () => {
    h = await RolloutHarness.start({ clock: fixedClock(NOW), seed: (db) => seedDecisions(db) });
    await h.command(ADMIN, 'update readiness-gating');
    const view = (await h.fake.waitForCall('views.open')).args.view as View;
    expect(viewProblems(view, 'modal')).toEqual([]);
    expect(labelsOf(view)).toContain('Waits on an open decision');
    const telemetry = decisionRow(h.db, Q.telemetry);
    const submit = (version: number) =>
      h.submit({
        user: ADMIN,
        callbackId: VIEWS.workstreamUpdate,
        privateMetadata: meta('readiness-gating'),
        values: form('needs-decision', {
          [DECISION_BLOCKS.wsDecisionLink]: select(decisionChoice({ id: telemetry.id, version })),
        }),
      });
    const stale = await submit(7);
    expect(Object.keys(errorsOf(stale))).toEqual([DECISION_BLOCKS.wsDecisionLink]);
    const res = await submit(1);
    expect(res.json?.response_action).toBe('update');
    expect(noticeText(res.json?.view)).toContain(`Now waits on: *${Q.telemetry}*`);
    expect(decisionRow(h.db, Q.telemetry)).toMatchObject({ workstreams: 'readiness-gating', version: 2 });
    expect(status(h, 'readiness-gating')).toBe('needs-decision');
    expect(slackHistory(h.db, 'decision')).toEqual([
      expect.objectContaining({
        field: 'workstreams',
        old_value: '',
        new_value: 'readiness-gating',
        actor: ADMIN,
      }),
    ]);
  });

  it('does not ask again for a workstream a pending decision already holds up', async () => {
    h = await RolloutHarness.start({ clock: fixedClock(NOW), seed: (db) => seedDecisions(db) });
    await h.command(OTHER_OWNER, 'update kanopy-hosting');
    const view = (await h.fake.waitForCall('views.open')).args.view as View;
    expect(labelsOf(view)).not.toContain('Who decides');
    const res = await h.submit({
      user: OTHER_OWNER,
      callbackId: VIEWS.workstreamUpdate,
      privateMetadata: meta('kanopy-hosting'),
      values: form('needs-decision'),
    });
    expect(res.json?.response_action).toBe('update');
    expect(status(h, 'kanopy-hosting')).toBe('needs-decision');
  });
});
