import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry, Program } from '../../src/domain/program.js';
import { ProgramEdits } from '../../src/services/program-edits.js';
import { ADMIN, OTHER_OWNER, OWNER, STRANGER } from '../support/programs.js';
import {
  GLOBAL_ADMIN,
  IMPORTED_AT,
  NOW,
  type ServiceEnv,
  serviceEnv,
  snapshot,
} from '../support/service-deps.js';

const ASSIGNEE = 'U0ASSIGNEE';

let env: ServiceEnv;
let edits: ProgramEdits;

beforeEach(() => {
  env = serviceEnv();
  edits = new ProgramEdits(env.deps);
});
afterEach(() => env.close());

const program = () => env.program();

type HistoryRow = Pick<HistoryEntry, 'field' | 'oldValue' | 'newValue' | 'actor' | 'at' | 'note'> & {
  label: string;
};
const historyOf = (entity: string, id: number) =>
  env.db
    .prepare<[string, string], HistoryRow>(
      `SELECT entity_label AS label, field, old_value AS oldValue, new_value AS newValue, actor, at, note
       FROM history WHERE entity = ? AND entity_key = ? AND actor != 'import' ORDER BY id`,
    )
    .all(entity, String(id));
const warnings = (event: string) => env.logs.filter((l) => l.event === event && l.level === 'warn');

describe('risks', () => {
  const firstRisk = () => program().risks[0] as Program['risks'][number];

  it('lets any owner add a risk, even on another team’s workstream, recording who and why', () => {
    const result = edits.addRisk({
      programId: env.programId,
      actor: OTHER_OWNER,
      risk: {
        text: 'claims model slips past the Kanopy cutover',
        severity: 'high',
        workstream: 'identity-sso',
      },
      note: 'raised in hosting sync',
    });

    expect(result).toMatchObject({
      kind: 'added',
      risk: {
        text: 'claims model slips past the Kanopy cutover',
        severity: 'high',
        workstream: 'identity-sso',
        status: 'open',
        openedAt: NOW,
        closedAt: null,
        version: 1,
        position: 1,
      },
    });
    if (result.kind !== 'added') return;
    expect(program().risks).toHaveLength(2);
    expect(historyOf('risk', result.risk.id)).toEqual([
      {
        label: 'claims model slips past the Kanopy cutover',
        field: 'created',
        oldValue: null,
        newValue: 'claims model slips past the Kanopy cutover',
        actor: OTHER_OWNER,
        at: NOW,
        note: 'raised in hosting sync',
      },
    ]);
    expect(env.logs).toContainEqual(expect.objectContaining({ level: 'info', event: 'risk_added' }));
  });

  it('refuses an addition from someone who owns nothing in the program, and warns', () => {
    const before = snapshot(env.db);
    const result = edits.addRisk({
      programId: env.programId,
      actor: STRANGER,
      risk: { text: 'x', severity: 'low' },
    });
    expect(result.kind).toBe('forbidden');
    expect(snapshot(env.db)).toEqual(before);
    expect(warnings('risk_add_forbidden')).toEqual([
      expect.objectContaining({ user: STRANGER, program: 'builder-insights' }),
    ]);
  });

  it('refuses an invalid addition field by field', () => {
    const before = snapshot(env.db);
    expect(
      edits.addRisk({
        programId: env.programId,
        actor: OWNER,
        risk: { text: 'r'.repeat(501), severity: 'severe', workstream: 'ghost' },
      }),
    ).toEqual({
      kind: 'invalid',
      errors: {
        text: 'At most 500 characters (this has 501)',
        severity: 'Choose High, Medium or Low',
        workstream: 'There is no workstream “ghost” in this program',
      },
    });
    expect(snapshot(env.db)).toEqual(before);
  });

  it('lets the tied workstream’s owner edit text, severity and workstream, one history entry per field', () => {
    const risk = firstRisk();
    const result = edits.editRisk({
      programId: env.programId,
      riskId: risk.id,
      actor: OWNER,
      expectedVersion: 1,
      changes: {
        text: 'identity decisions stall entitlements',
        severity: 'medium',
        workstream: 'kanopy-hosting',
      },
      note: 'handing to hosting',
    });
    expect(result).toMatchObject({
      kind: 'updated',
      risk: {
        text: 'identity decisions stall entitlements',
        severity: 'medium',
        workstream: 'kanopy-hosting',
        version: 2,
      },
    });
    const entry = {
      label: 'identity decisions stall entitlements',
      actor: OWNER,
      at: NOW,
      note: 'handing to hosting',
    };
    expect(historyOf('risk', risk.id)).toEqual([
      { field: 'text', oldValue: risk.text, newValue: 'identity decisions stall entitlements', ...entry },
      { field: 'severity', oldValue: 'high', newValue: 'medium', ...entry },
      { field: 'workstream', oldValue: 'identity-sso', newValue: 'kanopy-hosting', ...entry },
    ]);
  });

  it('refuses an owner of another workstream, logging the workstream the risk belongs to', () => {
    const before = snapshot(env.db);
    const risk = firstRisk();
    const result = edits.editRisk({
      programId: env.programId,
      riskId: risk.id,
      actor: OTHER_OWNER,
      expectedVersion: 1,
      changes: { severity: 'low' },
    });
    expect(result).toEqual({
      kind: 'forbidden',
      reason:
        'This risk belongs to Identity and SSO: only its owners or an admin of Builder Insights operationalization can change it.',
    });
    expect(snapshot(env.db)).toEqual(before);
    expect(warnings('risk_edit_forbidden')).toEqual([
      expect.objectContaining({ user: OTHER_OWNER, risk: risk.id, workstream: 'identity-sso' }),
    ]);
  });

  it('closes and reopens a risk, with closed_at following', () => {
    const risk = firstRisk();
    const closed = edits.setRiskStatus({
      programId: env.programId,
      riskId: risk.id,
      actor: ADMIN,
      expectedVersion: 1,
      status: 'closed',
      note: 'Okta path approved',
    });
    expect(closed).toMatchObject({ kind: 'updated', risk: { status: 'closed', closedAt: NOW, version: 2 } });

    env.clock.set('2026-01-20T09:00:00.000Z');
    const reopened = edits.setRiskStatus({
      programId: env.programId,
      riskId: risk.id,
      actor: OWNER,
      expectedVersion: 2,
      status: 'open',
    });
    expect(reopened).toMatchObject({
      kind: 'updated',
      risk: { status: 'open', closedAt: null, openedAt: IMPORTED_AT, version: 3 },
    });
    expect(historyOf('risk', risk.id).map((h) => [h.field, h.oldValue, h.newValue, h.actor])).toEqual([
      ['status', 'open', 'closed', ADMIN],
      ['status', 'closed', 'open', OWNER],
    ]);
  });

  it('refuses an edit opened on an older version, naming who changed it and when', () => {
    const risk = firstRisk();
    edits.setRiskStatus({
      programId: env.programId,
      riskId: risk.id,
      actor: ADMIN,
      expectedVersion: 1,
      status: 'closed',
    });
    const before = snapshot(env.db);

    env.clock.advance(60_000);
    const late = edits.editRisk({
      programId: env.programId,
      riskId: risk.id,
      actor: OWNER,
      expectedVersion: 1,
      changes: { severity: 'low' },
    });
    expect(late).toMatchObject({ kind: 'conflict', updatedBy: ADMIN, updatedAt: NOW, risk: { version: 2 } });
    expect(snapshot(env.db)).toEqual(before);
  });

  it('writes nothing when the edit changes nothing', () => {
    const before = snapshot(env.db);
    const risk = firstRisk();
    const result = edits.editRisk({
      programId: env.programId,
      riskId: risk.id,
      actor: OWNER,
      expectedVersion: 1,
      changes: { text: risk.text, severity: 'High', workstream: 'identity-sso', status: 'open' },
    });
    expect(result).toEqual({ kind: 'unchanged', risk });
    expect(snapshot(env.db)).toEqual(before);
  });

  it('answers not-found for a risk of another program or none', () => {
    expect(
      edits.editRisk({
        programId: env.programId,
        riskId: 9999,
        actor: ADMIN,
        expectedVersion: 1,
        changes: { severity: 'low' },
      }),
    ).toEqual({ kind: 'not-found', what: 'risk' });
  });
});

describe('readiness', () => {
  const identityReadiness = () => program().readiness[0] as Program['readiness'][number];

  it('lets an admin change the signal and note, recorded under the dimension’s name', () => {
    const dim = identityReadiness();
    const result = edits.editReadiness({
      programId: env.programId,
      readinessId: dim.id,
      actor: GLOBAL_ADMIN,
      expectedVersion: 1,
      changes: { signal: 'partial', note: 'Okta path approved; claims model open' },
    });
    expect(result).toMatchObject({
      kind: 'updated',
      readiness: { signal: 'partial', note: 'Okta path approved; claims model open', version: 2 },
    });
    expect(historyOf('readiness', dim.id)).toEqual([
      {
        label: 'Identity readiness',
        field: 'signal',
        oldValue: 'not-ready',
        newValue: 'partial',
        actor: GLOBAL_ADMIN,
        at: NOW,
        note: '',
      },
      {
        label: 'Identity readiness',
        field: 'note',
        oldValue: dim.note,
        newValue: 'Okta path approved; claims model open',
        actor: GLOBAL_ADMIN,
        at: NOW,
        note: '',
      },
    ]);
  });

  it('refuses a workstream owner: readiness is the admins’ call', () => {
    const before = snapshot(env.db);
    const result = edits.editReadiness({
      programId: env.programId,
      readinessId: identityReadiness().id,
      actor: OWNER,
      expectedVersion: 1,
      changes: { signal: 'ready' },
    });
    expect(result.kind).toBe('forbidden');
    expect(snapshot(env.db)).toEqual(before);
    expect(warnings('readiness_edit_forbidden')).toHaveLength(1);
  });

  it('refuses an unknown signal on its field', () => {
    const result = edits.editReadiness({
      programId: env.programId,
      readinessId: identityReadiness().id,
      actor: ADMIN,
      expectedVersion: 1,
      changes: { signal: 'amber' },
    });
    expect(result).toEqual({
      kind: 'invalid',
      errors: { signal: 'Choose Not ready, Partially ready or Ready' },
    });
  });
});

describe('next actions', () => {
  const addForAssignee = () => {
    const added = edits.addNextAction({
      programId: env.programId,
      actor: OWNER,
      action: { text: 'send claims model to Security', owner: `<@${ASSIGNEE}>`, workstream: 'identity-sso' },
      note: 'from Tuesday review',
    });
    if (added.kind !== 'added') throw new Error(`expected the action to be added: ${JSON.stringify(added)}`);
    return added.action;
  };

  it('adds an action with an owner, a workstream and a due date', () => {
    const result = edits.addNextAction({
      programId: env.programId,
      actor: OTHER_OWNER,
      action: { text: 'confirm Kanopy assumptions', owner: 'Platform Engineering', due: '2026-02-15' },
    });
    expect(result).toMatchObject({
      kind: 'added',
      action: {
        text: 'confirm Kanopy assumptions',
        owner: 'Platform Engineering',
        workstream: null,
        due: '2026-02-15',
        done: false,
        version: 1,
      },
    });
  });

  it('lets the person it is assigned to mark it done and undone, though they own no workstream', () => {
    const action = addForAssignee();
    expect(action.owner).toBe(ASSIGNEE);
    const done = edits.setNextActionDone({
      programId: env.programId,
      actionId: action.id,
      actor: ASSIGNEE,
      expectedVersion: 1,
      done: true,
    });
    expect(done).toMatchObject({ kind: 'updated', action: { done: true, version: 2 } });
    const undone = edits.setNextActionDone({
      programId: env.programId,
      actionId: action.id,
      actor: ASSIGNEE,
      expectedVersion: 2,
      done: false,
      note: 'Security asked for changes',
    });
    expect(undone).toMatchObject({ kind: 'updated', action: { done: false, version: 3 } });
    expect(
      historyOf('action', action.id).map((h) => [h.field, h.oldValue, h.newValue, h.actor, h.note]),
    ).toEqual([
      ['created', null, 'send claims model to Security', OWNER, 'from Tuesday review'],
      ['done', 'false', 'true', ASSIGNEE, ''],
      ['done', 'true', 'false', ASSIGNEE, 'Security asked for changes'],
    ]);
  });

  it('lets the assignee reschedule it but not file it under another workstream, which needs a member', () => {
    const action = addForAssignee();
    const moved = edits.editNextAction({
      programId: env.programId,
      actionId: action.id,
      actor: ASSIGNEE,
      expectedVersion: 1,
      changes: { workstream: 'kanopy-hosting', due: '2026-01-30' },
    });
    expect(moved).toMatchObject({ kind: 'forbidden', reason: expect.stringContaining('move next actions') });
    const rescheduled = edits.editNextAction({
      programId: env.programId,
      actionId: action.id,
      actor: ASSIGNEE,
      expectedVersion: 1,
      changes: { workstream: 'identity-sso', due: '2026-01-30' },
    });
    expect(rescheduled).toMatchObject({
      kind: 'updated',
      action: { workstream: 'identity-sso', due: '2026-01-30' },
    });
  });

  it('reassigns and reschedules in one edit, one entry per field', () => {
    const action = addForAssignee();
    const result = edits.editNextAction({
      programId: env.programId,
      actionId: action.id,
      actor: OWNER,
      expectedVersion: 1,
      changes: { owner: OTHER_OWNER, due: '2026-01-30' },
      note: 'Dana is out',
    });
    expect(result).toMatchObject({
      kind: 'updated',
      action: { owner: OTHER_OWNER, due: '2026-01-30', version: 2 },
      changes: [
        { field: 'owner', oldValue: ASSIGNEE, newValue: OTHER_OWNER },
        { field: 'due', oldValue: null, newValue: '2026-01-30' },
      ],
    });
  });

  it('refuses someone who is neither owner, assignee nor admin, and warns', () => {
    const action = addForAssignee();
    const before = snapshot(env.db);
    const result = edits.setNextActionDone({
      programId: env.programId,
      actionId: action.id,
      actor: STRANGER,
      expectedVersion: 1,
      done: true,
    });
    expect(result.kind).toBe('forbidden');
    expect(snapshot(env.db)).toEqual(before);
    expect(warnings('action_edit_forbidden')).toEqual([
      expect.objectContaining({ user: STRANGER, program: 'builder-insights', workstream: 'identity-sso' }),
    ]);
  });

  it('refuses a stale edit, naming who changed it, and writes nothing', () => {
    const action = addForAssignee();
    env.clock.set('2026-01-12T11:00:00.000Z');
    edits.setNextActionDone({
      programId: env.programId,
      actionId: action.id,
      actor: ASSIGNEE,
      expectedVersion: 1,
      done: true,
    });
    const before = snapshot(env.db);

    const late = edits.editNextAction({
      programId: env.programId,
      actionId: action.id,
      actor: OWNER,
      expectedVersion: 1,
      changes: { due: '2026-03-01' },
    });
    expect(late).toMatchObject({
      kind: 'conflict',
      updatedBy: ASSIGNEE,
      updatedAt: '2026-01-12T11:00:00.000Z',
      action: { done: true, version: 2 },
    });
    expect(snapshot(env.db)).toEqual(before);
  });

  it('refuses a bad due date and writes nothing', () => {
    const action = addForAssignee();
    const before = snapshot(env.db);
    expect(
      edits.editNextAction({
        programId: env.programId,
        actionId: action.id,
        actor: OWNER,
        expectedVersion: 1,
        changes: { due: '31/01/2026' },
      }),
    ).toEqual({ kind: 'invalid', errors: { due: 'Expected a date as YYYY-MM-DD, such as 2026-03-31' } });
    expect(snapshot(env.db)).toEqual(before);
  });

  it('rolls back the row and earlier entries when a later history entry fails', () => {
    const action = addForAssignee();
    env.db.exec(`CREATE TRIGGER fail_due_history BEFORE INSERT ON history
      WHEN NEW.entity = 'action' AND NEW.field = 'due'
      BEGIN SELECT RAISE(ABORT, 'simulated failure writing history'); END`);
    const before = snapshot(env.db);

    expect(() =>
      edits.editNextAction({
        programId: env.programId,
        actionId: action.id,
        actor: OWNER,
        expectedVersion: 1,
        changes: { owner: OTHER_OWNER, due: '2026-02-01', done: true },
      }),
    ).toThrow('simulated failure writing history');

    expect(snapshot(env.db)).toEqual(before);
    expect(program().actions.find((a) => a.id === action.id)).toMatchObject({ owner: ASSIGNEE, version: 1 });
  });
});
