import type { Db } from '../db/open.js';
import type { FieldChange } from '../domain/edit-fields.js';
import type { MilestoneField, MilestoneValues } from '../domain/milestone-edits.js';
import { createdEntry, HistoryWriter } from './history-writer.js';
import {
  type Attribution,
  atomically,
  GUARD_SQL,
  guard,
  type LastChange,
  lastChangeReader,
  who,
} from './list-writes.js';

export interface MilestoneAdd extends Attribution {
  values: MilestoneValues & { key: string };
}

export interface MilestoneEdit extends Attribution {
  id: number;
  /** The history's entity_key: milestones are recorded under their key, as the importer records them. */
  key: string;
  /** The milestone's name after the edit. */
  label: string;
  expectedVersion: number;
  next: MilestoneValues;
  changes: readonly FieldChange<MilestoneField>[];
}

/**
 * Writes to milestones from Slack. Each call is one transaction (a savepoint inside the caller's) holding the
 * row and its history entries; an edit returns false, having written nothing, when the row has moved past
 * `expectedVersion`.
 */
export class MilestoneWrites {
  private readonly s;
  private readonly history: HistoryWriter;
  private readonly atomically: <T>(work: () => T) => T;

  constructor(db: Db) {
    this.s = prepare(db);
    this.history = new HistoryWriter(db);
    this.atomically = atomically(db);
  }

  /** Inserts the milestone at the end of the list, with its "created" entry; returns its id. */
  add(add: MilestoneAdd): number {
    return this.atomically(() => {
      const id = Number(this.s.insert.run({ programId: add.programId, ...add.values }).lastInsertRowid);
      this.history.record(add.programId, {
        ...createdEntry('milestone', add.values.key, add.values.name),
        ...who(add),
      });
      return id;
    });
  }

  edit(edit: MilestoneEdit): boolean {
    return this.atomically(() => {
      const written = this.s.update.run({ ...guard(edit), ...edit.next });
      if (written.changes !== 1) return false;
      this.history.recordChanges(
        edit.programId,
        { entity: 'milestone', entityKey: edit.key, entityLabel: edit.label },
        edit.changes,
        who(edit),
      );
      return true;
    });
  }

  lastChange(programId: number, key: string): LastChange | undefined {
    return this.s.lastChange(programId, 'milestone', key);
  }
}

function prepare(db: Db) {
  return {
    insert: db.prepare(
      `INSERT INTO milestones (program_id, key, position, name, owner, target, baseline, version)
       VALUES (@programId, @key, (SELECT COALESCE(MAX(position) + 1, 0) FROM milestones WHERE program_id = @programId),
         @name, @owner, @target, @baseline, 1)`,
    ),
    update: db.prepare(
      `UPDATE milestones SET name = @name, owner = @owner, target = @target, baseline = @baseline,
         version = version + 1
       ${GUARD_SQL}`,
    ),
    lastChange: lastChangeReader(db),
  };
}
