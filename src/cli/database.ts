import { existsSync } from 'node:fs';
import { loadDatabaseConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { type Db, openDatabase } from '../db/open.js';
import { type CliContext, CliError } from './context.js';

/** `--db` wins over DATABASE_PATH, which defaults to ./data/rollout.db as for the server. */
export function databasePath(option: string | undefined, ctx: CliContext): string {
  return option ?? loadDatabaseConfig(ctx.env).databasePath;
}

/**
 * Opens and migrates the database, runs `use`, and always closes it. `mustExist` is for commands that only
 * read: a mistyped path should say so rather than create an empty database and report it has no programs.
 */
export function withDatabase<T>(
  path: string,
  use: (db: Db, applied: string[]) => T,
  opts: { mustExist?: boolean } = {},
): T {
  const db = open(path, opts);
  try {
    const { applied } = migrate(db);
    return use(db, applied);
  } finally {
    db.close();
  }
}

/** `withDatabase` for a command that waits on Slack: the database stays open until `use` settles. */
export async function withDatabaseAsync<T>(
  path: string,
  use: (db: Db, applied: string[]) => Promise<T>,
  opts: { mustExist?: boolean } = {},
): Promise<T> {
  const db = open(path, opts);
  try {
    const { applied } = migrate(db);
    return await use(db, applied);
  } finally {
    db.close();
  }
}

function open(path: string, opts: { mustExist?: boolean }): Db {
  if (opts.mustExist && path !== ':memory:' && !existsSync(path)) {
    throw new CliError(`No database at ${path}. Pass --db PATH or set DATABASE_PATH.`);
  }
  try {
    return openDatabase(path);
  } catch (error) {
    throw new CliError(`Cannot open the database at ${path}: ${(error as Error).message}.`);
  }
}
