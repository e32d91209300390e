import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkWritable, findDamage, noteDatabaseError } from '../../src/db/health.js';
import { migrate } from '../../src/db/migrate.js';
import { type Db, openDatabase } from '../../src/db/open.js';
import { checkDatabaseAtStart, DatabaseProblem } from '../../src/db/startup-check.js';
import { damageTable } from '../support/damaged-database.js';

let dir: string;
let path: string;
const opened: Db[] = [];

function open(options?: Database.Options): Db {
  const db = options ? new Database(path, options) : openDatabase(path);
  opened.push(db);
  return db;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rollout-health-'));
  path = join(dir, 'rollout.db');
  const db = openDatabase(path);
  migrate(db);
  db.close();
});
afterEach(() => {
  for (const db of opened.splice(0)) {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('checkWritable', () => {
  it('is ok on a writable file, and leaves nothing written nor any transaction open', () => {
    const db = open();
    const before = db.pragma('data_version', { simple: true });
    expect(checkWritable(db)).toEqual({ ok: true, busy: false });
    expect(db.inTransaction).toBe(false);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1000);
    const other = open();
    expect(other.pragma('data_version', { simple: true })).toBe(before);
  });

  it('fails on a database that can be read but not written', () => {
    const db = open({ readonly: true });
    expect(db.prepare('SELECT count(*) FROM programs').pluck().get()).toBe(0);
    expect(checkWritable(db)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('SQLITE_READONLY'),
    });
  });

  it('says busy, without waiting, while another connection holds the write lock', () => {
    const db = open();
    const other = open();
    other.exec('BEGIN IMMEDIATE');
    expect(checkWritable(db)).toEqual({ ok: true, busy: true });
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1000);
  });

  it('stays failed once the connection met a malformed page', () => {
    const db = open();
    const malformed = Object.assign(new Error('database disk image is malformed'), {
      code: 'SQLITE_CORRUPT',
    });
    expect(noteDatabaseError(db, new Error('a bug of ours'))).toBe(false);
    expect(checkWritable(db).ok).toBe(true);
    expect(noteDatabaseError(db, malformed)).toBe(true);
    expect(checkWritable(db)).toMatchObject({ ok: false, problem: expect.stringContaining('malformed') });
  });
});

describe('checks at start', () => {
  it('find a malformed page that no query has read yet', () => {
    damageTable(path, 'history');
    const damaged = open();
    expect(findDamage(damaged)).toBeDefined();
    expect(() => checkDatabaseAtStart(damaged, path)).toThrow(DatabaseProblem);
    expect(() => checkDatabaseAtStart(damaged, path)).toThrow(/is damaged/);
  });

  it('refuse a read-only database, naming the file', () => {
    const db = open({ readonly: true });
    expect(findDamage(db)).toBeUndefined();
    expect(() => checkDatabaseAtStart(db, path)).toThrow(new RegExp(`${path}.*cannot be written`));
  });

  it('pass a sound, writable database', () => {
    expect(() => checkDatabaseAtStart(open(), path)).not.toThrow();
  });
});
