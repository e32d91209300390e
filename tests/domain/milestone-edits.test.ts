import { describe, expect, it } from 'vitest';
import { freeKey, planMilestoneAdd, planMilestoneEdit } from '../../src/domain/milestone-edits.js';

const gate = {
  name: 'Internal readiness gate',
  owner: 'U0PRODUCT',
  target: '2027-01-15',
  baseline: '2027-01-15',
};

describe('planMilestoneEdit', () => {
  it('needs a reason to move or clear a target, not to set a first one', () => {
    expect(planMilestoneEdit(gate, { target: '2027-01-22' })).toEqual({
      ok: false,
      errors: { reason: 'Say why the target moved: it is kept in the history with the change.' },
    });
    expect(planMilestoneEdit(gate, { target: '' })).toMatchObject({ ok: false });
    const first = planMilestoneEdit({ ...gate, target: null, baseline: null }, { target: '2027-03-01' });
    expect(first).toMatchObject({
      ok: true,
      next: { target: '2027-03-01', baseline: '2027-03-01' },
      changes: [
        { field: 'target', oldValue: null, newValue: '2027-03-01' },
        { field: 'baseline', oldValue: null, newValue: '2027-03-01' },
      ],
      rebaseline: false,
    });
  });

  it('keeps the baseline when the target moves, and re-baselines only when asked, with a reason', () => {
    const moved = planMilestoneEdit(gate, { target: '2027-01-29', reason: 'late' });
    expect(moved).toMatchObject({
      ok: true,
      next: { target: '2027-01-29', baseline: '2027-01-15' },
      changes: [{ field: 'target', oldValue: '2027-01-15', newValue: '2027-01-29' }],
      note: 'late',
      rebaseline: false,
    });
    expect(planMilestoneEdit(gate, { target: '2027-01-29', rebaseline: true })).toMatchObject({
      ok: false,
      errors: { reason: expect.stringContaining('Say why the baseline moves') },
    });
    expect(
      planMilestoneEdit(gate, { target: '2027-01-29', reason: 'replan', rebaseline: true }),
    ).toMatchObject({
      ok: true,
      next: { baseline: '2027-01-29' },
      rebaseline: true,
    });
    expect(planMilestoneEdit(gate, { target: '', reason: 'x', rebaseline: true })).toMatchObject({
      ok: false,
      errors: { rebaseline: 'Choose a target date to re-baseline to.' },
    });
  });

  it('checks every field: name, owner length, a real date; a mention is kept as the bare ID', () => {
    const bad = planMilestoneEdit(gate, { name: ' ', owner: 'x'.repeat(201), target: '2027-02-30' });
    expect(bad).toMatchObject({
      ok: false,
      errors: {
        name: 'Name the milestone',
        owner: expect.stringContaining('At most 200 characters'),
        target: expect.stringContaining('Expected a date as YYYY-MM-DD'),
      },
    });
    expect(planMilestoneEdit(gate, { owner: '<@U0LEAD1|lead>' })).toMatchObject({
      ok: true,
      changes: [{ field: 'owner', oldValue: 'U0PRODUCT', newValue: 'U0LEAD1' }],
    });
    expect(planMilestoneEdit(gate, { name: gate.name, target: gate.target })).toMatchObject({
      ok: true,
      changes: [],
    });
  });
});

describe('planMilestoneAdd', () => {
  it('makes the key from the name, numbered past taken keys, and the first target the baseline', () => {
    expect(planMilestoneAdd({ name: 'GA launch', target: '2027-03-15' }, new Set())).toEqual({
      ok: true,
      values: {
        key: 'ga-launch',
        name: 'GA launch',
        owner: '',
        target: '2027-03-15',
        baseline: '2027-03-15',
      },
      note: '',
    });
    expect(freeKey('GA launch', new Set(['ga-launch', 'ga-launch-2']))).toBe('ga-launch-3');
    expect(freeKey('x'.repeat(80), new Set(['x'.repeat(64)]))).toBe(`${'x'.repeat(62)}-2`);
    expect(planMilestoneAdd({ name: '' }, new Set())).toMatchObject({
      ok: false,
      errors: { name: 'Name the milestone' },
    });
  });
});
