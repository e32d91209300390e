import type { Db } from './open.js';
import { isDatabaseBusy } from './write-lock.js';

export type DatabaseHealth =
  | {
      ok: true /** Another process holds the write lock right now: writable, but writes wait their turn. */;
      busy: boolean;
    }
  | { ok: false; problem: string };

/** Errors that say the file itself cannot be trusted or written, as opposed to a busy or a bad query. */
const BROKEN = /^SQLITE_(CORRUPT|NOTADB|READONLY|IOERR|FULL|CANTOPEN)/;

/** The first such error each connection met in use: it does not heal by itself, so health stays failed. */
const broken = new WeakMap<Db, string>();

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = codeOf(error);
  return code ? `${message} (${code})` : message;
}

/** True for an error of the file itself (malformed, read-only, I/O); such an error is kept for `checkWritable`. */
export function noteDatabaseError(db: Db, error: unknown): boolean {
  if (!BROKEN.test(codeOf(error))) return false;
  if (!broken.has(db)) broken.set(db, describe(error));
  return true;
}

/**
 * A cheap check that the database can still be written: takes the write lock without waiting, makes a write
 * that changes nothing (a read-only file refuses it, though it grants the lock), and rolls back. A lock held
 * by another process is reported as busy, not as a failure. Also fails once the connection met a malformed
 * page or an I/O error in use (see noteDatabaseError).
 */
export function checkWritable(db: Db): DatabaseHealth {
  const earlier = broken.get(db);
  if (earlier) return { ok: false, problem: earlier };
  // Never the case between requests (every transaction is synchronous); rolling back another's would be worse.
  if (db.inTransaction) return { ok: true, busy: true };
  let waitMs: number | undefined;
  try {
    waitMs = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma('busy_timeout = 0');
    db.exec('BEGIN IMMEDIATE');
    const version = db.pragma('user_version', { simple: true }) as number;
    db.pragma(`user_version = ${version}`);
    return { ok: true, busy: false };
  } catch (error) {
    if (isDatabaseBusy(error)) return { ok: true, busy: true };
    noteDatabaseError(db, error);
    return { ok: false, problem: describe(error) };
  } finally {
    if (db.open && db.inTransaction) db.exec('ROLLBACK');
    if (db.open && waitMs !== undefined) db.pragma(`busy_timeout = ${waitMs}`);
  }
}

/**
 * Every page of the file read and checked (PRAGMA quick_check): seconds on a large file, so for the start
 * only. Undefined when sound, else what SQLite found.
 */
export function findDamage(db: Db): string | undefined {
  try {
    const rows = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    const found = rows.map((r) => r.quick_check).filter((line) => line !== 'ok');
    return found.length ? found.slice(0, 5).join('; ') : undefined;
  } catch (error) {
    return describe(error);
  }
}
