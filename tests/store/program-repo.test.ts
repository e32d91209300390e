import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { type Db, openDatabase } from '../../src/db/open.js';
import { ProgramRepo } from '../../src/store/program-repo.js';
import { importFixture, smallProgram } from '../support/programs.js';

describe('ProgramRepo', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rollout-repo-'));
    db = openDatabase(join(dir, 'rollout.db'));
    migrate(db);
    importFixture(db, smallProgram());
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands out the same frozen program until the database changes', () => {
    const repo = new ProgramRepo(db);
    const first = repo.get('builder-insights');
    if (!first) throw new Error('no program');
    expect(repo.get('builder-insights')).toBe(first);
    expect(Object.isFrozen(first.workstreams[0])).toBe(true);
    expect(() => {
      (first.workstreams as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('gives a snapshot: the list and the programs it names, as get() hands them out, until a change', () => {
    const repo = new ProgramRepo(db);
    const { programs, read } = repo.snapshot();
    expect(programs.map((p) => p.slug)).toEqual(['builder-insights']);
    const program = read(programs[0]?.id ?? -1);
    expect(program).toBe(repo.get('builder-insights'));
    expect(read(9999)).toBeUndefined();

    db.prepare("UPDATE workstreams SET status = 'done' WHERE key = 'identity-sso'").run();
    const next = repo.snapshot();
    const changed = next.read(next.programs[0]?.id ?? -1);
    expect(changed).not.toBe(program);
    expect(changed?.workstreams.find((w) => w.key === 'identity-sso')?.status).toBe('done');
  });

  it('reads every program whole with all(), the same objects get() hands out', () => {
    importFixture(db, smallProgram({ slug: 'second', name: 'Second' }));
    const repo = new ProgramRepo(db);
    const all = repo.all();
    expect(all.map((p) => p.slug).sort()).toEqual(['builder-insights', 'second']);
    for (const program of all) expect(repo.get(program.slug)).toBe(program);
  });

  it('reads again after a write on this connection', () => {
    const repo = new ProgramRepo(db);
    const before = repo.get('builder-insights');
    db.prepare("UPDATE workstreams SET status = 'done' WHERE key = 'identity-sso'").run();
    const after = repo.get('builder-insights');
    expect(after).not.toBe(before);
    expect(after?.workstreams.find((w) => w.key === 'identity-sso')?.status).toBe('done');
  });

  it('never hands out what a rolled-back transaction wrote (services read inside their transactions)', () => {
    const repo = new ProgramRepo(db);
    const before = repo.get('builder-insights');
    const failing = db.transaction(() => {
      db.prepare("UPDATE workstreams SET status = 'done' WHERE key = 'identity-sso'").run();
      expect(repo.get('builder-insights')?.workstreams.find((w) => w.key === 'identity-sso')?.status).toBe(
        'done',
      );
      throw new Error('rolled back');
    });
    expect(() => failing()).toThrow('rolled back');
    const after = repo.get('builder-insights');
    expect(after?.workstreams.find((w) => w.key === 'identity-sso')?.status).toBe(
      before?.workstreams.find((w) => w.key === 'identity-sso')?.status,
    );
    expect(after?.workstreams.find((w) => w.key === 'identity-sso')?.status).not.toBe('done');
  });

  it('does not hand out a rolled-back read to the next transaction either', () => {
    const repo = new ProgramRepo(db);
    repo.get('builder-insights');
    const failing = db.transaction(() => {
      db.prepare("UPDATE workstreams SET status = 'done' WHERE key = 'identity-sso'").run();
      repo.get('builder-insights');
      throw new Error('rolled back');
    });
    expect(() => failing()).toThrow('rolled back');
    const inNext = db.transaction(() => repo.get('builder-insights'))();
    expect(inNext?.workstreams.find((w) => w.key === 'identity-sso')?.status).not.toBe('done');
  });

  it('serves a transaction from what it keeps while nothing changed, and keeps committed reads', () => {
    const repo = new ProgramRepo(db);
    const before = repo.get('builder-insights');
    expect(db.transaction(() => repo.getById(before?.id ?? 0))()).toBe(before);
    db.transaction(() => {
      db.prepare("UPDATE workstreams SET status = 'done' WHERE key = 'identity-sso'").run();
    })();
    const after = repo.get('builder-insights');
    expect(after?.workstreams.find((w) => w.key === 'identity-sso')?.status).toBe('done');
    expect(repo.get('builder-insights')).toBe(after);
  });

  it('reads again after another process commits (a CLI import while the server runs)', () => {
    const repo = new ProgramRepo(db);
    expect(repo.get('builder-insights')?.name).toBe('Builder Insights operationalization');
    const other = openDatabase(join(dir, 'rollout.db'));
    try {
      importFixture(other, smallProgram({ name: 'Renamed elsewhere' }));
      importFixture(other, smallProgram({ slug: 'second', name: 'Second' }));
    } finally {
      other.close();
    }
    expect(repo.get('builder-insights')?.name).toBe('Renamed elsewhere');
    expect(repo.list().map((p) => p.slug)).toEqual(['builder-insights', 'second']);
  });
});
