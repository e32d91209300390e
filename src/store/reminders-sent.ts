import type { Db } from '../db/open.js';

/**
 * Who got their reminder in which week. A row is claimed BEFORE the DM is sent, so two sweeps (or two
 * servers) cannot both send it; a DM that fails gives its claim back for a later sweep. A person's weekly
 * DM covers every program they are reminded for: one row per program, under the person's own ISO week.
 */
export class RemindersSent {
  private readonly q;
  private readonly claimWeekTx: (
    userId: string,
    weekKey: string,
    programIds: readonly number[],
    at: string,
  ) => boolean;

  constructor(db: Db) {
    this.q = {
      hasWeek: db
        .prepare<[string, string], number>(
          'SELECT COUNT(*) FROM reminders_sent WHERE week_key = ? AND user_id = ?',
        )
        .pluck(),
      releaseWeek: db.prepare('DELETE FROM reminders_sent WHERE week_key = ? AND user_id = ?'),
      claim: db.prepare(
        'INSERT OR IGNORE INTO reminders_sent (program_id, week_key, user_id, sent_at) VALUES (?, ?, ?, ?)',
      ),
    };
    const tx = db.transaction(
      (userId: string, weekKey: string, programIds: readonly number[], at: string) => {
        if (this.hasWeek(userId, weekKey)) return false;
        for (const id of programIds) this.q.claim.run(id, weekKey, userId, at);
        return true;
      },
    );
    // IMMEDIATE: the check and the insert under one write lock, so two servers cannot both see "none yet".
    this.claimWeekTx = (userId, weekKey, programIds, at) => tx.immediate(userId, weekKey, programIds, at);
  }

  /** True when this call took the person's claim for `weekKey` (under every program the DM covers). */
  claimWeek(userId: string, weekKey: string, programIds: readonly number[], at: Date): boolean {
    return this.claimWeekTx(userId, weekKey, programIds, at.toISOString());
  }

  hasWeek(userId: string, weekKey: string): boolean {
    return (this.q.hasWeek.get(weekKey, userId) ?? 0) > 0;
  }

  releaseWeek(userId: string, weekKey: string): void {
    this.q.releaseWeek.run(weekKey, userId);
  }
}
