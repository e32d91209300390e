import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MigrationError, migrate } from '../../src/db/migrate.js';
import { type Db, openDatabase } from '../../src/db/open.js';

let dir: string;
let db: Db;

const tables = () =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
const recorded = () =>
  db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all() as string[];

/** A migrations folder of our own, so broken and renamed files never touch the real one. */
function migrationsDir(files: Record<string, string>): string {
  const path = join(dir, `migrations-${Object.keys(files).join('-')}`);
  mkdirSync(path);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(path, name), sql);
  return path;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rollout-migrate-'));
  db = openDatabase(join(dir, 'rollout.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migrate', () => {
  it('applies the real migrations once; a second run applies nothing', () => {
    const first = migrate(db);
    expect(first.applied.length).toBeGreaterThan(0);
    expect(recorded()).toEqual(first.applied);
    expect(tables()).toContain('programs');

    expect(migrate(db)).toEqual({ applied: [] });
    db.close();
    db = openDatabase(join(dir, 'rollout.db'));
    expect(migrate(db)).toEqual({ applied: [] });
  });

  it('applies only the files added since the last run', () => {
    const v1 = migrationsDir({ '001_a.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY);' });
    expect(migrate(db, v1).applied).toEqual(['001_a.sql']);
    const v2 = migrationsDir({
      '001_a.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY);',
      '002_b.sql': 'CREATE TABLE b (id INTEGER PRIMARY KEY);',
    });
    expect(migrate(db, v2).applied).toEqual(['002_b.sql']);
    expect(recorded()).toEqual(['001_a.sql', '002_b.sql']);
  });

  it('rolls a failing migration back entirely and does not record it', () => {
    const broken = migrationsDir({
      '001_good.sql': 'CREATE TABLE good (id INTEGER PRIMARY KEY);',
      '002_broken.sql': `
        CREATE TABLE half_one (id INTEGER PRIMARY KEY);
        INSERT INTO good (id) VALUES (1);
        CREATE TABLE half_two (id INTEGER PRIMARY KEY, oops NOT A TYPE (;
      `,
    });
    expect(() => migrate(db, broken)).toThrow(MigrationError);
    expect(() => migrate(db, broken)).toThrow(/002_broken\.sql/);
    expect(tables()).not.toContain('half_one');
    expect(tables()).not.toContain('half_two');
    expect(db.prepare('SELECT count(*) FROM good').pluck().get()).toBe(0);
    expect(recorded()).toEqual(['001_good.sql']);

    const fixed = migrationsDir({
      '001_good.sql': 'CREATE TABLE good (id INTEGER PRIMARY KEY);',
      '002_fixed.sql': 'CREATE TABLE half_one (id INTEGER PRIMARY KEY);',
    });
    expect(migrate(db, fixed).applied).toEqual(['002_fixed.sql']);
  });

  it('refuses a database whose applied migrations are not a prefix of the files, naming the file', () => {
    const files = {
      '001_a.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY);',
      '002_b.sql': 'CREATE TABLE b (id INTEGER PRIMARY KEY);',
    };
    const original = migrationsDir(files);
    migrate(db, original);

    renameSync(join(original, '002_b.sql'), join(original, '002_renamed.sql'));
    expect(() => migrate(db, original)).toThrow(MigrationError);
    expect(() => migrate(db, original)).toThrow(/002_b\.sql/);

    const removed = migrationsDir({ '001_a.sql': files['001_a.sql'] });
    expect(() => migrate(db, removed)).toThrow(/002_b\.sql.*no such file/);
    expect(recorded()).toEqual(['001_a.sql', '002_b.sql']);
  });

  it('refuses a .sql file that is not named like a migration instead of skipping it', () => {
    const misnamed = migrationsDir({
      '001_a.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY);',
      '2-b.sql': 'CREATE TABLE b (id INTEGER PRIMARY KEY);',
    });
    expect(() => migrate(db, misnamed)).toThrow(MigrationError);
    expect(() => migrate(db, misnamed)).toThrow(/2-b\.sql/);
    expect(tables()).not.toContain('a');
  });

  it('orders files by their number, so 1000_ comes after 999_', () => {
    const path = migrationsDir({
      '1000_late.sql': 'CREATE TABLE late (id INTEGER) STRICT;',
      '999_early.sql': 'CREATE TABLE early (id INTEGER) STRICT;',
    });
    expect(migrate(db, path).applied).toEqual(['999_early.sql', '1000_late.sql']);
  });

  it('records when each file was applied, by the clock it is given', () => {
    const path = migrationsDir({ '001_a.sql': 'CREATE TABLE a (id INTEGER) STRICT;' });
    migrate(db, path, () => new Date('2026-11-25T08:00:00Z'));
    expect(db.prepare('SELECT applied_at FROM schema_migrations').pluck().get()).toBe(
      '2026-11-25T08:00:00.000Z',
    );
  });
});
