import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { type Db, openDatabase } from '../../src/db/open.js';
import { ImportBases } from '../../src/store/import-bases.js';
import { importFixture, OWNER, smallProgram } from '../support/programs.js';

const FIRST = new Date('2026-11-02T09:00:00Z');
const SECOND = new Date('2026-11-09T09:00:00Z');

/**
 * A base as an import kept it before the program file had decisions (migration 006), holidays and backups
 * (008) or targets (007): the stored JSON lacks those keys.
 */
function ageBase(db: Db, programId: number): void {
  const row = db.prepare('SELECT file FROM import_bases WHERE program_id = ?').get(programId) as {
    file: string;
  };
  const old = JSON.parse(row.file) as Record<string, unknown> & { workstreams: Record<string, unknown>[] };
  delete old.decisions;
  delete old.holidays;
  for (const w of old.workstreams) {
    delete w.backup_ids;
    delete w.target;
    delete w.baseline;
  }
  db.prepare('UPDATE import_bases SET file = ? WHERE program_id = ?').run(JSON.stringify(old), programId);
}

describe('the base an earlier version of Rollout kept', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rollout-bases-'));
    db = openDatabase(join(dir, 'rollout.db'));
    migrate(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads with what later versions added left at their defaults', () => {
    const { programId } = importFixture(db, smallProgram(), FIRST);
    ageBase(db, programId);
    const base = new ImportBases(db).get(programId);
    expect(base?.decisions).toEqual([]);
    expect(base?.holidays).toEqual([]);
    expect(base?.workstreams.every((w) => Array.isArray(w.backup_ids))).toBe(true);
  });

  it('takes a file that adds decisions, holidays and backups, with no conflict and no crash', () => {
    const { programId } = importFixture(db, smallProgram(), FIRST);
    ageBase(db, programId);
    const next = smallProgram({
      holidays: ['2026-12-25'],
      decisions: [{ question: 'Which Okta path?', workstreams: ['identity-sso'], deciders: [OWNER] }],
    });
    next.workstreams = (next.workstreams ?? []).map((w) =>
      w.key === 'identity-sso' ? { ...w, backup_ids: ['UBACKUP01'] } : w,
    );

    const result = importFixture(db, next, SECOND);
    expect(result.conflicts).toEqual([]);
    expect(result.applied).toBe(true);
    expect(db.prepare('SELECT question FROM decisions').all()).toEqual([{ question: 'Which Okta path?' }]);
    expect(db.prepare('SELECT first_day, last_day FROM program_holidays').all()).toEqual([
      { first_day: '2026-12-25', last_day: '2026-12-25' },
    ]);
  });
});
