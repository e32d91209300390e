import { afterEach, describe, expect, it } from 'vitest';
import { viewProblems } from '../../../src/slack-standin/block-kit-rules.js';
import { encodeItemRef, encodeProgramRef } from '../../../src/ui/action-values.js';
import {
  itemAction,
  MILESTONE_ACTIONS,
  MILESTONE_BLOCKS,
  MILESTONE_VIEWS,
  milestoneItemBlock,
} from '../../../src/ui/ids.js';
import { REBASELINE } from '../../../src/ui/target-inputs.js';
import { blockText, noticeText } from '../../support/blocks.js';
import { datedProgram, GATE_OWNER } from '../../support/milestone-program.js';
import { checks, date, errorsOf, labelsOf, state, text, user } from '../../support/modal-state.js';
import { ADMIN, importFixture, OTHER_OWNER, STRANGER } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

interface MilestoneForm {
  name?: string;
  owner?: string | null;
  ownerName?: string;
  target?: string | null;
  reason?: string;
  rebaseline?: boolean;
}

/** The gate's edit form as submitted, starting from what it is prefilled with. */
function gateForm(form: MilestoneForm = {}) {
  return state({
    [MILESTONE_BLOCKS.name]: text(form.name ?? 'Internal readiness gate'),
    [MILESTONE_BLOCKS.owner]: user(form.owner === undefined ? GATE_OWNER : form.owner),
    [MILESTONE_BLOCKS.ownerName]: text(form.ownerName ?? ''),
    [MILESTONE_BLOCKS.target]: date(form.target === undefined ? '2027-01-15' : form.target),
    [MILESTONE_BLOCKS.reason]: text(form.reason ?? ''),
    ...(form.rebaseline ? { [MILESTONE_BLOCKS.rebaseline]: checks(REBASELINE) } : {}),
  });
}

function gateRow(h: RolloutHarness) {
  return h.db
    .prepare(
      "SELECT id, name, owner, target, baseline, version FROM milestones WHERE key = 'internal-readiness-gate'",
    )
    .get() as { id: number; name: string; owner: string; target: string; baseline: string; version: number };
}

function history(h: RolloutHarness) {
  return h.db
    .prepare(
      "SELECT entity_key, field, old_value, new_value, actor, note FROM history WHERE entity = 'milestone' AND actor != 'import' ORDER BY id",
    )
    .all();
}

describe('the milestone form', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });
  const start = () =>
    RolloutHarness.start({ seed: (db) => importFixture(db, datedProgram()), slackLookupDeadlineMs: 200 });
  const edit = (who: string, form: MilestoneForm, version = gateRow(h).version) =>
    h.submit({
      user: who,
      callbackId: MILESTONE_VIEWS.edit,
      privateMetadata: encodeItemRef({ program: 'builder-insights', id: gateRow(h).id, version }),
      values: gateForm(form),
    });

  it('moves a target with a reason; after two moves the list shows the slip, "moved twice"', async () => {
    h = await start();
    const first = await edit(ADMIN, { target: '2027-01-22', reason: 'Okta path approved a week late' });
    expect(first.json?.response_action).toBe('update');
    expect(viewProblems(first.json?.view, 'modal')).toEqual([]);
    expect(noticeText(first.json?.view)).toContain('*Target:* 15 Jan 2027 → 22 Jan 2027');
    const second = await edit(ADMIN, { target: '2027-01-29', reason: 'claims model review slipped' });
    expect(second.json?.response_action).toBe('update');
    expect(gateRow(h)).toMatchObject({ target: '2027-01-29', baseline: '2027-01-15', version: 3 });
    expect(history(h)).toEqual([
      {
        entity_key: 'internal-readiness-gate',
        field: 'target',
        old_value: '2027-01-15',
        new_value: '2027-01-22',
        actor: ADMIN,
        note: 'Okta path approved a week late',
      },
      {
        entity_key: 'internal-readiness-gate',
        field: 'target',
        old_value: '2027-01-22',
        new_value: '2027-01-29',
        actor: ADMIN,
        note: 'claims model review slipped',
      },
    ]);
    const list = await h.command(STRANGER, 'milestones');
    const gate = blockText(list.json, milestoneItemBlock(gateRow(h).id));
    expect(gate).toContain('target 29 Jan 2027 · baseline 15 Jan: +2 weeks, moved twice');
    // Now due after what it waits on: no conflict left.
    expect(gate).not.toContain(':warning:');
    expect(gate).toContain('*Forecast:* 20 Jan 2027');
  });

  it('keeps a move made in Slack when the same file is imported again', async () => {
    h = await start();
    await edit(ADMIN, { target: '2027-01-29', reason: 'claims model review slipped' });
    importFixture(h.db, datedProgram());
    expect(gateRow(h)).toMatchObject({ target: '2027-01-29', baseline: '2027-01-15' });
  });

  it('asks for a reason when the target moves, inline, and writes nothing', async () => {
    h = await start();
    const res = await edit(ADMIN, { target: '2027-02-05', reason: '   ' });
    expect(errorsOf(res)).toEqual({
      [MILESTONE_BLOCKS.reason]: 'Say why the target moved: it is kept in the history with the change.',
    });
    expect(gateRow(h)).toMatchObject({ target: '2027-01-15', version: 1 });
    expect(history(h)).toEqual([]);
    // Renaming needs no reason.
    const renamed = await edit(ADMIN, { name: 'Internal go/no-go' });
    expect(renamed.json?.response_action).toBe('update');
    expect(gateRow(h)).toMatchObject({ name: 'Internal go/no-go', target: '2027-01-15', version: 2 });
  });

  it('re-baselines for an admin, recorded as such; the slip is gone but the move still shows', async () => {
    h = await start();
    const res = await edit(ADMIN, {
      target: '2027-02-12',
      reason: 'replanned with leadership',
      rebaseline: true,
    });
    expect(res.json?.response_action).toBe('update');
    expect(noticeText(res.json?.view)).toContain('*Baseline:* 15 Jan 2027 → 12 Feb 2027');
    expect(gateRow(h)).toMatchObject({ target: '2027-02-12', baseline: '2027-02-12', version: 2 });
    expect(history(h)).toEqual([
      expect.objectContaining({
        field: 'target',
        new_value: '2027-02-12',
        note: 'replanned with leadership',
      }),
      expect.objectContaining({
        field: 'baseline',
        old_value: '2027-01-15',
        new_value: '2027-02-12',
        note: 'replanned with leadership',
      }),
    ]);
    const gate = blockText((await h.command(ADMIN, 'milestones')).json, milestoneItemBlock(gateRow(h).id));
    expect(gate).toContain('target 12 Feb 2027 · baseline 12 Feb: on baseline, moved once');
  });

  it('lets the milestone owner move the target but not re-baseline; the box is only in admins’ forms', async () => {
    h = await start();
    const id = gateRow(h).id;
    const value = encodeItemRef({ program: 'builder-insights', id, version: 1 });
    await h.action({ user: GATE_OWNER, actionId: itemAction(MILESTONE_ACTIONS.edit, id), value });
    const ownerForm = (await h.fake.waitForCall('views.open')).args.view;
    expect(viewProblems(ownerForm, 'modal')).toEqual([]);
    expect(labelsOf(ownerForm)).toEqual([
      'Milestone',
      'Owner',
      'Owner not in Slack',
      'Target date',
      'Reason',
    ]);
    await h.action({ user: ADMIN, actionId: itemAction(MILESTONE_ACTIONS.edit, id), value });
    const adminForm = (await h.fake.waitForCall('views.open', 2)).args.view;
    expect(labelsOf(adminForm)).toContain('Baseline');

    const forged = await edit(GATE_OWNER, { target: '2027-02-12', reason: 'replan', rebaseline: true });
    expect(errorsOf(forged)[MILESTONE_BLOCKS.rebaseline]).toContain('Only an admin of');
    expect(gateRow(h).version).toBe(1);
    const moved = await edit(GATE_OWNER, { target: '2027-01-29', reason: 'gating slipped' });
    expect(moved.json?.response_action).toBe('update');
    expect(gateRow(h)).toMatchObject({ target: '2027-01-29', baseline: '2027-01-15' });
  });

  it('refuses someone who is neither admin nor owner: a modal for the button, inline for a forged form', async () => {
    h = await start();
    const id = gateRow(h).id;
    await h.action({
      user: OTHER_OWNER,
      actionId: itemAction(MILESTONE_ACTIONS.edit, id),
      value: encodeItemRef({ program: 'builder-insights', id, version: 1 }),
    });
    const refusal = (await h.fake.waitForCall('views.open')).args.view;
    expect(noticeText(refusal)).toContain('Only the owner of Internal readiness gate or an admin');
    expect(h.logsOf('milestone_edit_refused')[0]).toMatchObject({ level: 'warn', user: OTHER_OWNER });
    const res = await edit(STRANGER, { target: '2027-03-01', reason: 'mine now' });
    expect(errorsOf(res)[MILESTONE_BLOCKS.name]).toContain('Only the owner of Internal readiness gate');
    expect(gateRow(h).version).toBe(1);
    expect(h.logsOf('milestone_edit_forbidden')[0]).toMatchObject({ level: 'warn', user: STRANGER });
  });

  it('refuses a form opened before someone else saved, naming who, and keeps their change', async () => {
    h = await start();
    h.fake.addUser(ADMIN, 'America/Los_Angeles', 'Priya Raman');
    await edit(ADMIN, { target: '2027-01-22', reason: 'a week late' });
    const stale = await edit(GATE_OWNER, { target: '2027-02-01', reason: 'mine' }, 1);
    expect(errorsOf(stale)[MILESTONE_BLOCKS.name]).toMatch(
      /^Priya Raman changed this milestone at .*, after you opened this form\. Nothing was saved/,
    );
    expect(gateRow(h)).toMatchObject({ target: '2027-01-22', version: 2 });
    expect(h.logsOf('milestone_edit_conflict')[0]).toMatchObject({ updatedBy: ADMIN });
  });

  it('adds a milestone with a key from its name, another number when the key is taken', async () => {
    h = await start();
    const add = (name: string) =>
      h.submit({
        user: ADMIN,
        callbackId: MILESTONE_VIEWS.add,
        privateMetadata: encodeProgramRef('builder-insights'),
        values: state({
          [MILESTONE_BLOCKS.name]: text(name),
          [MILESTONE_BLOCKS.owner]: user(null),
          [MILESTONE_BLOCKS.ownerName]: text('Support'),
          [MILESTONE_BLOCKS.target]: date('2027-03-15'),
          [MILESTONE_BLOCKS.reason]: text('from the launch review'),
        }),
      });
    const first = await add('GA launch');
    expect(first.json?.response_action).toBe('update');
    expect(noticeText(first.json?.view)).toContain('*GA launch* (`ga-launch`), target 15 Mar 2027');
    const second = await add('GA  Launch!');
    expect(noticeText(second.json?.view)).toContain('(`ga-launch-2`)');
    const rows = h.db
      .prepare(
        "SELECT key, owner, target, baseline, position FROM milestones WHERE key LIKE 'ga-%' ORDER BY id",
      )
      .all();
    expect(rows).toEqual([
      { key: 'ga-launch', owner: 'Support', target: '2027-03-15', baseline: '2027-03-15', position: 2 },
      { key: 'ga-launch-2', owner: 'Support', target: '2027-03-15', baseline: '2027-03-15', position: 3 },
    ]);
    expect(history(h)[0]).toEqual({
      entity_key: 'ga-launch',
      field: 'created',
      old_value: null,
      new_value: 'GA launch',
      actor: ADMIN,
      note: 'from the launch review',
    });
    const notAdmin = await h.submit({
      user: GATE_OWNER,
      callbackId: MILESTONE_VIEWS.add,
      privateMetadata: encodeProgramRef('builder-insights'),
      values: state({ [MILESTONE_BLOCKS.name]: text('Mine') }),
    });
    expect(errorsOf(notAdmin)[MILESTONE_BLOCKS.name]).toContain('Only an admin of');
  });
});
