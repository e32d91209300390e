import type { Db } from '../db/open.js';
import type { FieldChange } from '../domain/edit-fields.js';
import type { ActionValues, ReadinessValues, RiskValues } from '../domain/list-edits.js';
import type { HistoryEntry } from '../domain/program.js';
import { createdEntry, HistoryWriter } from './history-writer.js';

type ListEntity = Extract<HistoryEntry['entity'], 'risk' | 'readiness' | 'action'>;

/** What every list write records in the history besides the values. */
interface Attribution {
  programId: number;
  actor: string;
  /** ISO timestamp from the clock. */
  at: string;
  note: string;
}

export interface ItemAdd<V> extends Attribution {
  values: V;
}

export interface ItemEdit<F extends string, V> extends Attribution {
  id: number;
  /** The history's entity_label: the risk or action text, the dimension's name (after the edit). */
  label: string;
  /** The version the edit was opened on; the row is written only if it is still there. */
  expectedVersion: number;
  next: V;
  /** One history entry each; the caller has checked there is at least one. */
  changes: readonly FieldChange<F>[];
}

/** Who last changed an item, from its history (risks, readiness and actions keep no updated_by). */
export interface LastChange {
  actor: string;
  at: string;
}

/**
 * Writes to top risks, readiness and next actions: each call is one transaction (a savepoint inside the
 * caller's) holding the row and its history entries; an edit returns false, having written nothing, when
 * the row has moved past `expectedVersion`.
 */
export class ListWrites {
  private readonly history: HistoryWriter;
  private readonly s;
  readonly addRisk: (add: ItemAdd<Omit<RiskValues, 'status'>>) => number;
  readonly editRisk: (edit: ItemEdit<keyof RiskValues, RiskValues>) => boolean;
  readonly editReadiness: (edit: ItemEdit<keyof ReadinessValues, ReadinessValues>) => boolean;
  readonly addAction: (add: ItemAdd<Omit<ActionValues, 'done'>>) => number;
  readonly editAction: (edit: ItemEdit<keyof ActionValues, ActionValues>) => boolean;

  constructor(db: Db) {
    this.history = new HistoryWriter(db);
    this.s = prepare(db);
    const s = this.s;
    const workstreamId = (programId: number, key: string | null) =>
      key === null ? null : (s.workstreamId.get(programId, key) ?? null);

    const adding = <V extends { text: string }>(
      entity: ListEntity,
      insert: (add: ItemAdd<V>) => number | bigint,
    ) =>
      db.transaction((add: ItemAdd<V>) => {
        const id = Number(insert(add));
        this.recordCreated(entity, id, add.values.text, add);
        return id;
      });
    const editing = <F extends string, V>(entity: ListEntity, update: (edit: ItemEdit<F, V>) => number) =>
      db.transaction((edit: ItemEdit<F, V>) => update(edit) === 1 && this.recordChanges(entity, edit));
    /** The guard's parameters: the row is written only while it is still at the version the edit was opened on. */
    const guarded = (edit: ItemEdit<string, unknown>) => ({
      id: edit.id,
      programId: edit.programId,
      expectedVersion: edit.expectedVersion,
    });

    this.addRisk = adding(
      'risk',
      (add: ItemAdd<Omit<RiskValues, 'status'>>) =>
        s.insertRisk.run({
          programId: add.programId,
          text: add.values.text,
          severity: add.values.severity,
          workstreamId: workstreamId(add.programId, add.values.workstream),
          at: add.at,
        }).lastInsertRowid,
    );

    this.editRisk = editing(
      'risk',
      (edit: ItemEdit<keyof RiskValues, RiskValues>) =>
        s.updateRisk.run({
          ...guarded(edit),
          text: edit.next.text,
          severity: edit.next.severity,
          workstreamId: workstreamId(edit.programId, edit.next.workstream),
          status: edit.next.status,
          at: edit.at,
        }).changes,
    );

    this.editReadiness = editing(
      'readiness',
      (edit: ItemEdit<keyof ReadinessValues, ReadinessValues>) =>
        s.updateReadiness.run({ ...guarded(edit), signal: edit.next.signal, note: edit.next.note }).changes,
    );

    this.addAction = adding(
      'action',
      (add: ItemAdd<Omit<ActionValues, 'done'>>) =>
        s.insertAction.run({
          programId: add.programId,
          text: add.values.text,
          owner: add.values.owner,
          workstreamId: workstreamId(add.programId, add.values.workstream),
          due: add.values.due,
        }).lastInsertRowid,
    );

    this.editAction = editing(
      'action',
      (edit: ItemEdit<keyof ActionValues, ActionValues>) =>
        s.updateAction.run({
          ...guarded(edit),
          text: edit.next.text,
          owner: edit.next.owner,
          workstreamId: workstreamId(edit.programId, edit.next.workstream),
          due: edit.next.due,
          done: edit.next.done ? 1 : 0,
        }).changes,
    );
  }

  /** The most recent history entry of an item, to name who changed it when an edit comes too late. */
  lastChange(programId: number, entity: ListEntity, id: number): LastChange | undefined {
    return this.s.lastChange.get(programId, entity, String(id));
  }

  private recordCreated(entity: ListEntity, id: number, label: string, who: Attribution): void {
    this.history.record(who.programId, {
      ...createdEntry(entity, String(id), label),
      actor: who.actor,
      at: who.at,
      note: who.note,
    });
  }

  private recordChanges<F extends string, V>(entity: ListEntity, edit: ItemEdit<F, V>): true {
    this.history.recordChanges(
      edit.programId,
      { entity, entityKey: String(edit.id), entityLabel: edit.label },
      edit.changes,
      { actor: edit.actor, at: edit.at, note: edit.note },
    );
    return true;
  }
}

function prepare(db: Db) {
  const guard = 'WHERE id = @id AND program_id = @programId AND version = @expectedVersion';
  return {
    workstreamId: db
      .prepare<[number, string], number>('SELECT id FROM workstreams WHERE program_id = ? AND key = ?')
      .pluck(),
    // New items go to the end of their list, as they would on the page.
    insertRisk: db.prepare(
      `INSERT INTO risks (program_id, position, text, severity, workstream_id, status, opened_at, closed_at)
       VALUES (@programId, (SELECT COALESCE(MAX(position) + 1, 0) FROM risks WHERE program_id = @programId),
         @text, @severity, @workstreamId, 'open', @at, NULL)`,
    ),
    // closed_at follows the status: set when it closes, kept while it stays closed, cleared on reopening.
    updateRisk: db.prepare(
      `UPDATE risks SET text = @text, severity = @severity, workstream_id = @workstreamId, status = @status,
         closed_at = CASE WHEN @status = 'open' THEN NULL WHEN status = 'closed' THEN closed_at ELSE @at END,
         version = version + 1
       ${guard}`,
    ),
    updateReadiness: db.prepare(
      `UPDATE readiness SET signal = @signal, note = @note, version = version + 1 ${guard}`,
    ),
    insertAction: db.prepare(
      `INSERT INTO actions (program_id, position, text, owner, workstream_id, due, done)
       VALUES (@programId, (SELECT COALESCE(MAX(position) + 1, 0) FROM actions WHERE program_id = @programId),
         @text, @owner, @workstreamId, @due, 0)`,
    ),
    updateAction: db.prepare(
      `UPDATE actions SET text = @text, owner = @owner, workstream_id = @workstreamId, due = @due, done = @done,
         version = version + 1
       ${guard}`,
    ),
    lastChange: db.prepare<[number, string, string], LastChange>(
      `SELECT actor, at FROM history WHERE program_id = ? AND entity = ? AND entity_key = ?
       ORDER BY id DESC LIMIT 1`,
    ),
  };
}
