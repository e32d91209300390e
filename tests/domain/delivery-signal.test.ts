import { describe, expect, it } from 'vitest';
import { deliverySignal } from '../../src/domain/delivery-signal.js';
import type { Program, Workstream } from '../../src/domain/program.js';
import { program as baseProgram, milestone, workstream } from '../support/program-objects.js';

// Medium unless said: medium and low risk both count as follow-through.
const ws = (key: string, fields: Partial<Workstream> = {}) => workstream(key, { risk: 'medium', ...fields });

function program(workstreams: Workstream[], milestones: [string, string[]][] = []): Program {
  return baseProgram({
    name: 'P',
    workstreams,
    milestones: milestones.map(([name, dependsOn], position) =>
      milestone(name, dependsOn, { id: position, position }),
    ),
  });
}

describe('deliverySignal', () => {
  it('puts high risk among what slows rollout, the rest among follow-through, and drops done work', () => {
    const signal = deliverySignal(
      program([ws('a', { risk: 'high' }), ws('b'), ws('c', { risk: 'low' }), ws('d', { status: 'done' })]),
    );

    expect(signal).toEqual({ slowing: ['a'], 'follow-through': ['b', 'c'], dependent: [] });
  });

  it('lists work waiting on an unfinished workstream as dependent, whatever its risk', () => {
    const signal = deliverySignal(program([ws('up'), ws('down', { risk: 'high', dependsOn: ['up'] })]));

    expect(signal.dependent).toEqual(['down']);
    expect(signal.slowing).toEqual([]);
  });

  it('names a waiting workstream through the waiting milestone that stands on it, not twice', () => {
    const signal = deliverySignal(
      program(
        [ws('sso', { risk: 'high' }), ws('gating', { status: 'blocked', dependsOn: ['sso'] })],
        [
          ['Internal readiness gate', ['gating']],
          ['Broader internal rollout timing', ['gating']],
        ],
      ),
    );

    expect(signal).toEqual({
      slowing: ['sso'],
      'follow-through': [],
      dependent: ['Internal readiness gate', 'Broader internal rollout timing'],
    });
  });

  it('lets work and milestones leave the dependent group once what they wait on is done', () => {
    const signal = deliverySignal(
      program(
        [ws('sso', { status: 'done' }), ws('gating', { dependsOn: ['sso'] })],
        [['Internal readiness gate', ['sso']]],
      ),
    );

    expect(signal).toEqual({ slowing: [], 'follow-through': ['gating'], dependent: [] });
  });
});
