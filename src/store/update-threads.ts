import type { Db } from '../db/open.js';

export interface UpdateThreadKey {
  programId: number;
  workstreamKey: string;
  /** ISO week key in the program's time zone, e.g. "2026-W48". */
  week: string;
}

export interface UpdateThread {
  channel: string;
  /** NULL while claimed and its parent message not yet posted. */
  ts: string | null;
  /** When the row was (last) claimed, ISO. */
  claimedAt: string;
}

/**
 * The parent message of each workstream's weekly thread in the updates channel. The row is claimed
 * BEFORE the parent is posted, so two saves at once cannot both post one; a failed post gives it back.
 */
export class UpdateThreads {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      claim: db.prepare(
        `INSERT INTO update_threads (program_id, workstream_key, week, channel, ts, claimed_at)
         VALUES (?, ?, ?, ?, NULL, ?)
         ON CONFLICT (program_id, workstream_key, week) DO NOTHING`,
      ),
      reclaim: db.prepare(
        `UPDATE update_threads SET ts = NULL, channel = ?, claimed_at = ?
         WHERE program_id = ? AND workstream_key = ? AND week = ? AND ts = ?`,
      ),
      takeOver: db.prepare(
        `UPDATE update_threads SET claimed_at = ?
         WHERE program_id = ? AND workstream_key = ? AND week = ? AND ts IS NULL AND claimed_at = ?`,
      ),
      record: db.prepare(
        'UPDATE update_threads SET ts = ? WHERE program_id = ? AND workstream_key = ? AND week = ? AND ts IS NULL',
      ),
      release: db.prepare(
        'DELETE FROM update_threads WHERE program_id = ? AND workstream_key = ? AND week = ? AND ts IS NULL',
      ),
      get: db.prepare<[number, string, string], UpdateThread>(
        'SELECT channel, ts, claimed_at AS claimedAt FROM update_threads WHERE program_id = ? AND workstream_key = ? AND week = ?',
      ),
    };
  }

  /** This week's thread, claimed or posted; undefined when nobody has claimed it. */
  get(k: UpdateThreadKey): UpdateThread | undefined {
    return this.q.get.get(k.programId, k.workstreamKey, k.week);
  }

  /** True when this call took the claim; false when the week already has a (claimed or posted) parent. */
  claim(k: UpdateThreadKey, channel: string, at: Date): boolean {
    return this.q.claim.run(k.programId, k.workstreamKey, k.week, channel, at.toISOString()).changes === 1;
  }

  /**
   * Takes the claim again over a parent that is gone (deleted in Slack): true for the one caller whose
   * `staleTs` still matched, so two saves that both find it gone post one new parent between them.
   */
  reclaim(k: UpdateThreadKey, staleTs: string, channel: string, at: Date): boolean {
    return (
      this.q.reclaim.run(channel, at.toISOString(), k.programId, k.workstreamKey, k.week, staleTs).changes ===
      1
    );
  }

  /** Takes over a claim whose parent never got posted (its save died): true for one caller only. */
  takeOver(k: UpdateThreadKey, claimedAt: string, at: Date): boolean {
    return (
      this.q.takeOver.run(at.toISOString(), k.programId, k.workstreamKey, k.week, claimedAt).changes === 1
    );
  }

  /** Records the posted parent's ts on a claimed row. */
  record(k: UpdateThreadKey, ts: string): void {
    this.q.record.run(ts, k.programId, k.workstreamKey, k.week);
  }

  /** Gives back a claim whose parent could not be posted, so the next change tries again. */
  release(k: UpdateThreadKey): void {
    this.q.release.run(k.programId, k.workstreamKey, k.week);
  }
}
