import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './open.js';
import { isDatabaseBusy } from './write-lock.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

export class MigrationError extends Error {
  override name = 'MigrationError';
}

interface MigrationFile {
  name: string;
  sql: string;
}

const MIGRATION_NAME = /^\d{3,}_[\w-]+\.sql$/;

function readMigrations(dir: string): MigrationFile[] {
  const sqlFiles = readdirSync(dir).filter((name) => name.endsWith('.sql'));
  // A misnamed file would otherwise be skipped without a word and its schema never applied.
  const misnamed = sqlFiles.filter((name) => !MIGRATION_NAME.test(name));
  if (misnamed.length) {
    throw new MigrationError(
      `Migration files must be named like 002_add_reminders.sql; rename ${misnamed.join(', ')} in ${dir}.`,
    );
  }
  return sqlFiles
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b))
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

function checkPrefix(done: string[], files: MigrationFile[]): void {
  done.forEach((name, i) => {
    if (files[i]?.name !== name) {
      throw new MigrationError(
        `Database migrations do not match this version of Rollout: the database has ${name} applied where ` +
          `${files[i] ? `the next file is ${files[i].name}` : 'there is no such file'}. ` +
          'Restore the migrations folder of the version that created this database, or use a matching release.',
      );
    }
  });
}

/**
 * Applies the numbered .sql files not yet applied, each in its own transaction.
 * Refuses to touch a database whose applied migrations are not a prefix of the files
 * (a file renamed, removed, or a database from a newer Rollout): guessing there loses data.
 * Safe when several processes start at once (a server and a CLI command): each file is applied under the
 * database's write lock, after checking again that nobody applied it meanwhile.
 */
export function migrate(
  db: Db,
  dir: string = MIGRATIONS_DIR,
  now: () => Date = () => new Date(),
): { applied: string[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const files = readMigrations(dir);
  const appliedNames = db.prepare('SELECT name FROM schema_migrations').pluck();
  const appliedInOrder = () => {
    const names = new Set(appliedNames.all() as string[]);
    return files
      .filter((f) => names.has(f.name))
      .map((f) => f.name)
      .concat([...names].filter((n) => !files.some((f) => f.name === n)));
  };
  const before = appliedInOrder();
  checkPrefix(before, files);
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  const applied: string[] = [];
  // Only what is missing takes the write lock: an up-to-date database starts without waiting on a writer.
  for (const file of files.filter((f) => !before.includes(f.name))) {
    let ran = false;
    try {
      db.transaction(() => {
        const done = appliedInOrder();
        checkPrefix(done, files);
        if (done.includes(file.name)) return;
        db.exec(file.sql);
        record.run(file.name, now().toISOString());
        ran = true;
      }).immediate();
    } catch (error) {
      // Another process's write lock is not the migration's fault: the caller says so in its own words.
      if (error instanceof MigrationError || isDatabaseBusy(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${reason}`, {
        cause: error,
      });
    }
    if (ran) applied.push(file.name);
  }
  return { applied };
}
