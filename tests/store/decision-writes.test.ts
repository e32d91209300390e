import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DecisionWrites } from '../../src/store/decision-writes.js';
import { decisionProgram, Q } from '../support/decision-program.js';
import { OWNER } from '../support/programs.js';
import { NOW, type ServiceEnv, serviceEnv, snapshot } from '../support/service-deps.js';

let env: ServiceEnv;
beforeEach(() => {
  env = serviceEnv(decisionProgram());
});
afterEach(() => env.close());

describe('DecisionWrites.record', () => {
  const setUp = () => {
    const p = env.program();
    const d = p.decisions.find((x) => x.question === Q.okta);
    const w = p.workstreams.find((x) => x.key === 'identity-sso');
    if (!d || !w) throw new Error('fixture');
    const rec = {
      programId: env.programId,
      actor: OWNER,
      at: NOW,
      note: '',
      id: d.id,
      label: d.question,
      expectedVersion: d.version,
      next: { outcome: 'Okta', decidedBy: [OWNER], decidedAt: '2026-01-12', link: null },
      changes: [{ field: 'state' as const, oldValue: 'open', newValue: 'decided' }],
    };
    const move = {
      workstream: w,
      next: { ...w, status: 'drafted' as const, blocker: '' },
      changes: [{ field: 'status' as const, oldValue: w.status, newValue: 'drafted' }],
      note: 'decided',
    };
    return { d, w, rec, move };
  };

  it('writes nothing at all when the workstream moved past its version, the decision’s row included', () => {
    const { w, rec, move } = setUp();
    const before = snapshot(env.db);
    const writes = new DecisionWrites(env.db);
    expect(writes.record({ ...rec, workstream: { ...move, expectedVersion: w.version + 1 } })).toEqual({
      ok: false,
      stale: 'workstream',
    });
    expect(snapshot(env.db)).toEqual(before);
  });

  it('writes nothing when the decision moved past its version', () => {
    const { rec } = setUp();
    const before = snapshot(env.db);
    expect(new DecisionWrites(env.db).record({ ...rec, expectedVersion: 9 })).toEqual({
      ok: false,
      stale: 'decision',
    });
    expect(snapshot(env.db)).toEqual(before);
  });

  it('writes the decision, the workstream and both histories together', () => {
    const { w, rec, move } = setUp();
    expect(
      new DecisionWrites(env.db).record({ ...rec, workstream: { ...move, expectedVersion: w.version } }),
    ).toEqual({
      ok: true,
    });
    const p = env.program();
    expect(p.decisions.find((x) => x.question === Q.okta)).toMatchObject({ state: 'decided', version: 2 });
    expect(p.workstreams.find((x) => x.key === 'identity-sso')).toMatchObject({
      status: 'drafted',
      updatedBy: OWNER,
    });
    const rows = env.db
      .prepare('SELECT entity, field FROM history WHERE actor = ? ORDER BY id')
      .all(OWNER) as { entity: string; field: string }[];
    expect(rows).toEqual([
      { entity: 'workstream', field: 'status' },
      { entity: 'decision', field: 'state' },
    ]);
  });
});
