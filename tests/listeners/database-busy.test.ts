import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../src/db/open.js';
import { encodeItemRef, encodeUpdateRef } from '../../src/ui/action-values.js';
import { BLOCKS, itemAction, LIST_ACTIONS, VIEWS, workstreamRowBlock } from '../../src/ui/ids.js';
import { blockText } from '../support/blocks.js';
import { workstreamForm } from '../support/modal-state.js';
import { importFixture, OWNER, smallProgram } from '../support/programs.js';
import { RolloutHarness } from '../support/rollout-server.js';

/** Slack gives up on an answer after 3 seconds: the one time bound the person sees. */
const SLACK_DEADLINE_MS = 3000;

/** The update form as submitted, with the status changed to `status` and everything else as it was. */
function updateForm(status: string) {
  return {
    user: OWNER,
    callbackId: VIEWS.workstreamUpdate,
    privateMetadata: encodeUpdateRef({ program: 'builder-insights', workstream: 'identity-sso', version: 1 }),
    values: workstreamForm({ status, note: 'from the busy test' }),
  };
}

const workstream = (h: RolloutHarness) =>
  h.db.prepare("SELECT status, version FROM workstreams WHERE key = 'identity-sso'").get();
const slackHistory = (h: RolloutHarness) =>
  h.db.prepare("SELECT count(*) FROM history WHERE actor != 'import'").pluck().get();

describe('while another process holds the database write lock', () => {
  let h: RolloutHarness;
  let other: Db | undefined;
  afterEach(async () => {
    if (other?.inTransaction) other.exec('ROLLBACK');
    other?.close();
    other = undefined;
    await h?.stop();
  });

  /** A second connection to the server's file, as `rollout import` would be, in the middle of a write. */
  async function startLocked(): Promise<Db> {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    other = openDatabase(join(h.dir, 'rollout.db'));
    other.exec('BEGIN IMMEDIATE');
    other.prepare("UPDATE workstreams SET status = 'done' WHERE key = 'identity-sso'").run();
    return other;
  }

  it('a form is told inline that Rollout is busy, within Slack’s 3 s, and nothing changes', async () => {
    const lock = await startLocked();
    const started = performance.now();
    const res = await h.submit(updateForm('drafted'));
    expect(performance.now() - started).toBeLessThan(SLACK_DEADLINE_MS);

    expect(res.json).toMatchObject({
      response_action: 'errors',
      errors: { [BLOCKS.wsStatus]: expect.stringContaining('Rollout is busy, try again') },
    });
    expect(workstream(h)).toEqual({ status: 'needs-decision', version: 1 });
    expect(slackHistory(h)).toBe(0);
    expect(h.logsOf('database_busy')[0]).toMatchObject({ level: 'warn', failed: 'view_failed', user: OWNER });
    expect(h.logsOf('view_failed')).toEqual([]);

    lock.exec('ROLLBACK');
    const again = await h.submit(updateForm('drafted'));
    expect(again.json?.response_action).toBe('update');
    expect(workstream(h)).toEqual({ status: 'drafted', version: 2 });
  });

  it('forms submitted together are all answered busy within Slack’s 3 s, not one wait after another', async () => {
    await startLocked();
    const started = performance.now();
    const answers = await Promise.all([1, 2, 3, 4].map(() => h.submit(updateForm('drafted'))));
    expect(performance.now() - started).toBeLessThan(SLACK_DEADLINE_MS);
    for (const res of answers) {
      expect(res.json?.errors).toMatchObject({ [BLOCKS.wsStatus]: expect.stringContaining('busy') });
    }
    expect(workstream(h)).toEqual({ status: 'needs-decision', version: 1 });
  });

  it('a button that changes something answers privately that Rollout is busy, and changes nothing', async () => {
    await startLocked();
    const risk = h.db.prepare('SELECT id, status, version FROM risks').get() as { id: number };
    const click = await h.action({
      user: OWNER,
      actionId: itemAction(LIST_ACTIONS.riskClose, risk.id),
      value: encodeItemRef({ program: 'builder-insights', id: risk.id, version: 1 }),
    });
    const reply = await h.fake.responseTo(click.responseUrl);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply.body.text).toContain('Rollout is busy, try again');
    expect(h.db.prepare('SELECT id, status, version FROM risks').get()).toEqual({
      id: risk.id,
      status: 'open',
      version: 1,
    });
    expect(slackHistory(h)).toBe(0);
  });

  it('reads do not wait: /rollout status answers with what is committed', async () => {
    await startLocked();
    const res = await h.command(OWNER, 'status');
    expect(blockText(res.json, workstreamRowBlock('identity-sso'))).toContain('Identity and SSO');
    expect(JSON.stringify(res.json)).not.toContain('busy');
    expect(h.logsOf('database_busy')).toEqual([]);
  });
});
