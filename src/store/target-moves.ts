import type { Db } from '../db/open.js';

/** The dated things whose moves the history counts. */
export type DatedEntity = 'workstream' | 'milestone';

/**
 * How many times targets moved, read from the history that every move (from Slack or an import) writes:
 * "moved twice" beside a slip. A first target (from none) is not a move; clearing one or changing it is.
 */
export class TargetMoves {
  private readonly counts;

  constructor(db: Db) {
    this.counts = db.prepare<[number, DatedEntity], { key: string; n: number }>(
      `SELECT entity_key AS key, COUNT(*) AS n FROM history
       WHERE program_id = ? AND entity = ? AND field = 'target' AND old_value IS NOT NULL
       GROUP BY entity_key`,
    );
  }

  /** Moves by key, for every workstream (or milestone) of the program that moved at least once. */
  byKey(programId: number, entity: DatedEntity): Map<string, number> {
    return new Map(this.counts.all(programId, entity).map((r) => [r.key, r.n]));
  }
}
