import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_WRITE_WAIT_MS, type Db, openDatabase, SERVER_WRITE_WAIT_MS } from '../../src/db/open.js';

let dir: string;
let db: Db | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rollout-open-'));
});
afterEach(() => {
  db?.close();
  db = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the missing folders and the file', () => {
    const path = join(dir, 'nested', 'deeper', 'rollout.db');
    db = openDatabase(path);
    expect(existsSync(path)).toBe(true);
  });

  it('turns on WAL, foreign keys and a busy timeout', () => {
    db = openDatabase(join(dir, 'rollout.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });

  it('syncs every commit to disk (synchronous=FULL), so a power cut cannot undo a recorded post', () => {
    db = openDatabase(join(dir, 'rollout.db'));
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('lets the server’s writes wait about a second for the write lock, within Slack’s 3 s; others as told', () => {
    db = openDatabase(join(dir, 'rollout.db'));
    expect(db.pragma('busy_timeout', { simple: true })).toBe(SERVER_WRITE_WAIT_MS);
    expect(SERVER_WRITE_WAIT_MS).toBeLessThanOrEqual(1000);
    const admin = openDatabase(join(dir, 'rollout.db'), { writeWaitMs: ADMIN_WRITE_WAIT_MS });
    expect(admin.pragma('busy_timeout', { simple: true })).toBe(ADMIN_WRITE_WAIT_MS);
    admin.close();
  });

  it('enforces foreign keys', () => {
    db = openDatabase(join(dir, 'rollout.db'));
    db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY);
      CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent(id));`);
    expect(() => db?.prepare('INSERT INTO child (parent_id) VALUES (42)').run()).toThrow(/FOREIGN KEY/);
  });
});
