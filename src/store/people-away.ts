import type { Db } from '../db/open.js';

/** Who said they are away (`/rollout away until DATE`), through which day of their own calendar. */
export class PeopleAwayStore {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      set: db.prepare(
        `INSERT INTO people_away (user_id, until, set_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET until = excluded.until, set_at = excluded.set_at`,
      ),
      clear: db.prepare('DELETE FROM people_away WHERE user_id = ?'),
      get: db.prepare<[string], { until: string; setAt: string }>(
        'SELECT until, set_at AS setAt FROM people_away WHERE user_id = ?',
      ),
    };
  }

  set(userId: string, until: string, at: Date): void {
    this.q.set.run(userId, until, at.toISOString());
  }

  /** True when the person had said they were away. */
  clear(userId: string): boolean {
    return this.q.clear.run(userId).changes > 0;
  }

  get(userId: string): { until: string; setAt: string } | undefined {
    return this.q.get.get(userId);
  }
}
