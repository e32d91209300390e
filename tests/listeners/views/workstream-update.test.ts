import type { View } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeProgramRef, encodeUpdateRef, encodeWorkstreamRef } from '../../../src/ui/action-values.js';
import { ACTIONS, BLOCKS, historyEntryBlock, VIEWS, workstreamRowBlock } from '../../../src/ui/ids.js';
import { blocksText, blockText, noticeText, textsOf } from '../../support/blocks.js';
import {
  elementOf,
  errorsOf,
  select,
  state,
  UPDATE_FORM_LABELS,
  workstreamForm,
} from '../../support/modal-state.js';
import { importFixture, OTHER_OWNER, OWNER, STRANGER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

const meta = (version = 1) =>
  encodeUpdateRef({ program: 'builder-insights', workstream: 'identity-sso', version });

function workstreamRow(h: RolloutHarness) {
  return h.db
    .prepare(
      "SELECT status, risk, blocker, state, version, updated_by FROM workstreams WHERE key = 'identity-sso'",
    )
    .get() as {
    status: string;
    risk: string;
    blocker: string;
    state: string;
    version: number;
    updated_by: string;
  };
}

function historyRows(h: RolloutHarness) {
  return h.db
    .prepare(
      "SELECT field, old_value, new_value, actor, note FROM history WHERE entity = 'workstream' AND actor != 'import' ORDER BY id",
    )
    .all();
}

describe('updating a workstream through its modal', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  const start = (over = {}) =>
    RolloutHarness.start({
      seed: (db) => importFixture(db, smallProgram({ updates_channel: 'C0UPDATES', ...over })),
    });

  it('opens a prefilled form within the trigger window for an owner, with labels that say what they are', async () => {
    h = await start();
    const res = await h.command(OWNER, 'update identity-sso');
    expect(res.status).toBe(200);
    const call = await h.fake.waitForCall('views.open');
    expect(call.response.ok).toBe(true);
    const view = call.args.view as {
      callback_id: string;
      blocks: { label?: { text: string }; element?: Record<string, unknown> }[];
    };
    expect(view.callback_id).toBe(VIEWS.workstreamUpdate);
    const labels = view.blocks.filter((b) => b.label).map((b) => b.label?.text);
    // With no decision holding it up yet, the form can say which one it needs (an optional part).
    expect(labels).toEqual(UPDATE_FORM_LABELS);
    const status = view.blocks.find((b) => b.label?.text === 'Status')?.element as {
      initial_option: { value: string };
      options: { description: { text: string } }[];
    };
    expect(status.initial_option.value).toBe('needs-decision');
    expect(status.options).toHaveLength(6);
    expect(status.options[0]?.description.text).toBe('active discovery and stakeholder shaping');
    const blocker = view.blocks.find((b) => b.label?.text === 'Main blocker')?.element as {
      initial_value: string;
    };
    expect(blocker.initial_value).toBe('approved Okta path and claims model');
  });

  it('takes the form saved as it was as the owner confirming it current: recorded, no longer stale, no notice', async () => {
    h = await start();
    const res = await h.submit({
      user: OWNER,
      callbackId: VIEWS.workstreamUpdate,
      privateMetadata: meta(),
      values: workstreamForm({ note: 'checked with Okta, still waiting' }),
    });
    expect(res.json?.response_action).toBe('update');
    expect(noticeText(res.json?.view)).toContain('is confirmed as current');
    expect(workstreamRow(h)).toMatchObject({ status: 'needs-decision', version: 2, updated_by: OWNER });
    expect(historyRows(h)).toEqual([
      {
        field: 'reviewed',
        old_value: null,
        new_value: null,
        actor: OWNER,
        note: 'checked with Okta, still waiting',
      },
    ]);
    await h.fake.waitFor(() => h.fake.okCallsOf('views.publish')[0]);
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(0);

    const history = await h.command(OWNER, 'history identity-sso');
    const reply = await h.fake.responseTo(history.responseUrl);
    const entries = blocksText(reply.body.blocks, historyEntryBlock(0).slice(0, -1));
    expect(entries).toContain('*Confirmed current*: nothing needed changing');
    expect(entries).toContain('checked with Okta, still waiting');
  });

  it('saves a change in one go: values, version, one history entry per changed field, confirmation, notice, Home', async () => {
    h = await start();
    const res = await h.submit({
      user: OWNER,
      callbackId: VIEWS.workstreamUpdate,
      privateMetadata: meta(),
      values: workstreamForm({
        status: 'drafted',
        blocker: 'claims model sign-off',
        note: 'Okta path approved',
      }),
    });
    expect(res.status).toBe(200);
    expect(res.json?.response_action).toBe('update');
    expect(noticeText(res.json?.view)).toContain('Needs decision → Drafted');
    expect(workstreamRow(h)).toMatchObject({
      status: 'drafted',
      blocker: 'claims model sign-off',
      version: 2,
      updated_by: OWNER,
    });
    expect(historyRows(h)).toEqual([
      {
        field: 'status',
        old_value: 'needs-decision',
        new_value: 'drafted',
        actor: OWNER,
        note: 'Okta path approved',
      },
      {
        field: 'blocker',
        old_value: 'approved Okta path and claims model',
        new_value: 'claims model sign-off',
        actor: OWNER,
        note: 'Okta path approved',
      },
    ]);
    const notice = await h.fake.waitFor(() => h.fake.okCallsOf('chat.postMessage')[1]);
    const parent = h.fake.okCallsOf('chat.postMessage')[0];
    expect(parent?.args.channel).toBe('C0UPDATES');
    expect(parent?.args.thread_ts).toBeUndefined();
    expect(parent?.args.text).toContain(
      '*Identity and SSO*: Drafted · High risk · Blocker: claims model sign-off',
    );
    expect(notice.args.channel).toBe('C0UPDATES');
    expect(notice.args.thread_ts).toBe(parent?.response.ts);
    expect(notice.args.text).toContain('*Identity and SSO*: Needs decision → Drafted');
    expect(notice.args.text).toContain(`by <@${OWNER}>`);
    expect(notice.args.text).toContain('> Okta path approved');
    const home = await h.fake.waitFor(() => h.fake.okCallsOf('views.publish')[0]);
    expect(home.args.user_id).toBe(OWNER);

    const status = await h.command(OWNER, 'status');
    expect(blockText(status.json, workstreamRowBlock('identity-sso'))).toContain(
      ':memo: Drafted · :red_circle: High risk',
    );
  });

  it('refuses a stranger: no form, a clear reason, a log line, and a forged submission changes nothing', async () => {
    h = await start();
    await h.command(STRANGER, 'update identity-sso');
    const call = await h.fake.waitForCall('views.open');
    expect(noticeText(call.args.view)).toContain(
      'Only the owners of Identity and SSO, its backups or an admin',
    );
    expect(JSON.stringify(call.args.view)).not.toContain(VIEWS.workstreamUpdate);
    expect(h.logsOf('update_refused')[0]).toMatchObject({
      level: 'warn',
      user: STRANGER,
      workstream: 'identity-sso',
    });

    const res = await h.submit({
      user: STRANGER,
      callbackId: VIEWS.workstreamUpdate,
      privateMetadata: meta(),
      values: workstreamForm({ status: 'done' }),
    });
    expect(res.json?.response_action).toBe('errors');
    expect(workstreamRow(h)).toMatchObject({ status: 'needs-decision', version: 1 });
    expect(historyRows(h)).toEqual([]);
  });

  it('shows inline errors on the field at fault and writes nothing', async () => {
    h = await start();
    const blocked = await h.submit({
      user: OWNER,
      callbackId: VIEWS.workstreamUpdate,
      privateMetadata: meta(),
      values: workstreamForm({ status: 'blocked', blocker: '' }),
    });
    expect(blocked.json).toMatchObject({
      response_action: 'errors',
      errors: { [BLOCKS.wsBlocker]: expect.stringContaining('main blocker') },
    });

    const oversized = await h.submit({
      user: OWNER,
      callbackId: VIEWS.workstreamUpdate,
      privateMetadata: meta(),
      values: workstreamForm({ state: 'x'.repeat(501), note: 'n'.repeat(1001) }),
    });
    const errors = errorsOf(oversized);
    expect(errors[BLOCKS.wsState]).toContain('At most 500 characters');
    expect(errors[BLOCKS.wsNote]).toContain('At most 1000 characters');

    const forged = await h.submit({
      user: OWNER,
      callbackId: VIEWS.workstreamUpdate,
      privateMetadata: meta(),
      values: workstreamForm({ status: 'shipped' }),
    });
    expect(errorsOf(forged)[BLOCKS.wsStatus]).toContain('Choose a status');
    expect(workstreamRow(h)).toMatchObject({ status: 'needs-decision', version: 1 });
    expect(historyRows(h)).toEqual([]);
  });

  it('refuses a form opened before someone else’s change, naming who and when in the viewer’s zone', async () => {
    h = await start({ admins: [OTHER_OWNER] });
    h.fake.addUser(OWNER, 'Asia/Tokyo');
    h.fake.addUser(OTHER_OWNER, 'Europe/Berlin', 'Dana');
    const first = await h.submit({
      user: OTHER_OWNER,
      callbackId: VIEWS.workstreamUpdate,
      privateMetadata: meta(1),
      values: workstreamForm({ risk: 'medium' }),
    });
    expect(first.json?.response_action).toBe('update');
    const late = await h.submit({
      user: OWNER,
      callbackId: VIEWS.workstreamUpdate,
      privateMetadata: meta(1),
      values: workstreamForm({ status: 'drafted' }),
    });
    const message = errorsOf(late)[BLOCKS.wsStatus];
    expect(message).toMatch(/^Dana changed this workstream at \w{3} \d+ \w{3} \d{4}, \d\d:\d\d GMT\+9/);
    expect(workstreamRow(h)).toMatchObject({ status: 'needs-decision', risk: 'medium', version: 2 });
  });

  it('answers a stale form without waiting on a slow users.info: UTC and the bare ID, logged', async () => {
    // The lookup deadline (1.5 s in the server) shortened to 50 ms, and users.info slower than that.
    h = await RolloutHarness.start({
      slackLookupDeadlineMs: 50,
      seed: (db) => importFixture(db, smallProgram({ updates_channel: 'C0UPDATES', admins: [OTHER_OWNER] })),
    });
    h.fake.addUser(OWNER, 'Asia/Tokyo');
    h.fake.addUser(OTHER_OWNER, 'Europe/Berlin', 'Dana');
    await h.submit({
      user: OTHER_OWNER,
      callbackId: VIEWS.workstreamUpdate,
      privateMetadata: meta(1),
      values: workstreamForm({ risk: 'medium' }),
    });
    // Slower than the lookup deadline, well inside Slack's 3 seconds for the form as a whole.
    h.fake.failNext('users.info', { delayMs: 500 }, 2);
    const late = await h.submit({
      user: OWNER,
      callbackId: VIEWS.workstreamUpdate,
      privateMetadata: meta(1),
      values: workstreamForm({ status: 'drafted' }),
    });
    expect(errorsOf(late)[BLOCKS.wsStatus]).toMatch(
      new RegExp(`^${OTHER_OWNER} changed this workstream at .* UTC,`),
    );
    expect(h.logsOf('users_info_slow').length).toBeGreaterThan(0);
  });

  it('with no workstream named, offers a picker of the workstreams this person may update', async () => {
    h = await start();
    await h.command(OWNER, 'update');
    const call = await h.fake.waitForCall('views.open');
    const view = call.args.view as View;
    expect(view.callback_id).toBe(VIEWS.workstreamPick);
    expect(textsOf(elementOf(view, BLOCKS.wsPick))).toContain('Identity and SSO');
    expect(JSON.stringify(view)).not.toContain('Kanopy hosting');

    const picked = await h.submit({
      user: OWNER,
      callbackId: VIEWS.workstreamPick,
      privateMetadata: encodeProgramRef('builder-insights'),
      values: state({ [BLOCKS.wsPick]: select('identity-sso') }),
    });
    expect(picked.json?.response_action).toBe('update');
    expect(picked.json).toMatchObject({ view: { callback_id: VIEWS.workstreamUpdate } });

    const stranger = await h.command(STRANGER, 'update');
    const reply = await h.fake.responseTo(stranger.responseUrl);
    expect(reply.body.text).toContain('You do not own a workstream');
  });

  it('opens the form from the Update button', async () => {
    h = await start();
    await h.action({
      user: OWNER,
      actionId: ACTIONS.openWorkstreamUpdate,
      value: encodeWorkstreamRef({ program: 'builder-insights', workstream: 'identity-sso' }),
    });
    const call = await h.fake.waitForCall('views.open');
    expect(call.response.ok).toBe(true);
    expect((call.args.view as View).callback_id).toBe(VIEWS.workstreamUpdate);
  });

  it('puts the form on top of the workstream when its Update button sits in a modal', async () => {
    h = await start();
    await h.action({
      user: OWNER,
      actionId: ACTIONS.openWorkstreamUpdate,
      value: encodeWorkstreamRef({ program: 'builder-insights', workstream: 'identity-sso' }),
      view: { id: 'VDETAIL', type: 'modal', hash: 'h1', previous_view_id: null },
    });
    const call = await h.fake.waitForCall('views.push');
    expect(call.response.ok).toBe(true);
    expect((call.args.view as View).callback_id).toBe(VIEWS.workstreamUpdate);
    expect(h.fake.callsOf('views.open')).toHaveLength(0);
  });
});
