import type { Db } from '../db/open.js';
import { type ChangeSet, groupChangeSets } from '../domain/change-sets.js';
import type { HistoryEntry } from '../domain/program.js';

/**
 * The "recent changes" of one entity, counted in submissions rather than rows, so a view asking for the
 * last 5 never shows half of an edit that changed three fields.
 */
export class HistoryReads {
  private readonly recent;

  constructor(db: Db) {
    this.recent = db.prepare<
      { programId: number; entity: string; entityKey: string; limit: number },
      HistoryEntry
    >(
      `WITH latest AS (
         SELECT actor, at FROM history
         WHERE program_id = @programId AND entity = @entity AND entity_key = @entityKey
         GROUP BY actor, at ORDER BY MAX(id) DESC LIMIT @limit)
       SELECT h.id, h.entity, h.entity_key AS entityKey, h.entity_label AS entityLabel, h.field,
              h.old_value AS oldValue, h.new_value AS newValue, h.actor, h.at, h.note
       FROM history h JOIN latest l ON l.actor = h.actor AND l.at = h.at
       WHERE h.program_id = @programId AND h.entity = @entity AND h.entity_key = @entityKey
       ORDER BY h.id DESC`,
    );
  }

  /** Newest first; at most `limit` change sets. */
  recentChanges(
    programId: number,
    entity: HistoryEntry['entity'],
    entityKey: string,
    limit: number,
  ): ChangeSet[] {
    return groupChangeSets(this.recent.all({ programId, entity, entityKey, limit })).slice(0, limit);
  }
}
