import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DecisionEdits } from '../../src/services/decision-edits.js';
import { DECIDER, decisionProgram, Q } from '../support/decision-program.js';
import { OTHER_OWNER, OWNER } from '../support/programs.js';
import { GLOBAL_ADMIN, type ServiceEnv, serviceEnv, snapshot } from '../support/service-deps.js';

let env: ServiceEnv;
let edits: DecisionEdits;
beforeEach(() => {
  env = serviceEnv(decisionProgram());
  edits = new DecisionEdits(env.deps);
});
afterEach(() => env.close());

const find = (question: string) => {
  const d = env.program().decisions.find((x) => x.question === question);
  if (!d) throw new Error(`no decision ${question}`);
  return d;
};

describe('DecisionEdits', () => {
  it('takes the same deferral twice as nothing to save, the second time writing nothing', () => {
    const d = find(Q.runtime);
    const input = {
      programId: env.programId,
      actor: DECIDER,
      decisionId: d.id,
      neededBy: '2027-01-08',
      reason: 'legal',
    };
    expect(edits.deferDecision({ ...input, expectedVersion: d.version })).toMatchObject({ kind: 'updated' });
    const before = snapshot(env.db);
    expect(edits.deferDecision({ ...input, expectedVersion: d.version + 1 })).toMatchObject({
      kind: 'unchanged',
    });
    expect(snapshot(env.db)).toEqual(before);
  });

  it('refuses to settle a decision already decided, writing nothing', () => {
    const d = find(Q.design);
    const before = snapshot(env.db);
    const result = edits.withdrawDecision({
      programId: env.programId,
      actor: GLOBAL_ADMIN,
      decisionId: d.id,
      expectedVersion: d.version,
      reason: 'moot',
    });
    expect(result).toMatchObject({
      kind: 'invalid',
      errors: { reason: expect.stringContaining('already decided') },
    });
    expect(snapshot(env.db)).toEqual(before);
  });

  it('records a new decision that moves a workstream on: it blocked that workstream, and both are written', () => {
    const w = env.program().workstreams.find((x) => x.key === 'kanopy-hosting');
    if (!w) throw new Error('fixture');
    const result = edits.recordDecision({
      programId: env.programId,
      actor: OTHER_OWNER,
      decision: { question: 'Which region?' },
      record: { outcome: 'us-east', decidedBy: [OTHER_OWNER], decidedAt: '2026-01-12' },
      moveOn: { workstream: 'kanopy-hosting', expectedVersion: w.version, status: 'done', blocker: '' },
    });
    expect(result).toMatchObject({
      kind: 'updated',
      moved: { workstream: { key: 'kanopy-hosting', status: 'done' } },
    });
    expect(find('Which region?')).toMatchObject({
      state: 'decided',
      workstreams: ['kanopy-hosting'],
      version: 2,
    });
    expect(env.logs.find((l) => l.event === 'decision_recorded')).toMatchObject({
      decision: 'new',
      moved: ['status', 'blocker'],
    });
  });

  it('refuses a new decision from someone who owns nothing, and one that names no question', () => {
    const record = { outcome: 'x', decidedBy: [DECIDER], decidedAt: '2026-01-12' };
    expect(
      edits.recordDecision({
        programId: env.programId,
        actor: DECIDER,
        decision: { question: 'Q?' },
        record,
      }),
    ).toMatchObject({ kind: 'forbidden' });
    expect(
      edits.recordDecision({ programId: env.programId, actor: OWNER, decision: { question: ' ' }, record }),
    ).toEqual({ kind: 'invalid', errors: { question: 'Say what needs deciding' } });
  });
});
