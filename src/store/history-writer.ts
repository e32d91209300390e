import type { Db } from '../db/open.js';
import type { HistoryEntry } from '../domain/program.js';

/** The history's columns as a HistoryEntry names them, for every read of whole entries. */
export const HISTORY_ENTRY_COLUMNS = `id, entity, entity_key AS entityKey, entity_label AS entityLabel, field,
  old_value AS oldValue, new_value AS newValue, actor, at, note`;

export type HistoryRecord = Omit<HistoryEntry, 'id'>;

/** What changed, without who, when and why. */
export type HistoryFacts = Omit<HistoryRecord, 'actor' | 'at' | 'note'>;

/** An item came into being: its label is the new value. */
export function createdEntry(
  entity: HistoryEntry['entity'],
  entityKey: string,
  entityLabel: string,
): HistoryFacts {
  return { entity, entityKey, entityLabel, field: 'created', oldValue: null, newValue: entityLabel };
}

/** An item is gone: its label is the old value. */
export function removedEntry(
  entity: HistoryEntry['entity'],
  entityKey: string,
  entityLabel: string,
): HistoryFacts {
  return { entity, entityKey, entityLabel, field: 'removed', oldValue: entityLabel, newValue: null };
}

/** The only way rows enter `history`; callers run it inside their own transaction. */
export class HistoryWriter {
  private readonly insert;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO history (program_id, entity, entity_key, entity_label, field, old_value, new_value, actor, at, note)
       VALUES (@programId, @entity, @entityKey, @entityLabel, @field, @oldValue, @newValue, @actor, @at, @note)`,
    );
  }

  record(programId: number, entry: HistoryRecord): void {
    this.insert.run({ programId, ...entry });
  }

  /**
   * One entry per changed field of one item, all with the same who and when, and the same why unless a
   * change brings its own note (a moved date's reason).
   */
  recordChanges(
    programId: number,
    item: Pick<HistoryRecord, 'entity' | 'entityKey' | 'entityLabel'>,
    changes: readonly (Pick<HistoryRecord, 'field' | 'oldValue' | 'newValue'> & { note?: string })[],
    why: Pick<HistoryRecord, 'actor' | 'at' | 'note'>,
  ): void {
    for (const { field, oldValue, newValue, note } of changes)
      this.record(programId, { ...item, field, oldValue, newValue, ...why, note: note ?? why.note });
  }
}
