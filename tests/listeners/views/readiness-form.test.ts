import { afterEach, describe, expect, it } from 'vitest';
import { viewProblems } from '../../../src/slack-standin/block-kit-rules.js';
import { encodeItemRef } from '../../../src/ui/action-values.js';
import { LIST_BLOCKS, LIST_VIEWS, listItemBlock } from '../../../src/ui/ids.js';
import { blockText, noticeText } from '../../support/blocks.js';
import { errorsOf, select, state, text } from '../../support/modal-state.js';
import { ADMIN, importFixture, OWNER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

const NOTE = 'not ready until Okta path and claims model are confirmed';

const form = (signal = 'not-ready', note = NOTE) =>
  state({ [LIST_BLOCKS.readinessSignal]: select(signal), [LIST_BLOCKS.readinessNote]: text(note) });

function identity(h: RolloutHarness) {
  return h.db
    .prepare("SELECT id, signal, note, version FROM readiness WHERE name = 'Identity readiness'")
    .get() as {
    id: number;
    signal: string;
    note: string;
    version: number;
  };
}

function history(h: RolloutHarness) {
  return h.db
    .prepare(
      "SELECT entity, entity_label, field, old_value, new_value, actor FROM history WHERE entity = 'readiness' AND actor != 'import' ORDER BY id",
    )
    .all();
}

describe('the readiness form', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });
  const start = (over = {}) => RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram(over)) });
  const meta = (version = 1) => encodeItemRef({ program: 'builder-insights', id: identity(h).id, version });

  it('saves a new signal and note: history per field, confirmation, Home, and the list shows it', async () => {
    h = await start();
    const res = await h.submit({
      user: ADMIN,
      callbackId: LIST_VIEWS.readinessEdit,
      privateMetadata: meta(),
      values: form('partial', 'Okta path confirmed; claims model still open'),
    });
    expect(res.json?.response_action).toBe('update');
    expect(viewProblems(res.json?.view, 'modal')).toEqual([]);
    expect(noticeText(res.json?.view)).toContain('*Signal:* Not ready → Partially ready');
    expect(identity(h)).toMatchObject({
      signal: 'partial',
      note: 'Okta path confirmed; claims model still open',
      version: 2,
    });
    expect(history(h)).toEqual([
      {
        entity: 'readiness',
        entity_label: 'Identity readiness',
        field: 'signal',
        old_value: 'not-ready',
        new_value: 'partial',
        actor: ADMIN,
      },
      expect.objectContaining({
        field: 'note',
        old_value: NOTE,
        new_value: 'Okta path confirmed; claims model still open',
      }),
    ]);
    const home = await h.fake.waitFor(() => h.fake.okCallsOf('views.publish')[0]);
    expect(home.args.user_id).toBe(ADMIN);
    const list = blockText(
      (await h.command(OWNER, 'readiness')).json,
      listItemBlock('readiness', identity(h).id),
    );
    expect(list).toContain(':large_yellow_circle: *Identity readiness* — Partially ready');
  });

  it('refuses a forged submission from a non-admin inline, writing nothing', async () => {
    h = await start();
    const res = await h.submit({
      user: OWNER,
      callbackId: LIST_VIEWS.readinessEdit,
      privateMetadata: meta(),
      values: form('ready'),
    });
    expect(errorsOf(res)[LIST_BLOCKS.readinessSignal]).toContain('Only an admin');
    expect(identity(h)).toMatchObject({ signal: 'not-ready', version: 1 });
    expect(history(h)).toEqual([]);
    expect(h.logsOf('readiness_edit_forbidden')[0]).toMatchObject({ level: 'warn', user: OWNER });
  });

  it('shows invalid input inline on the field at fault', async () => {
    h = await start();
    const res = await h.submit({
      user: ADMIN,
      callbackId: LIST_VIEWS.readinessEdit,
      privateMetadata: meta(),
      values: form('green', 'n'.repeat(501)),
    });
    expect(errorsOf(res)).toEqual({
      [LIST_BLOCKS.readinessSignal]: 'Choose Not ready, Partially ready or Ready',
      [LIST_BLOCKS.readinessNote]: 'At most 500 characters (this has 501)',
    });
    expect(identity(h).version).toBe(1);
  });

  it('refuses a stale form, naming who changed it and when', async () => {
    h = await start({ admins: [ADMIN, OWNER] });
    h.fake.addUser(OWNER, 'America/New_York');
    h.fake.addUser(ADMIN, 'UTC', 'Robin');
    await h.submit({
      user: ADMIN,
      callbackId: LIST_VIEWS.readinessEdit,
      privateMetadata: meta(1),
      values: form('ready'),
    });
    const late = await h.submit({
      user: OWNER,
      callbackId: LIST_VIEWS.readinessEdit,
      privateMetadata: meta(1),
      values: form('partial'),
    });
    expect(errorsOf(late)[LIST_BLOCKS.readinessSignal]).toMatch(
      /^Robin changed this readiness dimension at .+ (EST|EDT|GMT-[45]), after you opened this form/,
    );
    expect(identity(h)).toMatchObject({ signal: 'ready', version: 2 });
  });
});
