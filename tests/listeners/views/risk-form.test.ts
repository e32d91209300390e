import { afterEach, describe, expect, it } from 'vitest';
import { viewProblems } from '../../../src/slack-standin/block-kit-rules.js';
import { encodeItemRef, encodeProgramRef } from '../../../src/ui/action-values.js';
import { LIST_BLOCKS, LIST_VIEWS, listItemBlock } from '../../../src/ui/ids.js';
import { blockText, noticeText } from '../../support/blocks.js';
import { errorsOf, select, state, text } from '../../support/modal-state.js';
import { ADMIN, importFixture, OTHER_OWNER, OWNER, STRANGER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

const RISK = 'identity decisions stay abstract and block entitlement implementation';

interface RiskForm {
  text?: string;
  severity?: string;
  workstream?: string;
  status?: string;
  note?: string;
}

/** The risk form as submitted, from what the edit form is prefilled with. */
function risk(form: RiskForm = {}, editing = true) {
  return state({
    [LIST_BLOCKS.riskText]: text(form.text ?? RISK),
    [LIST_BLOCKS.riskSeverity]: select(form.severity ?? 'high'),
    [LIST_BLOCKS.riskWorkstream]: select(form.workstream ?? 'identity-sso'),
    ...(editing ? { [LIST_BLOCKS.riskStatus]: select(form.status ?? 'open') } : {}),
    [LIST_BLOCKS.riskNote]: text(form.note ?? ''),
  });
}

function risks(h: RolloutHarness) {
  return h.db
    .prepare(
      `SELECT r.id, r.text, r.severity, w.key AS workstream, r.status, r.version
       FROM risks r LEFT JOIN workstreams w ON w.id = r.workstream_id ORDER BY r.id`,
    )
    .all() as {
    id: number;
    text: string;
    severity: string;
    workstream: string | null;
    status: string;
    version: number;
  }[];
}

function history(h: RolloutHarness) {
  return h.db
    .prepare(
      "SELECT entity, entity_key, field, old_value, new_value, actor, note FROM history WHERE entity = 'risk' AND actor != 'import' ORDER BY id",
    )
    .all();
}

describe('the risk form', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });
  const start = (over = {}) => RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram(over)) });
  const firstId = () => risks(h)[0]?.id ?? 0;
  const editMeta = (version = 1) => encodeItemRef({ program: 'builder-insights', id: firstId(), version });

  it('adds a risk: stored open, one history entry, a confirmation, Home, and the list shows it', async () => {
    h = await start();
    const res = await h.submit({
      user: OTHER_OWNER,
      callbackId: LIST_VIEWS.riskAdd,
      privateMetadata: encodeProgramRef('builder-insights'),
      values: risk(
        {
          text: 'Kanopy planning starts before auth is aligned',
          severity: 'medium',
          workstream: '_none',
          note: 'from the review',
        },
        false,
      ),
    });
    expect(res.json?.response_action).toBe('update');
    expect(viewProblems(res.json?.view, 'modal')).toEqual([]);
    expect(noticeText(res.json?.view)).toContain('Risk added to Builder Insights operationalization');
    const added = risks(h)[1];
    expect(added).toMatchObject({
      text: 'Kanopy planning starts before auth is aligned',
      severity: 'medium',
      workstream: null,
      status: 'open',
      version: 1,
    });
    expect(history(h)).toEqual([
      {
        entity: 'risk',
        entity_key: String(added?.id),
        field: 'created',
        old_value: null,
        new_value: 'Kanopy planning starts before auth is aligned',
        actor: OTHER_OWNER,
        note: 'from the review',
      },
    ]);
    const home = await h.fake.waitFor(() => h.fake.okCallsOf('views.publish')[0]);
    expect(home.args.user_id).toBe(OTHER_OWNER);
    const list = blockText((await h.command(OWNER, 'risks')).json, listItemBlock('risk', added?.id ?? 0));
    expect(list).toContain(
      ':large_orange_circle: *Medium* · Kanopy planning starts before auth is aligned\n_Program-wide_',
    );
  });

  it('edits a risk: one history entry per changed field, with the note, and a confirmation naming them', async () => {
    h = await start();
    const res = await h.submit({
      user: OWNER,
      callbackId: LIST_VIEWS.riskEdit,
      privateMetadata: editMeta(),
      values: risk({ severity: 'medium', workstream: 'kanopy-hosting', note: 'Okta path approved' }),
    });
    expect(res.json?.response_action).toBe('update');
    expect(viewProblems(res.json?.view, 'modal')).toEqual([]);
    const view = noticeText(res.json?.view);
    expect(view).toContain('*Severity:* High → Medium');
    expect(view).toContain('*Workstream:* Identity and SSO → Kanopy hosting');
    expect(risks(h)[0]).toMatchObject({ severity: 'medium', workstream: 'kanopy-hosting', version: 2 });
    expect(history(h)).toEqual([
      expect.objectContaining({
        field: 'severity',
        old_value: 'high',
        new_value: 'medium',
        note: 'Okta path approved',
      }),
      expect.objectContaining({
        field: 'workstream',
        old_value: 'identity-sso',
        new_value: 'kanopy-hosting',
      }),
    ]);
    await h.fake.waitFor(() => h.fake.okCallsOf('views.publish')[0]);
  });

  it('closes a risk from the form, and a form that changes nothing writes nothing', async () => {
    h = await start();
    const same = await h.submit({
      user: OWNER,
      callbackId: LIST_VIEWS.riskEdit,
      privateMetadata: editMeta(),
      values: risk(),
    });
    expect(same.status).toBe(200);
    expect(same.json).toMatchObject({
      response_action: 'update',
      view: { title: { text: 'Nothing to save' } },
    });
    expect(risks(h)[0]?.version).toBe(1);

    const closed = await h.submit({
      user: ADMIN,
      callbackId: LIST_VIEWS.riskEdit,
      privateMetadata: editMeta(),
      values: risk({ status: 'closed' }),
    });
    expect(noticeText(closed.json?.view)).toContain('*Status:* Open → Closed');
    expect(risks(h)[0]).toMatchObject({ status: 'closed', version: 2 });
    expect(history(h)).toEqual([
      expect.objectContaining({ field: 'status', new_value: 'closed', actor: ADMIN }),
    ]);
    const list = (await h.command(OWNER, 'risks')).json;
    expect(blockText(list, LIST_BLOCKS.summary)).toContain('No open risks.');
    expect(blockText(list, listItemBlock('risk', firstId()))).toContain(`:white_check_mark: ${RISK}`);
  });

  it('shows invalid input inline on the field at fault and writes nothing', async () => {
    h = await start();
    const submit = (values: ReturnType<typeof risk>, callbackId: string = LIST_VIEWS.riskEdit) =>
      h.submit({
        user: OWNER,
        callbackId,
        privateMetadata:
          callbackId === LIST_VIEWS.riskAdd ? encodeProgramRef('builder-insights') : editMeta(),
        values,
      });
    expect(errorsOf(await submit(risk({ text: '' })))[LIST_BLOCKS.riskText]).toBe('Describe the risk');
    const oversized = errorsOf(await submit(risk({ text: 'x'.repeat(501), note: 'n'.repeat(1001) })));
    expect(oversized[LIST_BLOCKS.riskText]).toContain('At most 500 characters');
    expect(oversized[LIST_BLOCKS.riskNote]).toContain('At most 1000 characters');
    const forged = errorsOf(
      await submit(risk({ severity: 'critical', workstream: 'no-such', status: 'gone' })),
    );
    expect(forged[LIST_BLOCKS.riskSeverity]).toBe('Choose High, Medium or Low');
    expect(forged[LIST_BLOCKS.riskWorkstream]).toContain('There is no workstream “no-such”');
    expect(forged[LIST_BLOCKS.riskStatus]).toBe('Choose open or closed');
    const emptyAdd = await submit(risk({ text: '   ' }, false), LIST_VIEWS.riskAdd);
    expect(errorsOf(emptyAdd)[LIST_BLOCKS.riskText]).toBe('Describe the risk');
    expect(risks(h)).toHaveLength(1);
    expect(risks(h)[0]?.version).toBe(1);
    expect(history(h)).toEqual([]);
  });

  it('refuses a forged submission from a stranger: inline reason, nothing written, a log line', async () => {
    h = await start();
    const edit = await h.submit({
      user: STRANGER,
      callbackId: LIST_VIEWS.riskEdit,
      privateMetadata: editMeta(),
      values: risk({ status: 'closed' }),
    });
    expect(errorsOf(edit)[LIST_BLOCKS.riskText]).toContain('This risk belongs to Identity and SSO');
    const add = await h.submit({
      user: STRANGER,
      callbackId: LIST_VIEWS.riskAdd,
      privateMetadata: encodeProgramRef('builder-insights'),
      values: risk({ text: 'spam' }, false),
    });
    expect(errorsOf(add)[LIST_BLOCKS.riskText]).toContain('Only people who own a workstream');
    expect(risks(h)).toEqual([expect.objectContaining({ status: 'open', version: 1 })]);
    expect(history(h)).toEqual([]);
    expect(h.logsOf('risk_edit_forbidden')[0]).toMatchObject({ level: 'warn', user: STRANGER });
    expect(h.logsOf('risk_add_forbidden')[0]).toMatchObject({ level: 'warn', user: STRANGER });
  });

  it('refuses a form opened before someone else’s change, naming who and when in the viewer’s zone', async () => {
    h = await start({ admins: [ADMIN, OTHER_OWNER] });
    h.fake.addUser(OWNER, 'Asia/Tokyo');
    h.fake.addUser(OTHER_OWNER, 'Europe/Berlin', 'Dana');
    const first = await h.submit({
      user: OTHER_OWNER,
      callbackId: LIST_VIEWS.riskEdit,
      privateMetadata: editMeta(1),
      values: risk({ severity: 'low' }),
    });
    expect(first.json?.response_action).toBe('update');
    const late = await h.submit({
      user: OWNER,
      callbackId: LIST_VIEWS.riskEdit,
      privateMetadata: editMeta(1),
      values: risk({ text: 'reworded' }),
    });
    expect(errorsOf(late)[LIST_BLOCKS.riskText]).toMatch(
      /^Dana changed this risk at \w{3} \d+ \w{3} \d{4}, \d\d:\d\d GMT\+9, after you opened this form\. Nothing was saved/,
    );
    expect(risks(h)[0]).toMatchObject({ text: RISK, severity: 'low', version: 2 });
  });

  it('says “You changed” when the earlier change was the viewer’s own, from another form', async () => {
    h = await start();
    await h.submit({
      user: OWNER,
      callbackId: LIST_VIEWS.riskEdit,
      privateMetadata: editMeta(1),
      values: risk({ severity: 'low' }),
    });
    const late = await h.submit({
      user: OWNER,
      callbackId: LIST_VIEWS.riskEdit,
      privateMetadata: editMeta(1),
      values: risk({ text: 'reworded' }),
    });
    expect(errorsOf(late)[LIST_BLOCKS.riskText]).toMatch(
      /^You changed this risk at .+, after you opened this form\. Nothing was saved: close it and press Edit again to start from your change\.$/,
    );
  });

  it('a save that fails on our side shows it on top of the form, which keeps what was typed', async () => {
    h = await start();
    h.db.exec("CREATE TRIGGER refuse BEFORE UPDATE ON risks BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    const res = await h.submit({
      user: OWNER,
      callbackId: LIST_VIEWS.riskEdit,
      privateMetadata: editMeta(),
      values: risk({ severity: 'medium' }),
    });
    expect(res.status).toBe(200);
    expect(res.json?.response_action).toBe('push');
    expect(viewProblems(res.json?.view, 'modal')).toEqual([]);
    expect(noticeText(res.json?.view)).toContain('failed on our side');
    expect(risks(h)[0]).toMatchObject({ severity: 'high', version: 1 });
    expect(history(h)).toEqual([]);
    expect(h.logsOf('view_failed')[0]).toMatchObject({ level: 'error', user: OWNER });
  });
});
