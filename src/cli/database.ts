import { existsSync } from 'node:fs';
import { loadDatabaseConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { ADMIN_WRITE_WAIT_MS, type Db, openDatabase } from '../db/open.js';
import { explainDatabaseError } from '../db/startup-check.js';
import { isDatabaseBusy, writeTransaction } from '../db/write-lock.js';
import { type CliContext, CliError } from './context.js';

/** `--db` wins over DATABASE_PATH, which defaults to ./data/rollout.db as for the server. */
export function databasePath(option: string | undefined, ctx: CliContext): string {
  return option ?? loadDatabaseConfig(ctx.env).databasePath;
}

export interface DatabaseOptions {
  /** For commands that only read: a mistyped path should say so, not create an empty database. */
  mustExist?: boolean;
  /**
   * Runs `use` in one transaction holding the write lock from its start (BEGIN IMMEDIATE): what it reads
   * cannot change before it writes. It waits its turn behind the server's writes, at most ADMIN_WRITE_WAIT_MS.
   */
  writeLock?: boolean;
  /** The wait for the write lock; ADMIN_WRITE_WAIT_MS when not given. */
  writeWaitMs?: number | undefined;
}

/**
 * Opens and migrates the database, runs `use`, and always closes it. A lock that stayed held, a damaged or
 * read-only file end in a CliError that says so, not in SQLite's stack trace.
 */
export function withDatabase<T>(
  path: string,
  use: (db: Db, applied: string[]) => T,
  opts: DatabaseOptions = {},
): T {
  const db = open(path, opts);
  try {
    const { applied } = migrate(db);
    return opts.writeLock ? writeTransaction(db, () => use(db, applied)) : use(db, applied);
  } catch (error) {
    throw explained(error, path, opts);
  } finally {
    db.close();
  }
}

/** `withDatabase` for a command that waits on Slack: the database stays open until `use` settles. */
export async function withDatabaseAsync<T>(
  path: string,
  use: (db: Db, applied: string[]) => Promise<T>,
  opts: DatabaseOptions = {},
): Promise<T> {
  const db = open(path, opts);
  try {
    const { applied } = migrate(db);
    return await use(db, applied);
  } catch (error) {
    throw explained(error, path);
  } finally {
    db.close();
  }
}

/** SQLite's errors about the file itself, in words for the person at the terminal; others unchanged. */
function explained(error: unknown, path: string, opts: DatabaseOptions = {}): unknown {
  if (isDatabaseBusy(error)) {
    return new CliError(
      `The database at ${path} is busy: another Rollout process (the server saving an edit, or another ` +
        `command) held its write lock for more than ${(opts.writeWaitMs ?? ADMIN_WRITE_WAIT_MS) / 1000} seconds. Nothing was ` +
        'written; try again.',
    );
  }
  const explanation = error instanceof CliError ? undefined : explainDatabaseError(error, path);
  return explanation ? new CliError(explanation) : error;
}

function open(path: string, opts: DatabaseOptions): Db {
  if (opts.mustExist && path !== ':memory:' && !existsSync(path)) {
    throw new CliError(`No database at ${path}. Pass --db PATH or set DATABASE_PATH.`);
  }
  try {
    return openDatabase(path, { writeWaitMs: opts.writeWaitMs ?? ADMIN_WRITE_WAIT_MS });
  } catch (error) {
    throw new CliError(`Cannot open the database at ${path}: ${(error as Error).message}.`);
  }
}
