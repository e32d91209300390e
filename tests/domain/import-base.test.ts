import { describe, expect, it } from 'vitest';
import { baseFromHistory, storedAsFile } from '../../src/domain/import-base.js';
import type { HistoryEntry } from '../../src/domain/program.js';
import { nextAction, program, readinessItem, risk, workstream } from '../support/program-objects.js';

let nextId = 1;
function entry(
  over: Partial<HistoryEntry> & Pick<HistoryEntry, 'entity' | 'entityKey' | 'field'>,
): HistoryEntry {
  return {
    id: nextId++,
    entityLabel: over.entityKey,
    oldValue: null,
    newValue: null,
    actor: 'import',
    at: '2026-11-02T09:00:00.000Z',
    note: '',
    ...over,
  };
}

describe('baseFromHistory (a program imported before bases were kept)', () => {
  const stored = program({
    workstreams: [workstream('identity-sso', { status: 'blocked', blocker: 'legal review' })],
    risks: [risk(7, { severity: 'high' }), risk(8, { text: 'added in Slack' })],
    readiness: [readinessItem(3, { signal: 'ready' })],
    actions: [nextAction(9, { done: true })],
  });

  it('puts back the value each field had before Slack first changed it since the last import', () => {
    const history = [
      entry({ entity: 'workstream', entityKey: 'identity-sso', field: 'created' }),
      entry({
        entity: 'workstream',
        entityKey: 'identity-sso',
        field: 'status',
        oldValue: 'drafted',
        newValue: 'needs-decision',
      }),
      entry({
        entity: 'workstream',
        entityKey: 'identity-sso',
        field: 'status',
        oldValue: 'needs-decision',
        newValue: 'drafted',
        actor: 'UOWNER01',
      }),
      entry({
        entity: 'workstream',
        entityKey: 'identity-sso',
        field: 'status',
        oldValue: 'drafted',
        newValue: 'blocked',
        actor: 'UOWNER01',
      }),
      entry({
        entity: 'risk',
        entityKey: '7',
        field: 'severity',
        oldValue: 'low',
        newValue: 'high',
        actor: 'UOWNER01',
      }),
      entry({
        entity: 'readiness',
        entityKey: '3',
        field: 'signal',
        oldValue: 'partial',
        newValue: 'ready',
        actor: 'UADMIN01',
      }),
      entry({
        entity: 'action',
        entityKey: '9',
        field: 'done',
        oldValue: 'false',
        newValue: 'true',
        actor: 'UOWNER01',
      }),
    ];

    const base = baseFromHistory(stored, history, 'import');

    expect(base.workstreams[0]).toMatchObject({ status: 'needs-decision', blocker: 'legal review' });
    expect(base.risks.find((r) => r.id === 7)?.severity).toBe('low');
    expect(base.readiness[0]?.signal).toBe('partial');
    expect(base.actions[0]?.done).toBe(false);
  });

  it('takes a field the import wrote after Slack’s change as the store has it', () => {
    const history = [
      entry({
        entity: 'workstream',
        entityKey: 'identity-sso',
        field: 'status',
        oldValue: 'drafted',
        newValue: 'needs-decision',
        actor: 'UOWNER01',
      }),
      entry({
        entity: 'workstream',
        entityKey: 'identity-sso',
        field: 'status',
        oldValue: 'needs-decision',
        newValue: 'blocked',
      }),
    ];

    expect(baseFromHistory(stored, history, 'import').workstreams[0]?.status).toBe('blocked');
  });

  it('leaves out an item created in Slack that no import has touched since', () => {
    const history = [entry({ entity: 'risk', entityKey: '8', field: 'created', actor: 'UOWNER01' })];

    expect(baseFromHistory(stored, history, 'import').risks.map((r) => r.id)).toEqual([7]);
  });

  it('is the store as it is when only imports changed it', () => {
    expect(baseFromHistory(stored, [], 'import')).toEqual(storedAsFile(stored));
  });
});
