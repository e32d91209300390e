import type { Db } from '../db/open.js';
import type { HistoryEntry } from '../domain/program.js';
import { type ProgramFile, parseProgramFile } from '../domain/program-file.js';
import { HISTORY_ENTRY_COLUMNS } from './history-writer.js';

/** Who last changed something, from the history. */
export interface LastEdit {
  actor: string;
  at: string;
}

/**
 * What each program's last import applied (migration 003), and the history reads a re-import's merge needs:
 * the whole history to rebuild the base of a program imported before bases were kept, and who last changed a
 * field in Slack, to name them in a conflict.
 */
export class ImportBases {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      get: db.prepare<[number], string>('SELECT file FROM import_bases WHERE program_id = ?').pluck(),
      put: db.prepare(
        `INSERT INTO import_bases (program_id, file, imported_at) VALUES (@programId, @file, @at)
         ON CONFLICT (program_id) DO UPDATE SET file = excluded.file, imported_at = excluded.imported_at
         WHERE file != excluded.file`,
      ),
      history: db.prepare<[number], HistoryEntry>(
        `SELECT ${HISTORY_ENTRY_COLUMNS}
         FROM history WHERE program_id = ? AND entity IN ('workstream', 'risk', 'readiness', 'action')
         ORDER BY id`,
      ),
      lastFieldEdit: db.prepare<[number, string, string, string, string], LastEdit>(
        `SELECT actor, at FROM history
         WHERE program_id = ? AND entity = ? AND entity_key = ? AND field = ? AND actor != ?
         ORDER BY id DESC LIMIT 1`,
      ),
      lastItemEdit: db.prepare<[number, string, string, string], LastEdit>(
        `SELECT actor, at FROM history WHERE program_id = ? AND entity = ? AND entity_key = ? AND actor != ?
         ORDER BY id DESC LIMIT 1`,
      ),
    };
  }

  /**
   * The base, or undefined for a program not imported since bases were kept (or a base unreadable). Read
   * through the program file's schema, as a file is: a base kept by an earlier version lacks what later ones
   * added (decisions, holidays, backups…), which then takes its default instead of being missing.
   */
  get(programId: number): ProgramFile | undefined {
    const text = this.q.get.get(programId);
    if (text === undefined) return undefined;
    try {
      const parsed = parseProgramFile(JSON.parse(text));
      return parsed.ok ? parsed.program : undefined;
    } catch {
      return undefined;
    }
  }

  put(programId: number, file: ProgramFile, at: string): void {
    this.q.put.run({ programId, file: JSON.stringify(file), at });
  }

  /** Every change to the program's workstreams and lists, oldest first. */
  history(programId: number): HistoryEntry[] {
    return this.q.history.all(programId);
  }

  /** The last change not made by `exceptActor`, of one field or (without a field) of anything of the item. */
  lastEdit(
    programId: number,
    entity: HistoryEntry['entity'],
    entityKey: string,
    field: string | undefined,
    exceptActor: string,
  ): LastEdit | undefined {
    return field === undefined
      ? this.q.lastItemEdit.get(programId, entity, entityKey, exceptActor)
      : this.q.lastFieldEdit.get(programId, entity, entityKey, field, exceptActor);
  }
}
