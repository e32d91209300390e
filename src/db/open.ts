import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * How long the server's writes wait for another process's write lock. SQLite waits synchronously, so the
 * whole event loop waits with it: short enough that a form still gets its answer within Slack's 3 seconds.
 */
export const SERVER_WRITE_WAIT_MS = 1000;

/** CLI commands and the server's start answer nobody in Slack: they may wait longer for another's write. */
export const ADMIN_WRITE_WAIT_MS = 5000;

export interface OpenOptions {
  /** SQLite's busy_timeout: how long a write waits for the write lock before failing with SQLITE_BUSY. */
  writeWaitMs?: number;
}

/** Opens (creating its folder) the SQLite file with the settings every process of Rollout relies on. */
export function openDatabase(path: string, opts: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // Readers never wait behind a writer, nor a writer behind readers: only writes take turns.
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  setWriteWait(db, opts.writeWaitMs ?? SERVER_WRITE_WAIT_MS);
  // NORMAL in WAL mode may lose the last commits on a power cut: a post recorded as sent could come back
  // as unsent (and be posted twice), an edit confirmed in Slack could vanish.
  db.pragma('synchronous = FULL');
  return db;
}

/** Changes how long this connection's writes wait for the write lock (SQLite's busy_timeout). */
export function setWriteWait(db: Db, ms: number): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.round(ms))}`);
}
