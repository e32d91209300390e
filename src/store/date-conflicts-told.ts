import type { Db } from '../db/open.js';

/** One conflict as recorded: the keys of what is due too early and of what it depends on. */
export interface ConflictKey {
  subject: string;
  upstream: string;
}

/**
 * Which date conflicts a program's owners were told about. A conflict is claimed before its owners are
 * told (so that two sweeps, or a sweep and an edit, tell them once) and forgotten when it goes away (so
 * that it is told again if it comes back).
 */
export class DateConflictsTold {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      claim: db.prepare<[number, string, string, string]>(
        'INSERT OR IGNORE INTO date_conflicts_told (program_id, subject, upstream, told_at) VALUES (?, ?, ?, ?)',
      ),
      all: db.prepare<[number], ConflictKey>(
        'SELECT subject, upstream FROM date_conflicts_told WHERE program_id = ?',
      ),
      forget: db.prepare<[number, string, string]>(
        'DELETE FROM date_conflicts_told WHERE program_id = ? AND subject = ? AND upstream = ?',
      ),
    };
  }

  /** True when this call recorded the conflict (nobody was told about it yet). */
  claim(programId: number, c: ConflictKey, at: Date): boolean {
    return this.s.claim.run(programId, c.subject, c.upstream, at.toISOString()).changes === 1;
  }

  /** Forgets every told conflict of the program that is not among `current`; returns how many. */
  forgetAllBut(programId: number, current: readonly ConflictKey[]): number {
    const live = new Set(current.map(keyOf));
    let forgotten = 0;
    for (const told of this.s.all.all(programId)) {
      if (live.has(keyOf(told))) continue;
      forgotten += this.s.forget.run(programId, told.subject, told.upstream).changes;
    }
    return forgotten;
  }
}

function keyOf(c: ConflictKey): string {
  return `${c.subject}>${c.upstream}`;
}
