import { describe, expect, it } from 'vitest';
import { deliverySignal } from '../../src/domain/delivery-signal.js';
import type { Program, Workstream } from '../../src/domain/program.js';

function ws(key: string, fields: Partial<Workstream> = {}): Workstream {
  return {
    id: 0,
    key,
    position: 0,
    name: key,
    ownerTeam: '',
    ownerIds: [],
    state: '',
    summary: '',
    status: 'drafted',
    risk: 'medium',
    blocker: '',
    dependsOn: [],
    statusSince: '',
    updatedBy: null,
    updatedAt: '',
    version: 1,
    ...fields,
  };
}

function program(workstreams: Workstream[], milestones: [string, string[]][] = []): Program {
  return {
    id: 1,
    slug: 'p',
    name: 'P',
    summary: '',
    timezone: 'UTC',
    digest: null,
    reminderDaysBefore: 1,
    updatesChannel: null,
    admins: [],
    workstreams,
    milestones: milestones.map(([name, dependsOn], position) => ({
      id: position,
      position,
      name,
      dependsOn,
    })),
    risks: [],
    readiness: [],
    actions: [],
    references: [],
  };
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
