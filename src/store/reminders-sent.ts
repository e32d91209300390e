import type { Db } from '../db/open.js';

/**
 * Which owners got their reminder for which digest week. A row is claimed BEFORE the DM is sent, so two
 * sweeps (or two servers) cannot both send it; a DM that fails gives its claim back for a later sweep.
 */
export class RemindersSent {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      claim: db.prepare(
        'INSERT OR IGNORE INTO reminders_sent (program_id, week_key, user_id, sent_at) VALUES (?, ?, ?, ?)',
      ),
      release: db.prepare('DELETE FROM reminders_sent WHERE program_id = ? AND week_key = ? AND user_id = ?'),
      has: db
        .prepare<[number, string, string], number>(
          'SELECT COUNT(*) FROM reminders_sent WHERE program_id = ? AND week_key = ? AND user_id = ?',
        )
        .pluck(),
    };
  }

  /** True when this call took the claim; false when the owner already has this week's reminder. */
  claim(programId: number, weekKey: string, userId: string, at: Date): boolean {
    return this.q.claim.run(programId, weekKey, userId, at.toISOString()).changes === 1;
  }

  release(programId: number, weekKey: string, userId: string): void {
    this.q.release.run(programId, weekKey, userId);
  }

  has(programId: number, weekKey: string, userId: string): boolean {
    return (this.q.has.get(programId, weekKey, userId) ?? 0) > 0;
  }
}
