import { describe, expect, it } from 'vitest';
import {
  planDecisionAdd,
  planDecisionDefer,
  planDecisionEdit,
  planDecisionRecord,
  planDecisionWithdraw,
} from '../../src/domain/decision-edits.js';
import { decision } from '../support/program-objects.js';

const KEYS = ['identity-sso', 'kanopy-hosting'];

describe('decision edits', () => {
  it('adds an open decision: the question required and on one line, workstreams of the program, deciders as users', () => {
    expect(
      planDecisionAdd(
        {
          question: ' Okta\nor Entra? ',
          workstreams: ['identity-sso', 'identity-sso'],
          deciders: ['U0LEAD1'],
          neededBy: '',
        },
        KEYS,
      ),
    ).toEqual({
      ok: true,
      next: {
        question: 'Okta or Entra?',
        workstreams: ['identity-sso'],
        deciders: ['U0LEAD1'],
        neededBy: null,
      },
      changes: [],
    });
    expect(
      planDecisionAdd(
        { question: ' ', workstreams: ['nope'], deciders: ['bob'], neededBy: '2026-02-30' },
        KEYS,
      ),
    ).toEqual({
      ok: false,
      errors: {
        question: 'Say what needs deciding',
        workstreams: 'Choose workstreams of this program',
        deciders: 'Choose deciders from the people picker',
        neededBy: 'Expected a date as YYYY-MM-DD, such as 2026-03-31',
      },
    });
    expect(planDecisionAdd({ question: 'x'.repeat(501) }, KEYS)).toMatchObject({
      ok: false,
      errors: { question: 'At most 500 characters (this has 501)' },
    });
  });

  it('edits only what was submitted, by the history’s field names', () => {
    const d = decision(1, { question: 'Q?', deciders: ['U0LEAD1'], neededBy: '2026-12-01' });
    expect(planDecisionEdit(d, { question: 'Q?', neededBy: '2026-12-08' }, KEYS)).toMatchObject({
      ok: true,
      changes: [{ field: 'needed_by', oldValue: '2026-12-01', newValue: '2026-12-08' }],
    });
    expect(planDecisionEdit(d, { deciders: ['U0LEAD1'] }, KEYS)).toMatchObject({ ok: true, changes: [] });
  });

  it('records the outcome, who, when and a web link; refuses a script link and nobody deciding', () => {
    const d = decision(1);
    const plan = planDecisionRecord(d, {
      outcome: 'Okta',
      decidedBy: ['U0LEAD1'],
      decidedAt: '2026-11-30',
      link: 'https://x.example/p1',
    });
    expect(plan).toMatchObject({ ok: true, next: { link: 'https://x.example/p1' } });
    expect(plan.ok && plan.changes.map((c) => c.field)).toEqual([
      'state',
      'outcome',
      'decided_by',
      'decided_at',
      'link',
    ]);
    expect(
      planDecisionRecord(d, { outcome: 'Okta', decidedBy: [], decidedAt: '', link: 'javascript:alert(1)' }),
    ).toEqual({
      ok: false,
      errors: {
        decidedBy: 'Choose who decided',
        decidedAt: 'Choose the day it was decided',
        link: 'Expected a full link such as https://example.slack.com/archives/…',
      },
    });
  });

  it('defers with a date and a reason, withdraws with a reason', () => {
    const d = decision(1, { neededBy: '2026-12-01' });
    expect(planDecisionDefer(d, { neededBy: '2026-12-15', reason: 'legal' })).toMatchObject({
      ok: true,
      changes: [
        { field: 'state', oldValue: 'open', newValue: 'deferred' },
        { field: 'needed_by', oldValue: '2026-12-01', newValue: '2026-12-15' },
        { field: 'reason', oldValue: '', newValue: 'legal' },
      ],
    });
    expect(planDecisionDefer(d, { neededBy: '', reason: '' })).toEqual({
      ok: false,
      errors: { neededBy: 'Choose the new needed-by date', reason: 'Say why' },
    });
    expect(planDecisionWithdraw(d, { reason: 'moot' })).toMatchObject({
      ok: true,
      changes: [
        { field: 'state', newValue: 'withdrawn' },
        { field: 'reason', newValue: 'moot' },
      ],
    });
  });
});
