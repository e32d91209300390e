import type { View } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeItemRef } from '../../../src/ui/action-values.js';
import { itemAction, LIST_ACTIONS, LIST_BLOCKS, LIST_VIEWS, listItemBlock } from '../../../src/ui/ids.js';
import { actionIdsOf, blocksText, blockText, noticeText } from '../../support/blocks.js';
import { elementOf, labelsOf } from '../../support/modal-state.js';
import { ADMIN, importFixture, OWNER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

describe('the readiness list and its Change button', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  const firstReadiness = () =>
    h.db.prepare('SELECT id FROM readiness ORDER BY position LIMIT 1').pluck().get() as number;

  it('`/rollout readiness` shows each signal and note; only admins get Change, which opens the form', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const owner = (await h.command(OWNER, 'readiness')).json;
    const id = firstReadiness();
    expect(blockText(owner, listItemBlock('readiness', id))).toContain(
      ':red_circle: *Identity readiness* — Not ready\nnot ready until Okta path and claims model are confirmed',
    );
    expect(blocksText(owner, 'readiness_item:')).toContain(
      ':large_yellow_circle: *Hosting readiness* — Partially ready',
    );
    expect(actionIdsOf(owner).filter((a) => a.includes(LIST_ACTIONS.readinessEdit))).toEqual([]);
    expect(blockText(owner, LIST_BLOCKS.hint)).toContain('go/no-go call');

    const admin = (await h.command(ADMIN, 'readiness')).json;
    expect(actionIdsOf(admin)).toContain(itemAction(LIST_ACTIONS.readinessEdit, id));
    await h.action({
      user: ADMIN,
      actionId: itemAction(LIST_ACTIONS.readinessEdit, id),
      value: encodeItemRef({ program: 'builder-insights', id, version: 1 }),
    });
    const call = await h.fake.waitForCall('views.open');
    expect(call.response.ok).toBe(true);
    const view = call.args.view as View;
    expect(view.callback_id).toBe(LIST_VIEWS.readinessEdit);
    expect(labelsOf(view)).toEqual(['Signal', 'Note']);
    expect(elementOf(view, LIST_BLOCKS.readinessSignal)?.initial_option).toMatchObject({
      value: 'not-ready',
    });
    expect(elementOf(view, LIST_BLOCKS.readinessNote)?.initial_value).toBe(
      'not ready until Okta path and claims model are confirmed',
    );
  });

  it('refuses an owner who is not an admin: a modal with the reason and a log line', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const id = firstReadiness();
    await h.action({
      user: OWNER,
      actionId: itemAction(LIST_ACTIONS.readinessEdit, id),
      value: encodeItemRef({ program: 'builder-insights', id, version: 1 }),
    });
    const call = await h.fake.waitForCall('views.open');
    expect(noticeText(call.args.view)).toContain('Only an admin of Builder Insights operationalization');
    expect((call.args.view as View).callback_id).toBeUndefined();
    expect(h.logsOf('readiness_edit_refused')[0]).toMatchObject({
      level: 'warn',
      user: OWNER,
      readiness: id,
    });
  });
});
