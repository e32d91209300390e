import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkstreamUpdates } from '../../src/services/workstream-updates.js';
import { historyRows } from '../support/history.js';
import { ADMIN, OTHER_OWNER, OWNER, STRANGER } from '../support/programs.js';
import {
  GLOBAL_ADMIN,
  IMPORTED_AT,
  NOW,
  type ServiceEnv,
  serviceEnv,
  snapshot,
} from '../support/service-deps.js';

let env: ServiceEnv;
let service: WorkstreamUpdates;

beforeEach(() => {
  env = serviceEnv();
  service = new WorkstreamUpdates(env.deps);
});
afterEach(() => env.close());

const identity = () => {
  const w = env.program().workstreams.find((x) => x.key === 'identity-sso');
  if (!w) throw new Error('identity-sso is missing');
  return w;
};
const historyOf = (key: string) =>
  historyRows(env.db, ['field', 'oldValue', 'newValue', 'actor', 'at', 'note'], {
    entity: 'workstream',
    key,
    sinceImport: true,
  });
const update = (overrides: Partial<Parameters<WorkstreamUpdates['updateWorkstream']>[0]> = {}) =>
  service.updateWorkstream({
    programId: env.programId,
    key: 'identity-sso',
    actor: OWNER,
    expectedVersion: 1,
    changes: {},
    ...overrides,
  });

describe('an accepted change', () => {
  it('writes the new values, bumps the version, restarts status_since and records one entry per field', () => {
    const result = update({
      changes: {
        status: 'blocked',
        risk: 'high',
        state: 'Okta path chosen, claims model open',
        blocker: 'claims model sign-off from Security',
        summary: identity().summary,
      },
      note: 'agreed in the Tuesday review',
    });

    expect(result.kind).toBe('updated');
    if (result.kind !== 'updated') return;
    expect(result.workstream).toMatchObject({
      status: 'blocked',
      risk: 'high',
      state: 'Okta path chosen, claims model open',
      blocker: 'claims model sign-off from Security',
      version: 2,
      statusSince: NOW,
      updatedBy: OWNER,
      updatedAt: NOW,
    });
    expect(identity()).toEqual(result.workstream);
    expect(result.changes.map((c) => c.field)).toEqual(['status', 'state', 'blocker']);

    const entry = { actor: OWNER, at: NOW, note: 'agreed in the Tuesday review' };
    expect(historyOf('identity-sso')).toEqual([
      { field: 'status', oldValue: 'needs-decision', newValue: 'blocked', ...entry },
      {
        field: 'state',
        oldValue: 'directionally clear, enterprise path not finalized',
        newValue: 'Okta path chosen, claims model open',
        ...entry,
      },
      {
        field: 'blocker',
        oldValue: 'approved Okta path and claims model',
        newValue: 'claims model sign-off from Security',
        ...entry,
      },
    ]);
    expect(env.logs).toContainEqual(
      expect.objectContaining({
        level: 'info',
        event: 'workstream_updated',
        user: OWNER,
        program: 'builder-insights',
        workstream: 'identity-sso',
        fields: ['status', 'state', 'blocker'],
      }),
    );
  });

  it('keeps status_since when the status stays, and takes the time from the clock', () => {
    env.clock.set('2026-02-01T08:30:00.000Z');
    const result = update({ changes: { risk: 'Medium' } });
    expect(result.kind === 'updated' && result.workstream).toMatchObject({
      risk: 'medium',
      statusSince: IMPORTED_AT,
      updatedAt: '2026-02-01T08:30:00.000Z',
      version: 2,
    });
    expect(historyOf('identity-sso')).toEqual([
      {
        field: 'risk',
        oldValue: 'high',
        newValue: 'medium',
        actor: OWNER,
        at: '2026-02-01T08:30:00.000Z',
        note: '',
      },
    ]);
  });

  it('is open to a program admin and a global admin as well as the owners', () => {
    expect(update({ actor: ADMIN, changes: { risk: 'low' } }).kind).toBe('updated');
    expect(update({ actor: GLOBAL_ADMIN, expectedVersion: 2, changes: { risk: 'medium' } }).kind).toBe(
      'updated',
    );
    expect(identity()).toMatchObject({ version: 3, updatedBy: GLOBAL_ADMIN });
  });
});

describe('a refused change writes nothing', () => {
  it('refuses a submission opened on an older version, naming who changed it and when', () => {
    env.clock.set('2026-01-12T10:05:00.000Z');
    expect(update({ actor: ADMIN, changes: { status: 'drafted' } }).kind).toBe('updated');
    const before = snapshot(env.db);

    env.clock.set('2026-01-12T10:09:00.000Z');
    const late = update({ changes: { status: 'needs-validation', blocker: 'security review' } });

    expect(late).toMatchObject({
      kind: 'conflict',
      updatedBy: ADMIN,
      updatedAt: '2026-01-12T10:05:00.000Z',
      workstream: { status: 'drafted', version: 2 },
    });
    expect(snapshot(env.db)).toEqual(before);
  });

  it('refuses a stranger and an owner of another workstream, and warns the operator', () => {
    const before = snapshot(env.db);
    for (const actor of [STRANGER, OTHER_OWNER]) {
      const result = update({ actor, changes: { status: 'done' } });
      expect(result).toEqual({
        kind: 'forbidden',
        reason:
          'Only the owners of Identity and SSO, its backups or an admin of Builder Insights operationalization can change it.',
      });
    }
    expect(snapshot(env.db)).toEqual(before);
    expect(env.logs.filter((l) => l.event === 'workstream_update_forbidden')).toEqual([
      expect.objectContaining({
        level: 'warn',
        user: STRANGER,
        program: 'builder-insights',
        workstream: 'identity-sso',
      }),
      expect.objectContaining({ level: 'warn', user: OTHER_OWNER }),
    ]);
  });

  it('refuses invalid fields with errors keyed by field', () => {
    const before = snapshot(env.db);
    expect(update({ changes: { status: 'blocked', blocker: '' } })).toEqual({
      kind: 'invalid',
      errors: { blocker: 'A blocked workstream needs its main blocker' },
    });
    expect(
      update({ changes: { status: 'paused', summary: 's'.repeat(2001) }, note: 'n'.repeat(1001) }),
    ).toEqual({
      kind: 'invalid',
      errors: {
        status: expect.stringContaining('Choose a status'),
        summary: 'At most 2000 characters (this has 2001)',
        note: 'At most 1000 characters (this has 1001)',
      },
    });
    expect(snapshot(env.db)).toEqual(before);
  });

  it('takes a submission that changes nothing as the owner confirming it current: one reviewed entry', () => {
    const w = identity();
    const result = update({
      changes: { status: 'Needs decision', risk: w.risk, state: ` ${w.state} `, blocker: w.blocker },
      note: 'checked with Okta, still waiting',
    });
    expect(result).toMatchObject({ kind: 'updated', changes: [] });
    const after = identity();
    expect(after).toMatchObject({
      status: w.status,
      blocker: w.blocker,
      version: w.version + 1,
      updatedBy: OWNER,
    });
    expect(after.updatedAt > w.updatedAt).toBe(true);
    const entries = env.db
      .prepare('SELECT field, old_value, new_value, actor, note FROM history WHERE actor = ?')
      .all(OWNER);
    expect(entries).toEqual([
      {
        field: 'reviewed',
        old_value: null,
        new_value: null,
        actor: OWNER,
        note: 'checked with Okta, still waiting',
      },
    ]);
  });

  it('writes nothing when the same unchanged form comes again (its version is gone), and says so', () => {
    const w = identity();
    update({ changes: { status: w.status } });
    const before = snapshot(env.db);
    expect(update({ changes: { status: w.status } })).toMatchObject({ kind: 'unchanged' });
    expect(snapshot(env.db)).toEqual(before);
  });

  it('answers not-found for a workstream or program that does not exist', () => {
    expect(update({ key: 'nope' })).toEqual({ kind: 'not-found', what: 'workstream' });
    expect(update({ programId: env.programId + 100 })).toEqual({ kind: 'not-found', what: 'program' });
  });

  it('rolls back the row and earlier history entries when a later history entry fails', () => {
    // The third entry of this edit (blocker) fails after the row and the status entry were written.
    env.db.exec(`CREATE TRIGGER fail_blocker_history BEFORE INSERT ON history WHEN NEW.field = 'blocker'
      BEGIN SELECT RAISE(ABORT, 'simulated failure writing history'); END`);
    const before = snapshot(env.db);

    expect(() =>
      update({ changes: { status: 'blocked', state: 'waiting', blocker: 'Security sign-off' }, note: 'x' }),
    ).toThrow('simulated failure writing history');

    expect(snapshot(env.db)).toEqual(before);
    expect(identity()).toMatchObject({ status: 'needs-decision', version: 1 });
  });
});
