import type { Db } from '../db/open.js';
import type { DecisionAsk, DecisionHistoryField, DecisionRecordValues } from '../domain/decision-edits.js';
import type { FieldChange } from '../domain/edit-fields.js';
import { createdEntry, HistoryWriter } from './history-writer.js';
import {
  type Attribution,
  atomically,
  GUARD_SQL,
  guard,
  type ItemAdd,
  type LastChange,
  lastChangeReader,
  who,
} from './list-writes.js';
import { type WorkstreamWrite, WorkstreamWrites } from './workstream-writes.js';

/** A version-guarded write of one decision: who, which, the version it was opened on, what changes. */
export interface DecisionWrite<V> extends Attribution {
  id: number;
  /** The history's entity_label: the decision's question (after the edit). */
  label: string;
  expectedVersion: number;
  next: V;
  /** One history entry each. */
  changes: readonly FieldChange<DecisionHistoryField>[];
}

export interface DecisionRecordWrite extends DecisionWrite<DecisionRecordValues> {
  /**
   * A blocked workstream moved on by the same save: written as its owner's update is (its own version
   * guard, one history entry per changed field), or nothing at all is written.
   */
  workstream?: Omit<WorkstreamWrite, 'programId' | 'actor' | 'at'> | undefined;
}

/** Why a write did not happen: which row had moved past the version its form was opened on. */
export type DecisionWriteResult = { ok: true } | { ok: false; stale: 'decision' | 'workstream' };

/** A write that found its row moved on: rolls back what the transaction wrote so far. */
class Stale extends Error {
  constructor(readonly which: 'decision' | 'workstream') {
    super(`${which} changed since the form was opened`);
  }
}

/**
 * Writes to the decision register. Each call is one transaction (a savepoint inside the caller's) holding
 * the decision's row, its history entries and, when recording moves a workstream on, that workstream's row
 * and history: together or not at all.
 */
export class DecisionWrites {
  private readonly s;
  private readonly history: HistoryWriter;
  private readonly workstreams: WorkstreamWrites;
  private readonly atomically: <T>(work: () => T) => T;

  constructor(db: Db) {
    this.s = prepare(db);
    this.history = new HistoryWriter(db);
    this.workstreams = new WorkstreamWrites(db);
    this.atomically = atomically(db);
  }

  /** Inserts an open decision with its "created" entry; returns its id. */
  add(add: ItemAdd<DecisionAsk>): number {
    return this.atomically(() => this.insert(add));
  }

  /** Changes what the decision asks (question, workstreams, deciders, needed-by). */
  edit(edit: DecisionWrite<DecisionAsk>): DecisionWriteResult {
    return this.guarded(edit, () => this.s.updateAsk.run({ ...guard(edit), ...askRow(edit.next) }));
  }

  /** Decided, with its outcome; and, in the same transaction, the workstream it held up moved on. */
  record(rec: DecisionRecordWrite): DecisionWriteResult {
    return this.guarded(rec, () => {
      const written = this.s.record.run({
        ...guard(rec),
        outcome: rec.next.outcome,
        decidedBy: rec.next.decidedBy.join(','),
        decidedAt: rec.next.decidedAt,
        link: rec.next.link,
      });
      if (written.changes === 1 && rec.workstream) {
        const moved = this.workstreams.apply({
          ...rec.workstream,
          programId: rec.programId,
          actor: rec.actor,
          at: rec.at,
        });
        if (!moved) throw new Stale('workstream');
      }
      return written;
    });
  }

  /**
   * A decision made without having been asked first (recorded from a message): added and recorded as one
   * write, so the register never shows it open.
   */
  addDecided(
    add: ItemAdd<DecisionAsk>,
    rec: Omit<DecisionRecordWrite, 'id' | 'expectedVersion' | 'label'>,
  ): { ok: true; id: number } | { ok: false; stale: 'decision' | 'workstream' } {
    try {
      return this.atomically(() => {
        const id = this.insert(add);
        const result = this.record({ ...rec, id, label: add.values.question, expectedVersion: 1 });
        if (!result.ok) throw new Stale(result.stale);
        return { ok: true, id } as const;
      });
    } catch (error) {
      if (error instanceof Stale) return { ok: false, stale: error.which };
      throw error;
    }
  }

  defer(write: DecisionWrite<{ neededBy: string; reason: string }>): DecisionWriteResult {
    return this.guarded(write, () =>
      this.s.settle.run({
        ...guard(write),
        state: 'deferred',
        neededBy: write.next.neededBy,
        reason: write.next.reason,
      }),
    );
  }

  withdraw(write: DecisionWrite<{ reason: string }>): DecisionWriteResult {
    return this.guarded(write, () =>
      this.s.settle.run({ ...guard(write), state: 'withdrawn', neededBy: null, reason: write.next.reason }),
    );
  }

  /** The most recent history entry of a decision, to name who changed it when an edit comes too late. */
  lastChange(programId: number, id: number): LastChange | undefined {
    return this.s.lastChange(programId, 'decision', String(id));
  }

  private insert(add: ItemAdd<DecisionAsk>): number {
    const id = Number(
      this.s.insert.run({ programId: add.programId, ...askRow(add.values), at: add.at }).lastInsertRowid,
    );
    this.history.record(add.programId, {
      ...createdEntry('decision', String(id), add.values.question),
      ...who(add),
    });
    return id;
  }

  /** The guarded update, then its history entries; a stale row anywhere undoes the whole write. */
  private guarded<V>(write: DecisionWrite<V>, update: () => { changes: number }): DecisionWriteResult {
    try {
      return this.atomically(() => {
        if (update().changes !== 1) throw new Stale('decision');
        this.history.recordChanges(
          write.programId,
          { entity: 'decision', entityKey: String(write.id), entityLabel: write.label },
          write.changes,
          who(write),
        );
        return { ok: true } as const;
      });
    } catch (error) {
      if (error instanceof Stale) return { ok: false, stale: error.which };
      throw error;
    }
  }
}

function askRow(ask: DecisionAsk) {
  return {
    question: ask.question,
    workstreams: ask.workstreams.join(','),
    deciders: ask.deciders.join(','),
    neededBy: ask.neededBy,
  };
}

function prepare(db: Db) {
  return {
    // New decisions go to the end of the register, as they would on the page.
    insert: db.prepare(
      `INSERT INTO decisions (program_id, position, question, workstreams, deciders, needed_by, state, opened_at)
       VALUES (@programId, (SELECT COALESCE(MAX(position) + 1, 0) FROM decisions WHERE program_id = @programId),
         @question, @workstreams, @deciders, @neededBy, 'open', @at)`,
    ),
    updateAsk: db.prepare(
      `UPDATE decisions SET question = @question, workstreams = @workstreams, deciders = @deciders,
         needed_by = @neededBy, version = version + 1
       ${GUARD_SQL}`,
    ),
    record: db.prepare(
      `UPDATE decisions SET state = 'decided', outcome = @outcome, decided_by = @decidedBy,
         decided_at = @decidedAt, link = @link, version = version + 1
       ${GUARD_SQL}`,
    ),
    // A withdrawn decision keeps its needed-by date (COALESCE): it says when it had been needed.
    settle: db.prepare(
      `UPDATE decisions SET state = @state, needed_by = COALESCE(@neededBy, needed_by), reason = @reason,
         version = version + 1
       ${GUARD_SQL}`,
    ),
    lastChange: lastChangeReader(db),
  };
}
