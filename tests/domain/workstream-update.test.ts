import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../src/domain/edit-fields.js';
import { FIELD_LIMITS } from '../../src/domain/field-limits.js';
import {
  BASELINE_REASON_NEEDED,
  REBASELINE_NEEDS_TARGET,
  TARGET_REASON_NEEDED,
} from '../../src/domain/target-moves.js';
import {
  BLOCKED_NEEDS_BLOCKER,
  planWorkstreamUpdate,
  REASON_WITHOUT_MOVE,
  type WorkstreamValues,
  workstreamUpdateSchema,
} from '../../src/domain/workstream-update.js';
import { BIDI, BIDI_SHOWN, FORGED, FORGED_PLAIN } from '../support/forged-text.js';

const current: WorkstreamValues = {
  status: 'needs-decision',
  risk: 'high',
  state: 'directionally clear, enterprise path not finalized',
  blocker: 'approved Okta path and claims model',
  summary: 'The enterprise direction is clear.',
  target: null,
  baseline: null,
};

function refused(input: Parameters<typeof planWorkstreamUpdate>[1], from: WorkstreamValues = current) {
  const plan = planWorkstreamUpdate(from, input);
  if (plan.ok) throw new Error(`expected a refusal, got ${JSON.stringify(plan)}`);
  return plan.errors;
}

describe('planWorkstreamUpdate', () => {
  it('accepts a valid edit and lists each changed field with its old and new text', () => {
    const plan = planWorkstreamUpdate(current, {
      status: 'drafted',
      risk: 'medium',
      state: current.state,
      note: 'decided in Tuesday review',
    });
    expect(plan).toEqual({
      ok: true,
      next: { ...current, status: 'drafted', risk: 'medium' },
      changes: [
        { field: 'status', oldValue: 'needs-decision', newValue: 'drafted' },
        { field: 'risk', oldValue: 'high', newValue: 'medium' },
      ],
      note: 'decided in Tuesday review',
      rebaseline: false,
    });
  });

  it('reads a status label in any case as the vocabulary value', () => {
    const plan = planWorkstreamUpdate(current, { status: 'Needs validation', risk: 'LOW' });
    expect(plan.ok && plan.next).toMatchObject({ status: 'needs-validation', risk: 'low' });
  });

  it('trims text, so a submission that only adds spaces changes nothing', () => {
    const plan = planWorkstreamUpdate(current, { state: `  ${current.state}  `, blocker: current.blocker });
    expect(plan).toMatchObject({ ok: true, changes: [] });
  });

  it('stores one-line fields without line breaks or bidi controls, whatever a forged submission sends', () => {
    const plan = planWorkstreamUpdate(current, {
      state: `${BIDI}\n`,
      blocker: FORGED,
      summary: `Path is understood.\r\n\r\n${BIDI}`,
      note: 'first\nsecond',
    });
    expect(plan).toMatchObject({
      ok: true,
      next: { state: BIDI_SHOWN, blocker: FORGED_PLAIN, summary: `Path is understood.\n\n${BIDI_SHOWN}` },
      note: 'first second',
    });
  });

  it('refuses Blocked when the blocker is only line breaks', () => {
    expect(refused({ status: 'blocked', blocker: '\n\u2028\r\n' })).toEqual({
      blocker: BLOCKED_NEEDS_BLOCKER,
    });
  });

  it('refuses Blocked without a main blocker, on the blocker field', () => {
    expect(refused({ status: 'blocked', blocker: '   ' })).toEqual({ blocker: BLOCKED_NEEDS_BLOCKER });
    expect(BLOCKED_NEEDS_BLOCKER).toBe('A blocked workstream needs its main blocker');
  });

  it('refuses clearing the blocker of a workstream that stays blocked', () => {
    const blocked = { ...current, status: 'blocked' as const };
    expect(refused({ blocker: '' }, blocked)).toEqual({ blocker: BLOCKED_NEEDS_BLOCKER });
  });

  it('accepts Blocked when the stored blocker is kept', () => {
    const plan = planWorkstreamUpdate(current, { status: 'blocked' });
    expect(plan.ok && plan.next.blocker).toBe(current.blocker);
  });

  it('refuses a status outside the vocabulary, listing the choices', () => {
    expect(refused({ status: 'on-hold' })).toEqual({
      status:
        'Choose a status from the list: In discovery, Drafted, Needs decision, Needs validation, Blocked, Done',
    });
    expect(refused({ risk: 'critical' })).toEqual({ risk: 'Choose High, Medium or Low' });
  });

  it.each([
    ['state', FIELD_LIMITS.state],
    ['blocker', FIELD_LIMITS.blocker],
    ['summary', FIELD_LIMITS.summary],
    ['note', FIELD_LIMITS.note],
  ] as const)('refuses an oversize %s (more than %i characters), whatever a modal allowed', (field, max) => {
    expect(planWorkstreamUpdate(current, { [field]: 'x'.repeat(max) }).ok).toBe(true);
    expect(refused({ [field]: 'x'.repeat(max + 1) })).toEqual({
      [field]: `At most ${max} characters (this has ${max + 1})`,
    });
  });

  it('reports every refused field at once, the blocker rule included', () => {
    expect(
      refused({
        status: 'blocked',
        blocker: '',
        state: 'x'.repeat(FIELD_LIMITS.state + 1),
        note: 'n'.repeat(FIELD_LIMITS.note + 1),
      }),
    ).toEqual({
      blocker: BLOCKED_NEEDS_BLOCKER,
      state: `At most ${FIELD_LIMITS.state} characters (this has ${FIELD_LIMITS.state + 1})`,
      note: `At most ${FIELD_LIMITS.note} characters (this has ${FIELD_LIMITS.note + 1})`,
    });
  });
});

describe('planWorkstreamUpdate: the target date', () => {
  const dated: WorkstreamValues = { ...current, target: '2027-02-01', baseline: '2027-01-18' };
  const changesOf = (input: Parameters<typeof planWorkstreamUpdate>[1], from = dated) => {
    const plan = planWorkstreamUpdate(from, input);
    if (!plan.ok) throw new Error(`refused: ${JSON.stringify(plan.errors)}`);
    return plan;
  };

  it('makes a first target the baseline, with no reason asked; the entries keep the update’s note', () => {
    const plan = changesOf({ target: '2027-01-18', note: 'planned' }, current);
    expect(plan.next).toMatchObject({ target: '2027-01-18', baseline: '2027-01-18' });
    expect(plan.changes).toEqual([
      { field: 'target', oldValue: null, newValue: '2027-01-18', note: 'planned' },
      { field: 'baseline', oldValue: null, newValue: '2027-01-18', note: 'planned' },
    ]);
  });

  it('asks why a target moves or is cleared, beside the other refusals', () => {
    expect(refused({ target: '2027-02-08' }, dated)).toEqual({ reason: TARGET_REASON_NEEDED });
    expect(refused({ target: '', reason: ' ', status: 'blocked', blocker: '' }, dated)).toEqual({
      reason: TARGET_REASON_NEEDED,
      blocker: BLOCKED_NEEDS_BLOCKER,
    });
    expect(refused({ target: '1 Feb' }, dated)).toEqual({
      target: 'Expected a date as YYYY-MM-DD, such as 2027-01-15',
    });
  });

  it('keeps the baseline when the target moves, the reason as the entry’s note', () => {
    const plan = changesOf({ target: '2027-02-08', reason: 'vendor slipped', note: 'weekly' });
    expect(plan.next).toMatchObject({ target: '2027-02-08', baseline: '2027-01-18' });
    expect(plan.changes).toEqual([
      { field: 'target', oldValue: '2027-02-01', newValue: '2027-02-08', note: 'vendor slipped' },
    ]);
    expect(plan.note).toBe('weekly');
  });

  it('re-baselines with a reason, the baseline’s entry saying so', () => {
    expect(refused({ rebaseline: true }, dated)).toEqual({ reason: BASELINE_REASON_NEEDED });
    expect(refused({ target: '', reason: 'dropped', rebaseline: true }, dated)).toEqual({
      rebaseline: REBASELINE_NEEDS_TARGET,
    });
    const plan = changesOf({ reason: 'replanned', rebaseline: true });
    expect(plan.rebaseline).toBe(true);
    expect(plan.changes).toEqual([
      { field: 'baseline', oldValue: '2027-01-18', newValue: '2027-02-01', note: 'Re-baselined: replanned' },
    ]);
  });

  it('refuses a reason that no date change would keep, rather than lose it', () => {
    expect(refused({ target: '2027-02-01', reason: 'just checking' }, dated)).toEqual({
      reason: REASON_WITHOUT_MOVE,
    });
    expect(changesOf({ target: '2027-02-01' }).changes).toEqual([]);
  });
});

describe('fieldErrors', () => {
  it('keys each problem by its field, the first message of a field winning', () => {
    const parsed = workstreamUpdateSchema.safeParse({ status: 42, summary: 'y'.repeat(5000) });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const errors = fieldErrors(parsed.error);
    expect(Object.keys(errors).sort()).toEqual(['status', 'summary']);
    expect(errors.summary).toBe(`At most ${FIELD_LIMITS.summary} characters (this has 5000)`);
  });
});
