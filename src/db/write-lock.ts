import type { Db } from './open.js';

/** SQLite's "another connection holds the write lock" (SQLITE_BUSY and its extended codes). */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** When each connection last gave up waiting for the write lock (performance.now()). */
const gaveUpAt = new WeakMap<Db, number>();

/**
 * Runs `fn` in one transaction that takes the write lock at its start (BEGIN IMMEDIATE), so that what it
 * reads cannot change before it writes. Waits for the lock at most the connection's busy_timeout, then
 * throws SQLITE_BUSY (see isDatabaseBusy) with nothing written.
 *
 * The wait blocks the whole process. After one write gave up, the others in the next busy_timeout try once
 * without waiting: otherwise every submission queued behind the first would wait its own full turn, and
 * the last of them would answer Slack too late.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  const run = db.transaction(fn);
  if (db.inTransaction) return run.immediate();
  const waitMs = db.pragma('busy_timeout', { simple: true }) as number;
  const last = gaveUpAt.get(db);
  const hurry = last !== undefined && performance.now() - last < waitMs;
  if (hurry) db.pragma('busy_timeout = 0');
  try {
    const result = run.immediate();
    gaveUpAt.delete(db);
    return result;
  } catch (error) {
    if (isDatabaseBusy(error) && !hurry) gaveUpAt.set(db, performance.now());
    throw error;
  } finally {
    if (hurry) db.pragma(`busy_timeout = ${waitMs}`);
  }
}
