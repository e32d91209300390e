import type { Db } from '../db/open.js';
import type { FieldChange } from '../domain/edit-fields.js';
import type { NextActionValues, ReadinessValues, RiskValues } from '../domain/list-edits.js';
import type { HistoryEntry } from '../domain/program.js';
import { createdEntry, HistoryWriter } from './history-writer.js';

/** The history's entity names of the program's lists. */
export type ListEntity = 'risk' | 'readiness' | 'action';

/** Who made a write, when and why: recorded with every history entry it adds. */
export interface Attribution {
  programId: number;
  actor: string;
  /** ISO timestamp from the clock. */
  at: string;
  note: string;
}

export interface ItemAdd<V> extends Attribution {
  values: V;
}

export interface ItemEdit<V> extends Attribution {
  id: number;
  /** The history's entity_label: the risk or next action's text, the readiness item's name (after the edit). */
  label: string;
  /** The version the edit was opened on; the row is written only if it is still there. */
  expectedVersion: number;
  next: V;
  /** One history entry each; the caller has checked there is at least one. */
  changes: readonly FieldChange<keyof V & string>[];
}

/** Who last changed an item, from its history (risks, readiness and next actions keep no updated_by). */
export interface LastChange {
  actor: string;
  at: string;
}

/**
 * Writes to top risks, readiness and next actions. Each call is one transaction (a savepoint inside the
 * caller's) holding the row and its history entries. An edit returns false, having written nothing, when the
 * row has moved past `expectedVersion`.
 */
export class ListWrites {
  private readonly s;
  private readonly history: HistoryWriter;
  private readonly atomically: <T>(work: () => T) => T;

  constructor(db: Db) {
    this.s = prepare(db);
    this.history = new HistoryWriter(db);
    this.atomically = atomically(db);
  }

  addRisk(add: ItemAdd<Omit<RiskValues, 'status'>>): number {
    return this.added('risk', add, () =>
      this.s.insertRisk.run({
        programId: add.programId,
        text: add.values.text,
        severity: add.values.severity,
        workstreamId: this.workstreamId(add.programId, add.values.workstream),
        at: add.at,
      }),
    );
  }

  editRisk(edit: ItemEdit<RiskValues>): boolean {
    return this.edited('risk', edit, () =>
      this.s.updateRisk.run({
        ...guard(edit),
        text: edit.next.text,
        severity: edit.next.severity,
        workstreamId: this.workstreamId(edit.programId, edit.next.workstream),
        status: edit.next.status,
        at: edit.at,
      }),
    );
  }

  editReadiness(edit: ItemEdit<ReadinessValues>): boolean {
    return this.edited('readiness', edit, () =>
      this.s.updateReadiness.run({ ...guard(edit), signal: edit.next.signal, note: edit.next.note }),
    );
  }

  addNextAction(add: ItemAdd<Omit<NextActionValues, 'done'>>): number {
    return this.added('action', add, () =>
      this.s.insertNextAction.run({
        programId: add.programId,
        text: add.values.text,
        owner: add.values.owner,
        workstreamId: this.workstreamId(add.programId, add.values.workstream),
        due: add.values.due,
      }),
    );
  }

  editNextAction(edit: ItemEdit<NextActionValues>): boolean {
    return this.edited('action', edit, () =>
      this.s.updateNextAction.run({
        ...guard(edit),
        text: edit.next.text,
        owner: edit.next.owner,
        workstreamId: this.workstreamId(edit.programId, edit.next.workstream),
        due: edit.next.due,
        done: edit.next.done ? 1 : 0,
      }),
    );
  }

  /** The most recent history entry of an item, to name who changed it when an edit comes too late. */
  lastChange(programId: number, entity: ListEntity, id: number): LastChange | undefined {
    return this.s.lastChange(programId, entity, String(id));
  }

  /** Inserts the row and records its "created" entry, together; returns the new row's id. */
  private added(
    entity: ListEntity,
    add: ItemAdd<{ text: string }>,
    insert: () => { lastInsertRowid: number | bigint },
  ): number {
    return this.atomically(() => {
      const id = Number(insert().lastInsertRowid);
      this.history.record(add.programId, {
        ...createdEntry(entity, String(id), add.values.text),
        ...who(add),
      });
      return id;
    });
  }

  /** The version-guarded update and one history entry per changed field, together; false if the guard held. */
  private edited<V>(entity: ListEntity, edit: ItemEdit<V>, update: () => { changes: number }): boolean {
    return this.atomically(() => {
      if (update().changes !== 1) return false;
      this.history.recordChanges(
        edit.programId,
        { entity, entityKey: String(edit.id), entityLabel: edit.label },
        edit.changes,
        who(edit),
      );
      return true;
    });
  }

  private workstreamId(programId: number, key: string | null): number | null {
    return key === null ? null : (this.s.workstreamId.get(programId, key) ?? null);
  }
}

/** A write's who, when and why, as each of its history entries records them. */
export function who(a: Attribution): { actor: string; at: string; note: string } {
  return { actor: a.actor, at: a.at, note: a.note };
}

/** Runs `work` in one transaction (a savepoint inside the caller's), for the writers of items from Slack. */
export function atomically(db: Db): <T>(work: () => T) => T {
  const transaction = db.transaction((work: () => unknown) => work());
  return <T>(work: () => T) => transaction(work) as T;
}

/** The guard's parameters: the row is written only while it is still at the version the edit was opened on. */
export function guard(edit: { id: number; programId: number; expectedVersion: number }) {
  return { id: edit.id, programId: edit.programId, expectedVersion: edit.expectedVersion };
}

/** The guard's condition, on those parameters. */
export const GUARD_SQL = 'WHERE id = @id AND program_id = @programId AND version = @expectedVersion';

/** The most recent history entry of any item, to name who changed it when an edit comes too late. */
export function lastChangeReader(
  db: Db,
): (programId: number, entity: HistoryEntry['entity'], entityKey: string) => LastChange | undefined {
  const statement = db.prepare<[number, string, string], LastChange>(
    `SELECT actor, at FROM history WHERE program_id = ? AND entity = ? AND entity_key = ?
     ORDER BY id DESC LIMIT 1`,
  );
  return (programId, entity, entityKey) => statement.get(programId, entity, entityKey);
}

function prepare(db: Db) {
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
       ${GUARD_SQL}`,
    ),
    updateReadiness: db.prepare(
      `UPDATE readiness SET signal = @signal, note = @note, version = version + 1 ${GUARD_SQL}`,
    ),
    insertNextAction: db.prepare(
      `INSERT INTO actions (program_id, position, text, owner, workstream_id, due, done)
       VALUES (@programId, (SELECT COALESCE(MAX(position) + 1, 0) FROM actions WHERE program_id = @programId),
         @text, @owner, @workstreamId, @due, 0)`,
    ),
    updateNextAction: db.prepare(
      `UPDATE actions SET text = @text, owner = @owner, workstream_id = @workstreamId, due = @due, done = @done,
         version = version + 1
       ${GUARD_SQL}`,
    ),
    lastChange: lastChangeReader(db),
  };
}
