import type { ModalView, View } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../../src/slack-standin/block-kit-rules.js';
import { encodeItemRef, encodeProgramRef } from '../../../src/ui/action-values.js';
import { itemAction, LIST_ACTIONS, LIST_BLOCKS, LIST_VIEWS, listItemBlock } from '../../../src/ui/ids.js';
import { actionIdsOf, blockText, noticeText } from '../../support/blocks.js';
import { elementOf, labelsOf } from '../../support/modal-state.js';
import { ADMIN, importFixture, OTHER_OWNER, OWNER, STRANGER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

const RISK = 'identity decisions stay abstract and block entitlement implementation';

function riskRow(h: RolloutHarness) {
  return h.db.prepare('SELECT id, status, closed_at, version FROM risks').get() as {
    id: number;
    status: string;
    closed_at: string | null;
    version: number;
  };
}

function riskHistory(h: RolloutHarness) {
  return h.db
    .prepare(
      "SELECT field, old_value, new_value, actor FROM history WHERE entity = 'risk' AND actor != 'import'",
    )
    .all();
}

describe('the risks list and its buttons', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });
  const start = (over = {}) => RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram(over)) });

  const replyTo = (url: string) => h.fake.responseTo(url);

  it('`/rollout risks` lists open risks with the buttons each viewer may use', async () => {
    h = await start();
    const owner = await h.command(OWNER, 'risks');
    expect(owner.json?.response_type).toBe('ephemeral');
    expect(blockKitProblems(owner.json?.blocks, 'message')).toEqual([]);
    const { id } = riskRow(h);
    const item = listItemBlock('risk', id);
    expect(blockText(owner.json, item)).toContain(`:red_circle: *High* · ${RISK}`);
    expect(blockText(owner.json, item)).toContain('Identity and SSO · Identity and Security');
    expect(actionIdsOf(owner.json)).toContain(itemAction(LIST_ACTIONS.riskEdit, id));
    expect(actionIdsOf(owner.json)).toContain(itemAction(LIST_ACTIONS.riskClose, id));
    expect(actionIdsOf(owner.json)).toContain(LIST_ACTIONS.riskAdd);

    // Kanopy's owner may add risks, but this one belongs to Identity and SSO.
    const other = actionIdsOf((await h.command(OTHER_OWNER, 'risks')).json);
    expect(other).toContain(LIST_ACTIONS.riskAdd);
    expect(other.filter((a) => a.includes(LIST_ACTIONS.riskEdit))).toEqual([]);
    const stranger = (await h.command(STRANGER, 'risks')).json;
    expect(blockText(stranger, item)).toContain(RISK);
    expect(actionIdsOf(stranger).filter((a) => /risk_(add|edit|close)/.test(a))).toEqual([]);
  });

  it('Edit opens the form prefilled, within the trigger window; Add opens an empty one', async () => {
    h = await start();
    const { id } = riskRow(h);
    await h.action({
      user: OWNER,
      actionId: itemAction(LIST_ACTIONS.riskEdit, id),
      value: encodeItemRef({ program: 'builder-insights', id, version: 1 }),
    });
    const edit = await h.fake.waitForCall('views.open');
    expect(edit.response.ok).toBe(true);
    const view = edit.args.view as View;
    expect(view.callback_id).toBe(LIST_VIEWS.riskEdit);
    expect(labelsOf(view)).toEqual(['Risk', 'Severity', 'Workstream', 'Status', 'Note']);
    expect(elementOf(view, LIST_BLOCKS.riskText)?.initial_value).toBe(RISK);
    expect(elementOf(view, LIST_BLOCKS.riskSeverity)?.initial_option).toMatchObject({ value: 'high' });
    expect(elementOf(view, LIST_BLOCKS.riskWorkstream)?.initial_option).toMatchObject({
      value: 'identity-sso',
    });
    expect(elementOf(view, LIST_BLOCKS.riskStatus)?.initial_option).toMatchObject({ value: 'open' });

    await h.action({
      user: OTHER_OWNER,
      actionId: LIST_ACTIONS.riskAdd,
      value: encodeProgramRef('builder-insights'),
    });
    const add = await h.fake.waitForCall('views.open', 2);
    expect(add.response.ok).toBe(true);
    expect((add.args.view as View).callback_id).toBe(LIST_VIEWS.riskAdd);
    expect(labelsOf(add.args.view)).toEqual(['Risk', 'Severity', 'Workstream', 'Note']);
  });

  it('Close closes the risk at once: the list is replaced with a notice and Undo, history and Home follow', async () => {
    h = await start();
    const { id } = riskRow(h);
    const click = await h.action({
      user: OWNER,
      actionId: itemAction(LIST_ACTIONS.riskClose, id),
      value: encodeItemRef({ program: 'builder-insights', id, version: 1 }),
    });
    const reply = await replyTo(click.responseUrl);
    expect(reply.body.replace_original).toBe(true);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(blockKitProblems(reply.body.blocks, 'message')).toEqual([]);
    expect(blockText(reply.body, LIST_BLOCKS.notice)).toContain(`:white_check_mark: Closed: *${RISK}*`);
    expect(blockText(reply.body, LIST_BLOCKS.summary)).toContain('No open risks.');
    expect(blockText(reply.body, LIST_BLOCKS.closedHeader)).toContain('*Recently closed* (1 in all)');
    expect(riskRow(h)).toMatchObject({ status: 'closed', version: 2 });
    expect(riskRow(h).closed_at).not.toBeNull();
    expect(riskHistory(h)).toEqual([
      { field: 'status', old_value: 'open', new_value: 'closed', actor: OWNER },
    ]);
    const home = await h.fake.waitFor(() => h.fake.okCallsOf('views.publish')[0]);
    expect(home.args.user_id).toBe(OWNER);

    const undo = (reply.body.blocks as { accessory?: { action_id: string; value: string } }[])[0]?.accessory;
    expect(undo?.action_id).toBe(LIST_ACTIONS.riskReopen);
    const again = await h.action({ user: OWNER, actionId: undo?.action_id ?? '', value: undo?.value ?? '' });
    const reopened = await replyTo(again.responseUrl);
    expect(blockText(reopened.body, LIST_BLOCKS.notice)).toContain('Reopened');
    expect(riskRow(h)).toMatchObject({ status: 'open', closed_at: null, version: 3 });
  });

  it('a Close from a list shown before someone else’s change changes nothing and says who changed it', async () => {
    h = await start();
    h.fake.addUser(OWNER, 'Asia/Tokyo');
    h.fake.addUser(ADMIN, 'UTC', 'Robin');
    const { id } = riskRow(h);
    const value = encodeItemRef({ program: 'builder-insights', id, version: 1 });
    await h.action({ user: ADMIN, actionId: itemAction(LIST_ACTIONS.riskClose, id), value });
    await h.fake.waitFor(() => riskRow(h).version === 2);
    await h.action({
      user: ADMIN,
      actionId: itemAction(LIST_ACTIONS.riskReopen, id),
      value: encodeItemRef({ program: 'builder-insights', id, version: 2 }),
    });
    await h.fake.waitFor(() => riskRow(h).version === 3);

    const late = await h.action({ user: OWNER, actionId: itemAction(LIST_ACTIONS.riskClose, id), value });
    const reply = await replyTo(late.responseUrl);
    expect(blockText(reply.body, LIST_BLOCKS.notice)).toMatch(
      /Robin changed this risk at \w{3} \d+ \w{3} \d{4}, \d\d:\d\d GMT\+9 after this list was shown, so nothing was changed/,
    );
    expect(riskRow(h)).toMatchObject({ status: 'open', version: 3 });
  });

  it('Edit on a risk an import removed, or of a program that no longer exists, opens "Not found"', async () => {
    h = await start();
    const { id } = riskRow(h);
    const value = encodeItemRef({ program: 'builder-insights', id, version: 1 });
    // The list was shown, then a re-import dropped the risk.
    importFixture(h.db, smallProgram({ risks: [] }));
    expect(h.db.prepare('SELECT COUNT(*) FROM risks').pluck().get()).toBe(0);

    const click = await h.action({ user: OWNER, actionId: itemAction(LIST_ACTIONS.riskEdit, id), value });
    const gone = await h.fake.waitForCall('views.open');
    expect(gone.response.ok).toBe(true);
    expect(gone.args.trigger_id).toBe(click.triggerId);
    const view = gone.args.view as ModalView;
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBeUndefined();
    expect(view.title).toMatchObject({ text: 'Not found' });
    expect(noticeText(view)).toContain('That risk or its program no longer exists. Try `/rollout risks`.');
    expect(blockKitProblems(view.blocks, 'modal')).toEqual([]);

    const noProgram = await h.action({
      user: ADMIN,
      actionId: itemAction(LIST_ACTIONS.riskEdit, id),
      value: encodeItemRef({ program: 'no-such-program', id, version: 1 }),
    });
    const missing = await h.fake.waitForCall('views.open', 2);
    expect(missing.args.trigger_id).toBe(noProgram.triggerId);
    expect((missing.args.view as ModalView).title).toMatchObject({ text: 'Not found' });
    expect(noticeText(missing.args.view)).toContain('That risk or its program no longer exists');
  });

  it('refuses a stranger: a modal with the reason and a log line, and a forged Close writes nothing', async () => {
    h = await start();
    const { id } = riskRow(h);
    const value = encodeItemRef({ program: 'builder-insights', id, version: 1 });
    await h.action({ user: STRANGER, actionId: itemAction(LIST_ACTIONS.riskEdit, id), value });
    const refusal = await h.fake.waitForCall('views.open');
    expect(refusal.response.ok).toBe(true);
    expect(noticeText(refusal.args.view)).toContain('This risk belongs to Identity and SSO');
    expect((refusal.args.view as View).callback_id).toBeUndefined();
    expect(h.logsOf('risk_edit_refused')[0]).toMatchObject({ level: 'warn', user: STRANGER, risk: id });

    await h.action({
      user: STRANGER,
      actionId: LIST_ACTIONS.riskAdd,
      value: encodeProgramRef('builder-insights'),
    });
    const addRefusal = await h.fake.waitForCall('views.open', 2);
    expect(noticeText(addRefusal.args.view)).toContain('Only people who own a workstream');
    expect(h.logsOf('risk_add_refused')[0]).toMatchObject({ level: 'warn', user: STRANGER });

    const forged = await h.action({
      user: STRANGER,
      actionId: itemAction(LIST_ACTIONS.riskClose, id),
      value,
    });
    const reply = await replyTo(forged.responseUrl);
    expect(reply.body.replace_original).toBe(false);
    expect(reply.body.text).toContain('only its owners or an admin');
    expect(riskRow(h)).toMatchObject({ status: 'open', version: 1 });
    expect(riskHistory(h)).toEqual([]);
    expect(h.logsOf('risk_edit_forbidden')[0]).toMatchObject({ level: 'warn', user: STRANGER });
  });

  it('a Close that fails on our side (the database refuses) tells the clicker, writes nothing and logs it', async () => {
    h = await start();
    const { id } = riskRow(h);
    h.db.exec("CREATE TRIGGER refuse BEFORE UPDATE ON risks BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    const click = await h.action({
      user: OWNER,
      actionId: itemAction(LIST_ACTIONS.riskClose, id),
      value: encodeItemRef({ program: 'builder-insights', id, version: 1 }),
    });
    expect(click.status).toBe(200);
    const reply = await replyTo(click.responseUrl);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply.body.text).toContain('failed on our side');
    expect(riskRow(h)).toMatchObject({ status: 'open', version: 1 });
    expect(riskHistory(h)).toEqual([]);
    expect(h.logsOf('action_failed')[0]).toMatchObject({ level: 'error', user: OWNER });
  });
});
