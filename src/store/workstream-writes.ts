import type { Db } from '../db/open.js';
import { REVIEWED_FIELD } from '../domain/history-fields.js';
import type { WorkstreamChange, WorkstreamValues } from '../domain/workstream-update.js';
import { HistoryWriter } from './history-writer.js';

export interface WorkstreamWrite {
  programId: number;
  workstream: { id: number; key: string; name: string };
  /** The version the edit was opened on; the row is written only if it is still there. */
  expectedVersion: number;
  next: WorkstreamValues;
  /**
   * One history entry each, with `note` unless the change carries its own (a target's reason); none means the
   * owner confirmed it as it is (one "reviewed" entry).
   */
  changes: readonly WorkstreamChange[];
  actor: string;
  /** ISO timestamp from the clock. */
  at: string;
  note: string;
}

/** Writes an owner's edit of a workstream: the row and its history, together or not at all. */
export class WorkstreamWrites {
  private readonly update;
  private readonly history: HistoryWriter;
  private readonly write: (w: WorkstreamWrite) => boolean;

  constructor(db: Db) {
    this.history = new HistoryWriter(db);
    // status_since restarts only when the status itself changes; version moves on with every write.
    this.update = db.prepare(
      `UPDATE workstreams SET status = @status, risk = @risk, state = @state, blocker = @blocker, summary = @summary,
         target = @target, baseline = @baseline, status_since = CASE WHEN status = @status THEN status_since ELSE @at END,
         updated_by = @actor, updated_at = @at, version = version + 1
       WHERE id = @id AND program_id = @programId AND version = @expectedVersion`,
    );
    this.write = db.transaction((w: WorkstreamWrite): boolean => {
      const { changes } = this.update.run({
        ...w.next,
        id: w.workstream.id,
        programId: w.programId,
        expectedVersion: w.expectedVersion,
        actor: w.actor,
        at: w.at,
      });
      if (changes !== 1) return false;
      const entries = w.changes.length
        ? w.changes
        : [{ field: REVIEWED_FIELD, oldValue: null, newValue: null }];
      this.history.recordChanges(
        w.programId,
        { entity: 'workstream', entityKey: w.workstream.key, entityLabel: w.workstream.name },
        entries,
        { actor: w.actor, at: w.at, note: w.note },
      );
      return true;
    });
  }

  /**
   * One transaction (a savepoint when the caller already holds one). False, with nothing written, when the
   * row is no longer at `expectedVersion`; any failure rolls everything back and is thrown.
   */
  apply(w: WorkstreamWrite): boolean {
    return this.write(w);
  }
}
