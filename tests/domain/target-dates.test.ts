import { describe, expect, it } from 'vitest';
import {
  conflictText,
  dateConflicts,
  milestoneOutlooks,
  slipDays,
  slipLabel,
} from '../../src/domain/target-dates.js';
import { milestone, program, workstream } from '../support/program-objects.js';

describe('slips', () => {
  it('counts the days a target moved past its baseline, and says it as people do', () => {
    expect(slipDays({ target: '2027-02-01', baseline: '2027-01-18' })).toBe(14);
    expect(slipDays({ target: '2027-01-10', baseline: '2027-01-15' })).toBe(-5);
    expect(slipDays({ target: '2027-01-10', baseline: null })).toBe(0);
    expect([14, 3, 1, 0, -1, -7].map(slipLabel)).toEqual([
      '+2 weeks',
      '+3 days',
      '+1 day',
      'on baseline',
      '−1 day',
      '−1 week',
    ]);
  });
});

describe('dateConflicts', () => {
  it('flags what is due before something it depends on, workstreams and milestones alike', () => {
    const identity = workstream('identity-sso', { name: 'Identity and SSO', target: '2027-02-01' });
    const gating = workstream('readiness-gating', {
      name: 'Readiness gating',
      target: '2027-01-20',
      dependsOn: ['identity-sso'],
    });
    const gate = milestone('Internal readiness gate', ['readiness-gating', 'identity-sso'], {
      target: '2027-01-15',
    });
    const rollout = milestone('Broader internal rollout timing', ['internal-readiness-gate'], {
      target: '2027-03-01',
    });

    const conflicts = dateConflicts(
      program({ workstreams: [identity, gating], milestones: [gate, rollout] }),
    );

    expect(conflicts.map(conflictText)).toEqual([
      'Readiness gating is due 2027-01-20 but depends on Identity and SSO, due 2027-02-01',
      'Internal readiness gate is due 2027-01-15 but depends on Readiness gating, due 2027-01-20',
      'Internal readiness gate is due 2027-01-15 but depends on Identity and SSO, due 2027-02-01',
    ]);
  });

  it('says nothing of undated work', () => {
    const a = workstream('a', { target: null });
    const b = workstream('b', { target: '2027-01-01', dependsOn: ['a'] });
    expect(dateConflicts(program({ workstreams: [a, b] }))).toEqual([]);
  });
});

describe('milestoneOutlooks', () => {
  it('forecasts a milestone to the latest target upstream, through other milestones, and says what it waits on', () => {
    const identity = workstream('identity-sso', {
      name: 'Identity and SSO',
      target: '2027-02-01',
      risk: 'high',
    });
    const hosting = workstream('kanopy-hosting', { target: '2027-01-10', status: 'done' });
    const gating = workstream('readiness-gating', { target: '2027-01-20', dependsOn: ['identity-sso'] });
    const gate = milestone('Internal readiness gate', ['readiness-gating', 'kanopy-hosting'], {
      target: '2027-01-15',
    });
    const rollout = milestone('Broader internal rollout timing', ['internal-readiness-gate'], {
      target: '2027-03-01',
    });

    const [first, second] = milestoneOutlooks(
      program({ workstreams: [identity, hosting, gating], milestones: [gate, rollout] }),
    );

    expect(first?.forecast).toBe('2027-01-20');
    expect(first?.waitingOn.map((u) => u.key)).toEqual(['readiness-gating']);
    // Identity stands behind Readiness gating: high risk two steps up still puts the gate at risk.
    expect(first?.atRisk).toBe(true);
    expect(first?.riskyUpstream.map((w) => w.key)).toEqual(['identity-sso']);
    expect(second?.forecast).toBe('2027-01-20');
    expect(second?.waitingOn.map((u) => u.key)).toEqual(['internal-readiness-gate']);
  });

  it('is neither at risk nor waiting once everything upstream is done', () => {
    const done = workstream('a', { status: 'done', risk: 'high', target: '2027-01-01' });
    const [outlook] = milestoneOutlooks(
      program({ workstreams: [done], milestones: [milestone('Gate', ['a'])] }),
    );
    expect(outlook).toMatchObject({ forecast: null, waitingOn: [], atRisk: false });
  });
});
