import type { View } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { blockKitProblems } from '../../../src/slack-standin/block-kit-rules.js';
import { encodeItemRef, encodeProgramRef } from '../../../src/ui/action-values.js';
import { itemAction, LIST_ACTIONS, LIST_BLOCKS, LIST_VIEWS, listItemBlock } from '../../../src/ui/ids.js';
import { actionIdsOf, blockText, noticeText } from '../../support/blocks.js';
import { elementOf, labelsOf } from '../../support/modal-state.js';
import { importFixture, OTHER_OWNER, OWNER, STRANGER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

const ACTION = 'confirm owner and meeting path for Okta/identity decisions';

function actionRow(h: RolloutHarness) {
  return h.db.prepare('SELECT id, owner, due, done, version FROM actions').get() as {
    id: number;
    owner: string | null;
    due: string | null;
    done: number;
    version: number;
  };
}

function history(h: RolloutHarness) {
  return h.db
    .prepare(
      "SELECT field, old_value, new_value, actor FROM history WHERE entity = 'action' AND actor != 'import'",
    )
    .all();
}

describe('the next-actions list and its buttons', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });
  // 04:00 on 3 Dec in Los Angeles, the program's zone: the action due 1 Dec is two days late.
  const start = () =>
    RolloutHarness.start({
      clock: fixedClock('2026-12-03T12:00:00Z'),
      seed: (db) => importFixture(db, smallProgram()),
    });
  const replyTo = (url: string) => h.fake.responseTo(url);
  const ref = (version = 1) => encodeItemRef({ program: 'builder-insights', id: actionRow(h).id, version });

  it('`/rollout actions` lists open actions with owner, workstream and due date, overdue marked', async () => {
    h = await start();
    const owner = (await h.command(OWNER, 'actions')).json;
    const item = listItemBlock('action', actionRow(h).id);
    expect(blockText(owner, item)).toContain(`:warning: *OVERDUE* · ${ACTION}`);
    expect(blockText(owner, item)).toContain(
      `Owner: <@${OWNER}> · _Identity and SSO · Identity and Security_ · *Due Tue 1 Dec 2026* (2 days late)`,
    );
    expect(actionIdsOf(owner)).toContain(itemAction(LIST_ACTIONS.nextActionEdit, actionRow(h).id));
    expect(actionIdsOf(owner)).toContain(itemAction(LIST_ACTIONS.nextActionDone, actionRow(h).id));
    const stranger = (await h.command(STRANGER, 'actions')).json;
    expect(blockText(stranger, item)).toContain(ACTION);
    expect(actionIdsOf(stranger).filter((a) => /action_(add|edit|done)/.test(a))).toEqual([]);
  });

  it('Edit opens the form prefilled with a user picker, date picker and Done box; Add opens an empty one', async () => {
    h = await start();
    await h.action({
      user: OWNER,
      actionId: itemAction(LIST_ACTIONS.nextActionEdit, actionRow(h).id),
      value: ref(),
    });
    const edit = await h.fake.waitForCall('views.open');
    expect(edit.response.ok).toBe(true);
    const view = edit.args.view as View;
    expect(view.callback_id).toBe(LIST_VIEWS.nextActionEdit);
    expect(labelsOf(view)).toEqual([
      'Action',
      'Owner',
      'Owner not in Slack',
      'Workstream',
      'Due date',
      'Done',
      'Note',
    ]);
    expect(elementOf(view, LIST_BLOCKS.nextActionOwner)).toMatchObject({
      type: 'users_select',
      initial_user: OWNER,
    });
    expect(elementOf(view, LIST_BLOCKS.nextActionDue)).toMatchObject({
      type: 'datepicker',
      initial_date: '2026-12-01',
    });
    expect(elementOf(view, LIST_BLOCKS.nextActionDone)?.initial_options).toBeUndefined();

    await h.action({
      user: OTHER_OWNER,
      actionId: LIST_ACTIONS.nextActionAdd,
      value: encodeProgramRef('builder-insights'),
    });
    const add = await h.fake.waitForCall('views.open', 2);
    expect(add.response.ok).toBe(true);
    expect((add.args.view as View).callback_id).toBe(LIST_VIEWS.nextActionAdd);
    expect(labelsOf(add.args.view)).toEqual([
      'Action',
      'Owner',
      'Owner not in Slack',
      'Workstream',
      'Due date',
      'Note',
    ]);
  });

  it('Mark done marks it at once: the list is replaced with a notice and Undo; history and Home follow', async () => {
    h = await start();
    const click = await h.action({
      user: OWNER,
      actionId: itemAction(LIST_ACTIONS.nextActionDone, actionRow(h).id),
      value: ref(),
    });
    const reply = await replyTo(click.responseUrl);
    expect(reply.body.replace_original).toBe(true);
    expect(blockKitProblems(reply.body.blocks, 'message')).toEqual([]);
    expect(blockText(reply.body, LIST_BLOCKS.notice)).toContain(
      `:white_check_mark: Marked done: *${ACTION}*`,
    );
    expect(blockText(reply.body, LIST_BLOCKS.summary)).toContain('No open actions.');
    expect(blockText(reply.body, LIST_BLOCKS.summary)).toContain(':white_check_mark: 1 done');
    expect(actionRow(h)).toMatchObject({ done: 1, version: 2 });
    expect(history(h)).toEqual([{ field: 'done', old_value: 'false', new_value: 'true', actor: OWNER }]);
    expect((await h.fake.waitFor(() => h.fake.okCallsOf('views.publish')[0])).args.user_id).toBe(OWNER);

    const undo = (reply.body.blocks as { accessory?: { action_id: string; value: string } }[])[0]?.accessory;
    expect(undo?.action_id).toBe(LIST_ACTIONS.nextActionUndone);
    const again = await h.action({ user: OWNER, actionId: undo?.action_id ?? '', value: undo?.value ?? '' });
    expect(blockText((await replyTo(again.responseUrl)).body, LIST_BLOCKS.notice)).toContain(
      `Open again: *${ACTION}*`,
    );
    expect(actionRow(h)).toMatchObject({ done: 0, version: 3 });
  });

  it('a second click on the same Mark done says it is already done, not that someone changed it', async () => {
    h = await start();
    const click = () =>
      h.action({
        user: OWNER,
        actionId: itemAction(LIST_ACTIONS.nextActionDone, actionRow(h).id),
        value: ref(),
      });
    const first = await click();
    await replyTo(first.responseUrl);
    const second = await click();
    const reply = (await replyTo(second.responseUrl)).body;
    expect(blockText(reply, LIST_BLOCKS.notice)).toContain('That action is already done');
    expect(JSON.stringify(reply.blocks)).not.toContain('changed this action');
    expect(actionRow(h)).toMatchObject({ done: 1, version: 2 });
  });

  it('refuses a stranger: a refusal modal with a log line, and a forged Mark done writes nothing', async () => {
    h = await start();
    await h.action({
      user: STRANGER,
      actionId: itemAction(LIST_ACTIONS.nextActionEdit, actionRow(h).id),
      value: ref(),
    });
    const refusal = await h.fake.waitForCall('views.open');
    expect(noticeText(refusal.args.view)).toContain('This action belongs to Identity and SSO');
    expect((refusal.args.view as View).callback_id).toBeUndefined();
    expect(h.logsOf('action_edit_refused')[0]).toMatchObject({ level: 'warn', user: STRANGER });

    const forged = await h.action({
      user: STRANGER,
      actionId: itemAction(LIST_ACTIONS.nextActionDone, actionRow(h).id),
      value: ref(),
    });
    const reply = await replyTo(forged.responseUrl);
    expect(reply.body.replace_original).toBe(false);
    expect(reply.body.text).toContain('the person it is assigned to');
    expect(actionRow(h)).toMatchObject({ done: 0, version: 1 });
    expect(history(h)).toEqual([]);
    expect(h.logsOf('action_edit_forbidden')[0]).toMatchObject({ level: 'warn', user: STRANGER });
  });
});
