import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { viewProblems } from '../../../src/slack-standin/block-kit-rules.js';
import { encodeItemRef, encodeProgramRef } from '../../../src/ui/action-values.js';
import { LIST_BLOCKS, LIST_VIEWS, listItemBlock } from '../../../src/ui/ids.js';
import { blockText, noticeText } from '../../support/blocks.js';
import { checks, date, errorsOf, select, state, text, user } from '../../support/modal-state.js';
import { ADMIN, importFixture, OTHER_OWNER, OWNER, STRANGER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

const ACTION = 'confirm owner and meeting path for Okta/identity decisions';

interface ActionForm {
  text?: string;
  owner?: string | null;
  ownerName?: string;
  workstream?: string;
  due?: string | null;
  done?: boolean;
  note?: string;
}

/** The action form as submitted, from what the edit form is prefilled with. */
function action(form: ActionForm = {}, editing = true) {
  return state({
    [LIST_BLOCKS.nextActionText]: text(form.text ?? ACTION),
    [LIST_BLOCKS.nextActionOwner]: user(form.owner === undefined ? OWNER : form.owner),
    [LIST_BLOCKS.nextActionOwnerName]: text(form.ownerName ?? ''),
    [LIST_BLOCKS.nextActionWorkstream]: select(form.workstream ?? 'identity-sso'),
    [LIST_BLOCKS.nextActionDue]: date(form.due === undefined ? '2026-12-01' : form.due),
    ...(editing ? { [LIST_BLOCKS.nextActionDone]: form.done ? checks('done') : checks() } : {}),
    [LIST_BLOCKS.nextActionNote]: text(form.note ?? ''),
  });
}

function actions(h: RolloutHarness) {
  return h.db
    .prepare(
      `SELECT a.id, a.text, a.owner, w.key AS workstream, a.due, a.done, a.version
       FROM actions a LEFT JOIN workstreams w ON w.id = a.workstream_id ORDER BY a.id`,
    )
    .all() as {
    id: number;
    text: string;
    owner: string | null;
    workstream: string | null;
    due: string | null;
    done: number;
    version: number;
  }[];
}

function history(h: RolloutHarness) {
  return h.db
    .prepare(
      "SELECT entity, field, old_value, new_value, actor, note FROM history WHERE entity = 'action' AND actor != 'import' ORDER BY id",
    )
    .all();
}

describe('the next-action form', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });
  const start = (over = {}) =>
    RolloutHarness.start({
      clock: fixedClock('2026-11-26T18:00:00Z'),
      seed: (db) => importFixture(db, smallProgram(over)),
    });
  const meta = (version = 1) =>
    encodeItemRef({ program: 'builder-insights', id: actions(h)[0]?.id ?? 0, version });
  const edit = (who: string, values: ReturnType<typeof action>, version = 1) =>
    h.submit({ user: who, callbackId: LIST_VIEWS.nextActionEdit, privateMetadata: meta(version), values });
  const add = (who: string, values: ReturnType<typeof action>) =>
    h.submit({
      user: who,
      callbackId: LIST_VIEWS.nextActionAdd,
      privateMetadata: encodeProgramRef('builder-insights'),
      values,
    });

  it('adds an action for a Slack user: stored, history, confirmation, Home, and the list shows it', async () => {
    h = await start();
    const res = await add(
      OTHER_OWNER,
      action(
        {
          text: 'confirm Kanopy assumptions with platform owners',
          owner: OTHER_OWNER,
          workstream: 'kanopy-hosting',
          due: '2026-12-10',
          note: 'from the review',
        },
        false,
      ),
    );
    expect(res.json?.response_action).toBe('update');
    expect(viewProblems(res.json?.view, 'modal')).toEqual([]);
    expect(noticeText(res.json?.view)).toContain('Due Thu 10 Dec 2026');
    const added = actions(h)[1];
    expect(added).toMatchObject({
      text: 'confirm Kanopy assumptions with platform owners',
      owner: OTHER_OWNER,
      workstream: 'kanopy-hosting',
      due: '2026-12-10',
      done: 0,
      version: 1,
    });
    expect(history(h)).toEqual([
      {
        entity: 'action',
        field: 'created',
        old_value: null,
        new_value: 'confirm Kanopy assumptions with platform owners',
        actor: OTHER_OWNER,
        note: 'from the review',
      },
    ]);
    expect((await h.fake.waitFor(() => h.fake.okCallsOf('views.publish')[0])).args.user_id).toBe(OTHER_OWNER);
    const list = blockText((await h.command(OWNER, 'actions')).json, listItemBlock('action', added?.id ?? 0));
    expect(list).toContain(
      `Owner: <@${OTHER_OWNER}> · _Kanopy hosting · Platform Engineering_ · Due Thu 10 Dec 2026`,
    );
  });

  it('reassigns an action, then sets its due date, then marks it done: one history entry per change', async () => {
    h = await start();
    const reassigned = await edit(OWNER, action({ owner: OTHER_OWNER, note: 'Dana runs the Okta meeting' }));
    expect(noticeText(reassigned.json?.view)).toContain(`*Owner:* <@${OWNER}> → <@${OTHER_OWNER}>`);
    expect(actions(h)[0]).toMatchObject({ owner: OTHER_OWNER, version: 2 });

    const moved = await edit(OWNER, action({ owner: OTHER_OWNER, due: '2026-12-15' }), 2);
    expect(noticeText(moved.json?.view)).toContain('*Due date:* Tue 1 Dec 2026 → Tue 15 Dec 2026');
    const done = await edit(OTHER_OWNER, action({ owner: OTHER_OWNER, due: '2026-12-15', done: true }), 3);
    expect(noticeText(done.json?.view)).toContain('*Done:* No → Yes');
    expect(actions(h)[0]).toMatchObject({ owner: OTHER_OWNER, due: '2026-12-15', done: 1, version: 4 });
    expect(history(h)).toEqual([
      expect.objectContaining({
        field: 'owner',
        old_value: OWNER,
        new_value: OTHER_OWNER,
        note: 'Dana runs the Okta meeting',
      }),
      expect.objectContaining({
        field: 'due',
        old_value: '2026-12-01',
        new_value: '2026-12-15',
        actor: OWNER,
      }),
      expect.objectContaining({ field: 'done', old_value: 'false', new_value: 'true', actor: OTHER_OWNER }),
    ]);
    const list = (await h.command(OWNER, 'actions')).json;
    expect(blockText(list, LIST_BLOCKS.summary)).toContain('No open actions.');
  });

  it('takes an owner who is not in Slack by name, and refuses both a person and a name', async () => {
    h = await start();
    const named = await edit(ADMIN, action({ owner: null, ownerName: 'Identity <!here> team', due: null }));
    expect(named.json?.response_action).toBe('update');
    expect(actions(h)[0]).toMatchObject({ owner: 'Identity <!here> team', due: null, version: 2 });
    const list = blockText(
      (await h.command(OWNER, 'actions')).json,
      listItemBlock('action', actions(h)[0]?.id ?? 0),
    );
    expect(list).toContain('Owner: Identity &lt;!here&gt; team');
    expect(list).toContain('No due date');

    const both = await edit(ADMIN, action({ owner: OWNER, ownerName: 'Identity team' }), 2);
    expect(errorsOf(both)[LIST_BLOCKS.nextActionOwnerName]).toContain('An action has one owner');
    expect(actions(h)[0]?.version).toBe(2);

    // Typed, an ID or a mention would show as a mention, or quietly make someone the owner.
    for (const typed of ['U0NOTREAL9', 'W3C0', '<@U0STRANGE1>']) {
      const id = await edit(ADMIN, action({ owner: null, ownerName: typed }), 2);
      expect(errorsOf(id)[LIST_BLOCKS.nextActionOwnerName]).toContain(
        'looks like a Slack user ID or mention',
      );
    }
    expect(actions(h)[0]).toMatchObject({ owner: 'Identity <!here> team', version: 2 });
  });

  it('shows invalid input inline on the field at fault and writes nothing', async () => {
    h = await start();
    expect(errorsOf(await edit(OWNER, action({ text: '' })))[LIST_BLOCKS.nextActionText]).toBe(
      'Say what needs doing',
    );
    const oversized = errorsOf(
      await edit(OWNER, action({ text: 'x'.repeat(501), owner: null, ownerName: 'o'.repeat(101) })),
    );
    expect(oversized[LIST_BLOCKS.nextActionText]).toContain('At most 500 characters');
    expect(oversized[LIST_BLOCKS.nextActionOwnerName]).toContain('At most 100 characters');
    const badDate = errorsOf(await edit(OWNER, action({ due: '2026-02-30', workstream: 'nope' })));
    expect(badDate[LIST_BLOCKS.nextActionDue]).toContain('Expected a date as YYYY-MM-DD');
    expect(badDate[LIST_BLOCKS.nextActionWorkstream]).toContain('There is no workstream “nope”');
    expect(errorsOf(await add(OWNER, action({ text: '' }, false)))[LIST_BLOCKS.nextActionText]).toBe(
      'Say what needs doing',
    );
    expect(actions(h)).toEqual([expect.objectContaining({ version: 1 })]);
    expect(history(h)).toEqual([]);
  });

  it('refuses forged submissions from a stranger inline, writing nothing', async () => {
    h = await start();
    expect(errorsOf(await edit(STRANGER, action({ done: true })))[LIST_BLOCKS.nextActionText]).toContain(
      'This action belongs to Identity and SSO',
    );
    expect(
      errorsOf(await add(STRANGER, action({ text: 'spam' }, false)))[LIST_BLOCKS.nextActionText],
    ).toContain('Only people who own a workstream');
    expect(actions(h)).toEqual([expect.objectContaining({ done: 0, version: 1 })]);
    expect(history(h)).toEqual([]);
    expect(h.logsOf('action_add_forbidden')[0]).toMatchObject({ level: 'warn', user: STRANGER });
  });

  it('refuses a stale form, naming who changed the action and when in the viewer’s zone', async () => {
    h = await start({ admins: [ADMIN, OTHER_OWNER] });
    h.fake.addUser(OWNER, 'Asia/Tokyo');
    h.fake.addUser(OTHER_OWNER, 'Europe/Berlin', 'Dana');
    expect((await edit(OTHER_OWNER, action({ due: '2026-12-08' }))).json?.response_action).toBe('update');
    const late = await edit(OWNER, action({ owner: ADMIN }));
    // The clock says 18:00 UTC on Thu 26 Nov, which is 03:00 on Fri 27 Nov in Tokyo.
    expect(errorsOf(late)[LIST_BLOCKS.nextActionText]).toBe(
      'Dana changed this action at Fri 27 Nov 2026, 03:00 GMT+9, after you opened this form. Nothing was saved: close it and press Edit again to start from their change.',
    );
    expect(actions(h)[0]).toMatchObject({ owner: OWNER, due: '2026-12-08', version: 2 });
  });
});
