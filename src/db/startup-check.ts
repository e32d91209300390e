import { checkWritable, findDamage } from './health.js';
import type { Db } from './open.js';
import { isDatabaseBusy } from './write-lock.js';

/** A database the server must not start on; the message is for the operator, naming the file and what to do. */
export class DatabaseProblem extends Error {
  override name = 'DatabaseProblem';
}

const RESTORE =
  'Stop every Rollout process, keep a copy of the file, and restore the last backup (or salvage what is left with `sqlite3 FILE .recover`).';

const PERMISSIONS =
  'Check that the user running Rollout may write the file and its folder (SQLite keeps FILE-wal and FILE-shm beside it), that the disk is not mounted read-only, and that it has free space.';

/** What an operator should do about an error SQLite raised on this file; undefined when it is not SQLite's. */
export function explainDatabaseError(error: unknown, path: string): string | undefined {
  if (error instanceof DatabaseProblem) return error.message;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const said = error instanceof Error ? error.message : String(error);
  if (isDatabaseBusy(error))
    return `The database at ${path} stayed locked by another process (${said}): a long \`rollout import\`? Try again once it has finished.`;
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code))
    return `The database at ${path} is damaged (${said}). ${RESTORE.replaceAll('FILE', path)}`;
  if (/^SQLITE_(READONLY|CANTOPEN|IOERR|FULL|PERM)/.test(code))
    return `The database at ${path} cannot be written (${said}). ${PERMISSIONS.replaceAll('FILE', path)}`;
  return undefined;
}

/**
 * Refuses, before the server listens, a database it could only fail on later: damaged pages (every page is
 * read: PRAGMA quick_check), or a file it may read but not write (the server would answer /rollout status
 * and lose every edit). Throws DatabaseProblem.
 */
export function checkDatabaseAtStart(db: Db, path: string): void {
  const damage = findDamage(db);
  if (damage) {
    throw new DatabaseProblem(
      `The database at ${path} is damaged (${damage}). ${RESTORE.replaceAll('FILE', path)}`,
    );
  }
  const health = checkWritable(db);
  if (!health.ok) {
    throw new DatabaseProblem(
      `The database at ${path} cannot be written (${health.problem}). ${PERMISSIONS.replaceAll('FILE', path)}`,
    );
  }
}
