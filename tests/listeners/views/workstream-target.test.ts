import { afterEach, describe, expect, it } from 'vitest';
import { TARGET_REASON_NEEDED } from '../../../src/domain/target-moves.js';
import { viewProblems } from '../../../src/slack-standin/block-kit-rules.js';
import { encodeUpdateRef } from '../../../src/ui/action-values.js';
import { BLOCKS, VIEWS } from '../../../src/ui/ids.js';
import { blockText, noticeText } from '../../support/blocks.js';
import { datedProgram } from '../../support/milestone-program.js';
import {
  errorsOf,
  labelsOf,
  UPDATE_FORM_LABELS,
  type WorkstreamForm,
  workstreamForm,
} from '../../support/modal-state.js';
import { ADMIN, importFixture, OTHER_OWNER, OWNER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

function identity(h: RolloutHarness) {
  return h.db
    .prepare("SELECT target, baseline, version, updated_by FROM workstreams WHERE key = 'identity-sso'")
    .get() as { target: string | null; baseline: string | null; version: number; updated_by: string };
}

/** The Slack-made history of Identity and SSO (the import's own entries aside). */
function history(h: RolloutHarness) {
  return h.db
    .prepare(
      `SELECT field, old_value, new_value, actor, note FROM history
       WHERE entity = 'workstream' AND entity_key = 'identity-sso' AND actor != 'import' ORDER BY id`,
    )
    .all();
}

describe('a workstream’s target date in the update form', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  const start = (program = smallProgram()) =>
    RolloutHarness.start({ seed: (db) => importFixture(db, program), slackLookupDeadlineMs: 200 });
  const save = (who: string, form: WorkstreamForm, version = identity(h).version) =>
    h.submit({
      user: who,
      callbackId: VIEWS.workstreamUpdate,
      privateMetadata: encodeUpdateRef({ program: 'builder-insights', workstream: 'identity-sso', version }),
      values: workstreamForm(form),
    });
  const dates = async () =>
    blockText((await h.command(OTHER_OWNER, 'status identity-sso')).json, BLOCKS.workstreamDates);

  it('takes a first target without a reason and makes it the baseline', async () => {
    h = await start();
    const res = await save(OWNER, { target: '2027-01-18' });
    expect(res.json?.response_action).toBe('update');
    expect(noticeText(res.json?.view)).toContain('*Target:* — → 18 Jan 2027');
    expect(identity(h)).toMatchObject({ target: '2027-01-18', baseline: '2027-01-18', version: 2 });
    expect(history(h)).toEqual([
      { field: 'target', old_value: null, new_value: '2027-01-18', actor: OWNER, note: '' },
      { field: 'baseline', old_value: null, new_value: '2027-01-18', actor: OWNER, note: '' },
    ]);
    expect(await dates()).toBe('Target 18 Jan 2027');
  });

  it('refuses to move or clear a target without a reason, inline, and writes nothing', async () => {
    h = await start(datedProgram());
    for (const target of ['2027-02-08', null]) {
      const res = await save(OWNER, { target, reason: '  ', status: 'drafted' });
      expect(errorsOf(res)).toEqual({ [BLOCKS.wsTargetReason]: TARGET_REASON_NEEDED });
    }
    expect(identity(h)).toMatchObject({ target: '2027-02-01', baseline: '2027-02-01', version: 1 });
    expect(history(h)).toEqual([]);
  });

  it('moves it with a reason kept as the note; after two moves the detail shows the slip, "moved twice"', async () => {
    h = await start();
    await save(OWNER, { target: '2027-01-18' });
    const first = await save(OWNER, {
      target: '2027-01-25',
      reason: 'Okta path approved a week late',
      status: 'drafted',
      note: 'Okta approved',
    });
    expect(first.json?.response_action).toBe('update');
    expect(noticeText(first.json?.view)).toContain('*Target:* 18 Jan 2027 → 25 Jan 2027');
    await save(OWNER, { target: '2027-02-01', reason: 'claims model review slipped', status: 'drafted' });
    expect(identity(h)).toMatchObject({ target: '2027-02-01', baseline: '2027-01-18', version: 4 });
    expect(history(h).slice(2)).toEqual([
      {
        field: 'status',
        old_value: 'needs-decision',
        new_value: 'drafted',
        actor: OWNER,
        note: 'Okta approved',
      },
      {
        field: 'target',
        old_value: '2027-01-18',
        new_value: '2027-01-25',
        actor: OWNER,
        note: 'Okta path approved a week late',
      },
      {
        field: 'target',
        old_value: '2027-01-25',
        new_value: '2027-02-01',
        actor: OWNER,
        note: 'claims model review slipped',
      },
    ]);
    expect(await dates()).toBe('Target 1 Feb 2027 · baseline 18 Jan: +2 weeks, moved twice');
  });

  it('warns in the detail of work due before what it depends on, and the warning goes once the date moves', async () => {
    h = await start(datedProgram());
    const gating = async () =>
      blockText((await h.command(OWNER, 'status readiness-gating')).json, BLOCKS.workstreamDates);
    expect(await gating()).toBe('Target 20 Jan 2027\n:warning: due before Identity and SSO, due 1 Feb 2027');
    const res = await save(OWNER, { target: '2027-01-15', reason: 'pulled in after the Okta call' });
    expect(res.json?.response_action).toBe('update');
    expect(await gating()).toBe('Target 20 Jan 2027');
  });

  it('tells the owners of work that a new target makes due before it, once', async () => {
    const base = datedProgram({ milestones: [] });
    const [sso, ...others] = base.workstreams ?? [];
    h = await start({
      ...base,
      workstreams: [{ ...(sso as NonNullable<typeof sso>), target: undefined }, ...others],
    });
    await save(OWNER, { target: '2027-02-01' });
    const told = await h.fake.waitFor(() => h.logsOf('date_conflict_notice_sent')[0]);
    expect(told).toMatchObject({ subject: 'readiness-gating', upstream: 'identity-sso', user: OTHER_OWNER });
    await save(OWNER, { target: '2027-02-08', reason: 'vendor slipped' });
    expect(h.logsOf('date_conflict_notice_sent')).toHaveLength(1);
  });

  it('offers admins the re-baseline box and records a re-baseline as such', async () => {
    h = await start(datedProgram());
    await h.command(OWNER, 'update identity-sso');
    expect(labelsOf((await h.fake.waitForCall('views.open')).args.view)).not.toContain('Baseline');
    await h.command(ADMIN, 'update identity-sso');
    const adminForm = (await h.fake.waitForCall('views.open', 2)).args.view;
    expect(viewProblems(adminForm, 'modal')).toEqual([]);
    // The box sits with the date it re-baselines.
    expect(labelsOf(adminForm)).toEqual([
      ...UPDATE_FORM_LABELS.slice(0, 7),
      'Baseline',
      ...UPDATE_FORM_LABELS.slice(7),
    ]);

    const res = await save(ADMIN, {
      target: '2027-02-15',
      reason: 'replanned with leadership',
      rebaseline: true,
    });
    expect(res.json?.response_action).toBe('update');
    expect(noticeText(res.json?.view)).toContain('*Baseline:* 1 Feb 2027 → 15 Feb 2027');
    expect(identity(h)).toMatchObject({ target: '2027-02-15', baseline: '2027-02-15', version: 2 });
    expect(history(h)).toEqual([
      {
        field: 'target',
        old_value: '2027-02-01',
        new_value: '2027-02-15',
        actor: ADMIN,
        note: 'replanned with leadership',
      },
      {
        field: 'baseline',
        old_value: '2027-02-01',
        new_value: '2027-02-15',
        actor: ADMIN,
        note: 'Re-baselined: replanned with leadership',
      },
    ]);
    expect(await dates()).toBe('Target 15 Feb 2027 · baseline 15 Feb: on baseline, moved once');
  });

  it('refuses a re-baseline forged by an owner who is not an admin, inline, and writes nothing', async () => {
    h = await start(datedProgram());
    const res = await save(OWNER, { target: '2027-02-15', reason: 'my replan', rebaseline: true });
    expect(errorsOf(res)[BLOCKS.wsRebaseline]).toBe(
      'Only an admin of Builder Insights operationalization can re-baseline: the slip against the baseline stays visible.',
    );
    expect(identity(h)).toMatchObject({ target: '2027-02-01', baseline: '2027-02-01', version: 1 });
    expect(history(h)).toEqual([]);
  });

  it('still refuses a form opened before someone else saved, naming who, and keeps their date', async () => {
    h = await start(datedProgram({ admins: [ADMIN, OTHER_OWNER] }));
    h.fake.addUser(OTHER_OWNER, 'Europe/Berlin', 'Dana');
    await save(OTHER_OWNER, { target: '2027-02-08', reason: 'vendor slipped' });
    const late = await save(OWNER, { target: '2027-03-01', reason: 'mine' }, 1);
    expect(errorsOf(late)[BLOCKS.wsStatus]).toMatch(/^Dana changed this workstream at /);
    expect(identity(h)).toMatchObject({ target: '2027-02-08', baseline: '2027-02-01', version: 2 });
    expect(history(h)).toHaveLength(1);
  });
});
