import type { Db } from '../db/open.js';
import { DIGEST_CHANGE_FIELDS } from '../domain/digest-content.js';
import type { HistoryEntry } from '../domain/program.js';
import { HISTORY_ENTRY_COLUMNS } from './history-writer.js';

/**
 * The history a digest needs, and no more: of each status or risk move since the last digest, only the
 * first and the last entry (the digest reports the net move, first old value → last new value). A week of
 * heavy editing can be 100,000 entries; this returns at most two per thing that moved.
 */
export class DigestHistory {
  private readonly ends;

  constructor(db: Db) {
    const pairs = Object.entries(DIGEST_CHANGE_FIELDS).flatMap(([entity, fields]) =>
      fields.map((field) => [entity, field] as const),
    );
    // One index seek per entity and field (history_digest), each grouped by key as the index is ordered:
    // the week's other entries (blocker and snapshot edits, often most of them) are never read. A single
    // scan with the pairs OR-ed together read every entry of the program and was three times slower.
    const branch = `SELECT MIN(id) AS first, MAX(id) AS last FROM history
         WHERE program_id = @program AND entity = ? AND field = ? AND at >= @since GROUP BY entity_key`;
    const statement = db.prepare<unknown[], HistoryEntry>(
      `WITH ends AS (${pairs.map(() => branch).join(' UNION ALL ')})
       SELECT ${HISTORY_ENTRY_COLUMNS}
       FROM history WHERE id IN (SELECT first FROM ends UNION SELECT last FROM ends) ORDER BY id`,
    );
    const params = pairs.flat();
    this.ends = (programId: number, since: string) => statement.all({ program: programId, since }, ...params);
    this.createdAt = db.prepare<[number], string>('SELECT created_at FROM programs WHERE id = ?').pluck();
  }

  private readonly createdAt;

  /**
   * Oldest first; `since` is an ISO timestamp. What the import that created the program wrote is its
   * starting point, not a change: a first digest right after the import must not report every risk as
   * newly opened.
   */
  changesSince(programId: number, since: string): HistoryEntry[] {
    const created = this.createdAt.get(programId);
    const from = created && created >= since ? new Date(Date.parse(created) + 1).toISOString() : since;
    return this.ends(programId, from);
  }
}
