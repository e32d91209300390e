import type { Db } from '../db/open.js';
import type { RunRecord } from '../domain/digest-log.js';

/** Why a run was started: the schedule, a catch-up after downtime or a failure, or a person. */
export type DigestTrigger = 'schedule' | 'catch-up' | 'manual' | 'forced';

export interface DigestRun extends RunRecord {
  id: number;
  programId: number;
  digestKey: string;
  trigger: DigestTrigger;
}

export type Claim =
  /** This process holds the run and may post. `retry` when an earlier attempt may have reached Slack. */
  | { kind: 'claimed'; run: DigestRun; retry: boolean }
  | { kind: 'posted'; run: DigestRun }
  /** Another process claimed it moments ago and may be posting now. */
  | { kind: 'busy'; run: DigestRun };

export interface ClaimRequest {
  programId: number;
  slug: string;
  weekKey: string;
  channel: string;
  trigger: DigestTrigger;
  /** Who claims: host and process, for the run log. */
  by: string;
  now: Date;
  /** A claim older than this is taken to be from a process that died while posting. */
  leaseMs: number;
  /** Send another digest this week even if one is out (a new seq). */
  force?: boolean;
}

const COLUMNS = `id, program_id AS programId, week_key AS weekKey, seq, digest_key AS digestKey, status, trigger,
  claimed_at AS claimedAt, claimed_by AS claimedBy, posted_at AS postedAt, channel, message_ts AS messageTs,
  attempts, error`;

/**
 * The digest run log. A run is claimed under a unique (program, week, seq) key in an IMMEDIATE transaction
 * before anything is posted, so two processes (the server and `rollout digest --send`, or two servers) can
 * never both post the week's digest.
 */
export class DigestRuns {
  private readonly q;
  private readonly claimTx: (req: ClaimRequest) => Claim;

  constructor(db: Db) {
    this.q = {
      bySeq: db.prepare<[number, string, number], DigestRun>(
        `SELECT ${COLUMNS} FROM digest_runs WHERE program_id = ? AND week_key = ? AND seq = ?`,
      ),
      maxSeq: db
        .prepare<[number, string], number | null>(
          'SELECT MAX(seq) FROM digest_runs WHERE program_id = ? AND week_key = ?',
        )
        .pluck(),
      byId: db.prepare<[number], DigestRun>(`SELECT ${COLUMNS} FROM digest_runs WHERE id = ?`),
      insert: db.prepare(
        `INSERT INTO digest_runs (program_id, week_key, seq, digest_key, status, trigger, claimed_at, claimed_by,
           channel, attempts)
         VALUES (@programId, @weekKey, @seq, @digestKey, 'claimed', @trigger, @at, @by, @channel, 1)`,
      ),
      reclaim: db.prepare(
        `UPDATE digest_runs SET status = 'claimed', trigger = @trigger, claimed_at = @at, claimed_by = @by,
           channel = @channel, attempts = attempts + 1 WHERE id = @id`,
      ),
      posted: db.prepare(
        `UPDATE digest_runs SET status = 'posted', posted_at = @at, message_ts = @ts, channel = @channel,
           error = NULL WHERE id = @id`,
      ),
      // Only while this process still holds the claim: one taken over must not be overwritten.
      failed: db.prepare(
        `UPDATE digest_runs SET status = 'failed', error = @error
         WHERE id = @id AND status = 'claimed' AND claimed_by = @by AND attempts = @attempts`,
      ),
      renew: db.prepare(
        `UPDATE digest_runs SET claimed_at = @at
         WHERE id = @id AND status = 'claimed' AND claimed_by = @by AND attempts = @attempts`,
      ),
      lastPosted: db.prepare<[number], DigestRun>(
        `SELECT ${COLUMNS} FROM digest_runs WHERE program_id = ? AND status = 'posted' ORDER BY posted_at DESC LIMIT 1`,
      ),
      forProgram: db.prepare<[number, number], DigestRun>(
        `SELECT ${COLUMNS} FROM digest_runs WHERE program_id = ? ORDER BY week_key DESC, seq DESC LIMIT ?`,
      ),
    };
    this.claimTx = (req) => db.transaction(() => this.decideClaim(req)).immediate();
  }

  claim(req: ClaimRequest): Claim {
    return this.claimTx(req);
  }

  markPosted(id: number, channel: string, ts: string, at: Date): DigestRun {
    this.q.posted.run({ id, channel, ts, at: at.toISOString() });
    return this.byId(id);
  }

  /** Records a failure of the attempt `run` was claimed for, unless another process has taken it over. */
  markFailed(run: DigestRun, by: string, error: string): DigestRun {
    this.q.failed.run({ id: run.id, by, attempts: run.attempts, error: error.slice(0, 1000) });
    return this.byId(run.id);
  }

  /**
   * Extends the claim of the attempt `run` was claimed for; false when the lease ran out and another process
   * took the run over (it will post, so this one must not).
   */
  renew(run: DigestRun, by: string, at: Date): boolean {
    return this.q.renew.run({ id: run.id, by, attempts: run.attempts, at: at.toISOString() }).changes === 1;
  }

  byId(id: number): DigestRun {
    return this.q.byId.get(id) as DigestRun;
  }

  lastPosted(programId: number): DigestRun | undefined {
    return this.q.lastPosted.get(programId);
  }

  /** The week's regular run (seq 0), if any. */
  weekRun(programId: number, weekKey: string): DigestRun | undefined {
    return this.q.bySeq.get(programId, weekKey, 0);
  }

  /** Newest week first. */
  list(programId: number, limit = 52): DigestRun[] {
    return this.q.forProgram.all(programId, limit);
  }

  private decideClaim(req: ClaimRequest): Claim {
    const at = req.now.toISOString();
    const week = this.weekRun(req.programId, req.weekKey);
    let seq = 0;
    if (req.force && week) {
      // An extra digest: a fresh run, so the week's own record stays as it was.
      seq = (this.q.maxSeq.get(req.programId, req.weekKey) ?? 0) + 1;
    } else if (week) {
      if (week.status === 'posted') return { kind: 'posted', run: week };
      const age = req.now.getTime() - Date.parse(week.claimedAt);
      if (week.status === 'claimed' && age < req.leaseMs) return { kind: 'busy', run: week };
      this.q.reclaim.run({ id: week.id, trigger: req.trigger, at, by: req.by, channel: req.channel });
      return { kind: 'claimed', run: this.byId(week.id), retry: true };
    }
    const digestKey = `${req.slug}/${req.weekKey}/${seq}`;
    const id = Number(
      this.q.insert.run({
        programId: req.programId,
        weekKey: req.weekKey,
        seq,
        digestKey,
        trigger: req.force ? 'forced' : req.trigger,
        at,
        by: req.by,
        channel: req.channel,
      }).lastInsertRowid,
    );
    return { kind: 'claimed', run: this.byId(id), retry: false };
  }
}
