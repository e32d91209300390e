import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkstreamWrites } from '../../src/store/workstream-writes.js';
import { OWNER } from '../support/programs.js';
import { NOW, type ServiceEnv, serviceEnv, snapshot } from '../support/service-deps.js';

let env: ServiceEnv;
beforeEach(() => {
  env = serviceEnv();
});
afterEach(() => env.close());

describe('WorkstreamWrites.apply', () => {
  it('writes nothing and answers false when the row has moved past the expected version', () => {
    const w = env.program().workstreams[0];
    if (!w) throw new Error('no workstream');
    const before = snapshot(env.db);
    const write = {
      programId: env.programId,
      workstream: w,
      next: { ...w, status: 'done' as const },
      changes: [{ field: 'status' as const, oldValue: w.status, newValue: 'done' }],
      actor: OWNER,
      at: NOW,
      note: '',
    };
    expect(new WorkstreamWrites(env.db).apply({ ...write, expectedVersion: w.version + 1 })).toBe(false);
    expect(snapshot(env.db)).toEqual(before);
    expect(new WorkstreamWrites(env.db).apply({ ...write, expectedVersion: w.version })).toBe(true);
    expect(env.program().workstreams[0]).toMatchObject({
      status: 'done',
      version: w.version + 1,
      statusSince: NOW,
    });
  });
});
