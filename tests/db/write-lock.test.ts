import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../src/db/open.js';
import { isDatabaseBusy, writeTransaction } from '../../src/db/write-lock.js';

let dir: string;
let db: Db;
let other: Db;

const rows = () => db.prepare('SELECT x FROM t ORDER BY x').pluck().all();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rollout-lock-'));
  db = openDatabase(join(dir, 'rollout.db'), { writeWaitMs: 50 });
  db.exec('CREATE TABLE t (x INTEGER)');
  other = openDatabase(join(dir, 'rollout.db'), { writeWaitMs: 0 });
});
afterEach(() => {
  if (other.inTransaction) other.exec('ROLLBACK');
  other.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('writeTransaction', () => {
  it('holds the write lock from its start: another connection cannot write until it is done', () => {
    const seen = writeTransaction(db, () => {
      let refused: unknown;
      try {
        other.prepare('INSERT INTO t VALUES (2)').run();
      } catch (error) {
        refused = error;
      }
      db.prepare('INSERT INTO t VALUES (1)').run();
      return refused;
    });
    expect(isDatabaseBusy(seen)).toBe(true);
    expect(rows()).toEqual([1]);
  });

  it('gives up with SQLITE_BUSY when another process keeps the lock, having written nothing', () => {
    other.exec('BEGIN IMMEDIATE');
    let thrown: unknown;
    try {
      writeTransaction(db, () => db.prepare('INSERT INTO t VALUES (1)').run());
    } catch (error) {
      thrown = error;
    }
    expect(isDatabaseBusy(thrown)).toBe(true);
    other.exec('ROLLBACK');
    expect(rows()).toEqual([]);
    // The next write, once the lock is free, goes through and the wait is as it was.
    writeTransaction(db, () => db.prepare('INSERT INTO t VALUES (1)').run());
    expect(rows()).toEqual([1]);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(50);
  });

  it('rolls everything back when its function throws', () => {
    expect(() =>
      writeTransaction(db, () => {
        db.prepare('INSERT INTO t VALUES (1)').run();
        throw new Error('half done');
      }),
    ).toThrow('half done');
    expect(rows()).toEqual([]);
  });
});
