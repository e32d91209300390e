import { describe, expect, it } from 'vitest';
import { FIELD_LIMITS } from '../../src/domain/field-limits.js';
import {
  type NextActionValues,
  planNextActionAdd,
  planNextActionEdit,
  planReadinessEdit,
  planRiskAdd,
  planRiskEdit,
  type RiskValues,
} from '../../src/domain/list-edits.js';
import { BIDI, BIDI_SHOWN, FORGED, FORGED_PLAIN } from '../support/forged-text.js';

const keys = ['identity-sso', 'kanopy-hosting'];
const tooLong = (max: number) => `At most ${max} characters (this has ${max + 1})`;

describe('risks', () => {
  const risk: RiskValues = {
    text: 'identity decisions stay abstract',
    severity: 'high',
    workstream: 'identity-sso',
    status: 'open',
  };

  it('adds a risk with its text, severity and optional workstream', () => {
    expect(
      planRiskAdd({ text: ' telemetry is optional ', severity: 'Medium', workstream: '' }, keys),
    ).toEqual({
      ok: true,
      values: { text: 'telemetry is optional', severity: 'medium', workstream: null },
      note: '',
    });
  });

  it('refuses an empty text, an unknown severity and a workstream the program does not have, together', () => {
    expect(planRiskAdd({ text: '  ', severity: 'critical', workstream: 'nope' }, keys)).toEqual({
      ok: false,
      errors: {
        text: 'Describe the risk',
        severity: 'Choose High, Medium or Low',
        workstream: 'There is no workstream “nope” in this program',
      },
    });
  });

  it('refuses oversize text and note', () => {
    const plan = planRiskAdd(
      {
        text: 'r'.repeat(FIELD_LIMITS.riskText + 1),
        severity: 'low',
        note: 'n'.repeat(FIELD_LIMITS.note + 1),
      },
      keys,
    );
    expect(plan).toEqual({
      ok: false,
      errors: { text: tooLong(FIELD_LIMITS.riskText), note: tooLong(FIELD_LIMITS.note) },
    });
  });

  it('edits, moves, unties and closes, listing only what changed', () => {
    const plan = planRiskEdit(
      risk,
      { text: risk.text, severity: 'low', workstream: 'kanopy-hosting', status: 'closed', note: 'mitigated' },
      keys,
    );
    expect(plan).toEqual({
      ok: true,
      next: { text: risk.text, severity: 'low', workstream: 'kanopy-hosting', status: 'closed' },
      changes: [
        { field: 'severity', oldValue: 'high', newValue: 'low' },
        { field: 'workstream', oldValue: 'identity-sso', newValue: 'kanopy-hosting' },
        { field: 'status', oldValue: 'open', newValue: 'closed' },
      ],
      note: 'mitigated',
    });
    const untie = planRiskEdit(risk, { workstream: null }, keys);
    expect(untie.ok && untie.changes).toEqual([
      { field: 'workstream', oldValue: 'identity-sso', newValue: null },
    ]);
  });

  it('stores the risk text and the note on one line, without bidi controls', () => {
    expect(planRiskAdd({ text: FORGED, severity: 'low', note: `why\n${BIDI}` }, keys)).toEqual({
      ok: true,
      values: { text: FORGED_PLAIN, severity: 'low', workstream: null },
      note: `why ${BIDI_SHOWN}`,
    });
    expect(planRiskEdit(risk, { text: `${risk.text}\n` }, keys)).toMatchObject({ ok: true, changes: [] });
    expect(planRiskAdd({ text: '\n\u2029', severity: 'low' }, keys)).toMatchObject({
      ok: false,
      errors: { text: 'Describe the risk' },
    });
  });

  it('refuses a status other than open or closed', () => {
    expect(planRiskEdit(risk, { status: 'archived' }, keys)).toEqual({
      ok: false,
      errors: { status: 'Choose open or closed' },
    });
  });
});

describe('readiness', () => {
  const current = { signal: 'not-ready' as const, note: 'not ready until Okta path is confirmed' };

  it('changes the signal and note, by value or label', () => {
    expect(planReadinessEdit(current, { signal: 'Partial', note: 'Okta path approved' })).toEqual({
      ok: true,
      next: { signal: 'partial', note: 'Okta path approved' },
      changes: [
        { field: 'signal', oldValue: 'not-ready', newValue: 'partial' },
        { field: 'note', oldValue: current.note, newValue: 'Okta path approved' },
      ],
      note: '',
    });
  });

  it('stores the note on one line', () => {
    expect(planReadinessEdit(current, { note: FORGED })).toMatchObject({
      ok: true,
      next: { note: FORGED_PLAIN },
    });
  });

  it('refuses an unknown signal and an oversize note', () => {
    expect(
      planReadinessEdit(current, { signal: 'green', note: 'x'.repeat(FIELD_LIMITS.readinessNote + 1) }),
    ).toEqual({
      ok: false,
      errors: {
        signal: 'Choose Not ready, Partially ready or Ready',
        note: tooLong(FIELD_LIMITS.readinessNote),
      },
    });
  });
});

describe('next actions', () => {
  const action: NextActionValues = {
    text: 'confirm Okta path',
    owner: 'UOWNER01',
    workstream: 'identity-sso',
    due: '2026-12-01',
    done: false,
  };

  it('adds an action owned by a Slack user (a mention is kept as the ID) or by free text', () => {
    expect(
      planNextActionAdd(
        { text: 'confirm telemetry stack', owner: '<@U0PLATFORM|dana>', due: '2026-03-31' },
        keys,
      ),
    ).toEqual({
      ok: true,
      values: { text: 'confirm telemetry stack', owner: 'U0PLATFORM', workstream: null, due: '2026-03-31' },
      note: '',
    });
    const team = planNextActionAdd({ text: 'book review', owner: 'Platform Engineering' }, keys);
    expect(team.ok && team.values.owner).toBe('Platform Engineering');
  });

  it('stores the text and a free-text owner on one line, and reads a mention broken over lines', () => {
    expect(planNextActionAdd({ text: FORGED, owner: `Platform\nTeam${BIDI}` }, keys)).toMatchObject({
      ok: true,
      values: { text: FORGED_PLAIN, owner: `Platform Team${BIDI_SHOWN}` },
    });
    expect(planNextActionAdd({ text: 'x', owner: '\n<@U0ABC>\n' }, keys)).toMatchObject({
      ok: true,
      values: { owner: 'U0ABC' },
    });
    expect(planNextActionEdit(action, { text: `${action.text}\n\n` }, keys)).toMatchObject({
      ok: true,
      changes: [],
    });
  });

  it('refuses a due date that is not a calendar date, and an oversize owner', () => {
    expect(
      planNextActionAdd(
        { text: 'x', due: '2026-02-30', owner: 'o'.repeat(FIELD_LIMITS.nextActionOwner + 1) },
        keys,
      ),
    ).toEqual({
      ok: false,
      errors: {
        due: 'Expected a date as YYYY-MM-DD, such as 2026-03-31',
        owner: tooLong(FIELD_LIMITS.nextActionOwner),
      },
    });
    expect(planNextActionAdd({ text: 'x', due: 'next friday' }, keys).ok).toBe(false);
  });

  it('reassigns, reschedules, clears and marks done', () => {
    const plan = planNextActionEdit(action, { owner: 'U0OTHER', due: '', done: true }, keys);
    expect(plan).toEqual({
      ok: true,
      next: { ...action, owner: 'U0OTHER', due: null, done: true },
      changes: [
        { field: 'owner', oldValue: 'UOWNER01', newValue: 'U0OTHER' },
        { field: 'due', oldValue: '2026-12-01', newValue: null },
        { field: 'done', oldValue: 'false', newValue: 'true' },
      ],
      note: '',
    });
  });

  it('refuses an oversize text even when it is the only change', () => {
    expect(planNextActionEdit(action, { text: 't'.repeat(FIELD_LIMITS.nextActionText + 1) }, keys)).toEqual({
      ok: false,
      errors: { text: tooLong(FIELD_LIMITS.nextActionText) },
    });
  });
});
