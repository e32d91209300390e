import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { type Db, openDatabase } from '../../src/db/open.js';
import type { ProgramFileInput } from '../../src/domain/program-file.js';
import { ProgramRepo } from '../../src/store/program-repo.js';
import { WorkstreamWrites } from '../../src/store/workstream-writes.js';
import { importFixture, OTHER_OWNER, OWNER, smallProgram } from '../support/programs.js';

const FIRST = new Date('2026-11-02T09:00:00Z');
const SECOND = new Date('2026-11-09T09:00:00Z');

const DROPPED_RISK = 'identity decisions stay abstract and block entitlement implementation';
const DROPPED_ACTION = 'confirm owner and meeting path for Okta/identity decisions';

/** The small program with a second risk and action, so that dropping one of each leaves a list behind. */
function fullProgram(overrides: Partial<ProgramFileInput> = {}): ProgramFileInput {
  const base = smallProgram();
  return smallProgram({
    risks: [...(base.risks ?? []), { text: 'hosting budget not approved', severity: 'medium' }],
    actions: [...(base.actions ?? []), { text: 'book the readiness review' }],
    ...overrides,
  });
}

/** The same program without Kanopy hosting, the identity risk, hosting readiness and the Okta action. */
function trimmedProgram(overrides: Partial<ProgramFileInput> = {}): ProgramFileInput {
  const full = fullProgram();
  return fullProgram({
    workstreams: (full.workstreams ?? []).filter((w) => w.key !== 'kanopy-hosting'),
    risks: (full.risks ?? []).filter((r) => r.text !== DROPPED_RISK),
    readiness: (full.readiness ?? []).filter((r) => r.name !== 'Hosting readiness'),
    actions: (full.actions ?? []).filter((a) => a.text !== DROPPED_ACTION),
    ...overrides,
  });
}

const TABLES = [
  'programs',
  'program_admins',
  'workstreams',
  'workstream_owners',
  'workstream_dependencies',
  'milestones',
  'risks',
  'readiness',
  'actions',
  'program_references',
  'history',
  'import_bases',
];

/** Every row the import writes to, to compare the store before and after. */
function dump(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

function column(db: Db, sql: string): unknown[] {
  return db.prepare(sql).pluck().all();
}

describe('importProgram re-import', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rollout-import-'));
    db = openDatabase(join(dir, 'rollout.db'));
    migrate(db);
    importFixture(db, fullProgram(), FIRST);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('deletes a workstream, risk, readiness dimension and action the file no longer has, one "removed" entry each', () => {
    const id = (sql: string, param: string) => db.prepare(sql).pluck().get(param) as number;
    const riskId = id('SELECT id FROM risks WHERE text = ?', DROPPED_RISK);
    const readinessId = id('SELECT id FROM readiness WHERE name = ?', 'Hosting readiness');
    const actionId = id('SELECT id FROM actions WHERE text = ?', DROPPED_ACTION);

    const result = importFixture(db, trimmedProgram(), SECOND);

    expect(result).toMatchObject({ slug: 'builder-insights', created: false, changes: 4 });
    expect(column(db, 'SELECT key FROM workstreams ORDER BY position')).toEqual([
      'identity-sso',
      'readiness-gating',
    ]);
    // The dropped workstream's owners go with it.
    expect(column(db, `SELECT user_id FROM workstream_owners WHERE user_id = '${OTHER_OWNER}'`)).toEqual([]);
    expect(column(db, 'SELECT text FROM risks')).toEqual(['hosting budget not approved']);
    expect(column(db, 'SELECT name FROM readiness')).toEqual(['Identity readiness']);
    expect(column(db, 'SELECT text FROM actions')).toEqual(['book the readiness review']);

    const entries = db
      .prepare(
        `SELECT entity, entity_key, entity_label, field, old_value, new_value, actor FROM history
         WHERE at = ? ORDER BY id`,
      )
      .all(SECOND.toISOString());
    expect(entries).toEqual([
      {
        entity: 'workstream',
        entity_key: 'kanopy-hosting',
        entity_label: 'Kanopy hosting',
        field: 'removed',
        old_value: 'Kanopy hosting',
        new_value: null,
        actor: 'import',
      },
      {
        entity: 'risk',
        entity_key: String(riskId),
        entity_label: DROPPED_RISK,
        field: 'removed',
        old_value: DROPPED_RISK,
        new_value: null,
        actor: 'import',
      },
      {
        entity: 'readiness',
        entity_key: String(readinessId),
        entity_label: 'Hosting readiness',
        field: 'removed',
        old_value: 'Hosting readiness',
        new_value: null,
        actor: 'import',
      },
      {
        entity: 'action',
        entity_key: String(actionId),
        entity_label: DROPPED_ACTION,
        field: 'removed',
        old_value: DROPPED_ACTION,
        new_value: null,
        actor: 'import',
      },
    ]);

    const program = new ProgramRepo(db).get('builder-insights');
    expect(program?.workstreams.map((w) => w.key)).toEqual(['identity-sso', 'readiness-gating']);
    expect(program?.risks.map((r) => r.text)).toEqual(['hosting budget not approved']);
  });

  it('importing the same file again removes nothing and writes no history', () => {
    const before = dump(db);
    expect(importFixture(db, fullProgram(), SECOND).changes).toBe(0);
    const after = dump(db);
    // Only the program's updated_at may move; every item row and the history stay as they were.
    expect({ ...after, programs: [] }).toEqual({ ...before, programs: [] });
  });

  it('leaves the store as it was when the re-import fails part-way (one transaction)', () => {
    const before = dump(db);
    // The actions are synced last: by then the workstream, risk and readiness are deleted and logged.
    db.exec("CREATE TRIGGER refuse BEFORE DELETE ON actions BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");

    expect(() => importFixture(db, trimmedProgram({ name: 'Renamed by a bad import' }), SECOND)).toThrow(
      'disk on fire',
    );

    expect(dump(db)).toEqual(before);
    expect(new ProgramRepo(db).get('builder-insights')?.name).toBe('Builder Insights operationalization');
  });
});

describe('importProgram merge base', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rollout-import-'));
    db = openDatabase(join(dir, 'rollout.db'));
    migrate(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const base = () =>
    JSON.parse(db.prepare('SELECT file FROM import_bases').pluck().get() as string) as {
      risks: { id?: number; text: string }[];
      actions: { id?: number; text: string }[];
    };

  /** Identity and SSO set to Blocked by its owner, as the update form writes it. */
  function blockIdentity(at: Date): void {
    const program = new ProgramRepo(db).get('builder-insights');
    const identity = program?.workstreams.find((w) => w.key === 'identity-sso');
    if (!program || !identity) throw new Error('program is missing');
    const written = new WorkstreamWrites(db).apply({
      programId: program.id,
      workstream: identity,
      expectedVersion: identity.version,
      next: { ...identity, status: 'blocked' },
      changes: [{ field: 'status', oldValue: identity.status, newValue: 'blocked' }],
      actor: OWNER,
      at: at.toISOString(),
      note: '',
    });
    expect(written).toBe(true);
  }

  const identityStatus = () =>
    db.prepare("SELECT status FROM workstreams WHERE key = 'identity-sso'").pluck().get();

  it('keeps the file it applied as the base, its risks and actions with their rows’ ids', () => {
    importFixture(db, fullProgram(), FIRST);

    const stored = base();

    expect(stored.risks.map((r) => [r.id, r.text])).toEqual(
      db.prepare('SELECT id, text FROM risks ORDER BY position').raw().all(),
    );
    expect(stored.actions.map((a) => [a.id, a.text])).toEqual(
      db.prepare('SELECT id, text FROM actions ORDER BY position').raw().all(),
    );
  });

  it('leaves the store and the base as they were when conflicts stop an import', () => {
    importFixture(db, fullProgram(), FIRST);
    blockIdentity(FIRST);
    const before = dump(db);
    const baseBefore = base();
    const conflicting = fullProgram();
    const identity = conflicting.workstreams?.find((w) => w.key === 'identity-sso');
    if (identity) identity.status = 'in-discovery';

    const stopped = importFixture(db, conflicting, SECOND);

    expect(stopped).toMatchObject({ applied: false, changes: 0 });
    expect(stopped.conflicts).toHaveLength(1);
    expect(dump(db)).toEqual(before);
    expect(base()).toEqual(baseBefore);
  });

  it('rebuilds the base of a program imported before bases were kept from its history, keeping Slack’s edit', () => {
    importFixture(db, fullProgram(), FIRST);
    // As a database from before migration 003 holds it: the program, its history, no base.
    db.exec('DELETE FROM import_bases');
    blockIdentity(FIRST);
    const kanopy = fullProgram();
    const hosting = kanopy.workstreams?.find((w) => w.key === 'kanopy-hosting');
    if (hosting) hosting.status = 'needs-validation';

    const result = importFixture(db, kanopy, SECOND);

    expect(result).toMatchObject({ applied: true, changes: 1, conflicts: [] });
    expect(identityStatus()).toBe('blocked');
    expect(db.prepare("SELECT status FROM workstreams WHERE key = 'kanopy-hosting'").pluck().get()).toBe(
      'needs-validation',
    );
  });

  it('sees a conflict, not an overwrite, where a program without a base was changed on both sides', () => {
    importFixture(db, fullProgram(), FIRST);
    db.exec('DELETE FROM import_bases');
    blockIdentity(FIRST);
    const conflicting = fullProgram();
    const identity = conflicting.workstreams?.find((w) => w.key === 'identity-sso');
    if (identity) identity.status = 'in-discovery';

    const result = importFixture(db, conflicting, SECOND);

    expect(result.applied).toBe(false);
    expect(result.conflicts.map((c) => c.conflict)).toEqual([
      expect.objectContaining({
        item: 'identity-sso',
        field: 'status',
        base: 'needs-decision',
        slack: 'blocked',
      }),
    ]);
    expect(result.conflicts[0]?.lastEdit).toEqual({ actor: OWNER, at: FIRST.toISOString() });
    expect(identityStatus()).toBe('blocked');
  });
});

describe('importProgram target dates and milestones', () => {
  let dir: string;
  let db: Db;
  const dated = (target: string, extra: { baseline?: string; gate?: string } = {}) => {
    const base = smallProgram();
    return smallProgram({
      workstreams: (base.workstreams ?? []).map((w) =>
        w.key === 'identity-sso'
          ? { ...w, target, ...(extra.baseline ? { baseline: extra.baseline } : {}) }
          : w,
      ),
      milestones: [
        {
          key: 'gate',
          name: 'Internal readiness gate',
          target: extra.gate ?? '2027-01-15',
          depends_on: ['identity-sso'],
        },
        { name: 'Broader internal rollout timing', owner: OWNER, depends_on: ['gate', 'kanopy-hosting'] },
      ],
    });
  };
  const identity = () =>
    new ProgramRepo(db).get('builder-insights')?.workstreams.find((w) => w.key === 'identity-sso');
  const history = (entity: string) =>
    db
      .prepare(
        'SELECT entity_key AS k, field, old_value AS old, new_value AS new FROM history WHERE entity = ? ORDER BY id',
      )
      .all(entity);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rollout-dates-'));
    db = openDatabase(join(dir, 'rollout.db'));
    migrate(db);
    importFixture(db, dated('2027-01-18'), FIRST);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes the first target as the baseline and keeps it when the target moves, the move in the history', () => {
    expect(identity()).toMatchObject({ target: '2027-01-18', baseline: '2027-01-18' });

    importFixture(db, dated('2027-02-01'), SECOND);

    expect(identity()).toMatchObject({ target: '2027-02-01', baseline: '2027-01-18' });
    expect(history('workstream').filter((h) => (h as { field: string }).field === 'target')).toEqual([
      { k: 'identity-sso', field: 'target', old: '2027-01-18', new: '2027-02-01' },
    ]);
  });

  it('re-baselines when the file gives a baseline, and records that too', () => {
    importFixture(db, dated('2027-02-01', { baseline: '2027-02-01' }), SECOND);

    expect(identity()).toMatchObject({ target: '2027-02-01', baseline: '2027-02-01' });
    expect(history('workstream').map((h) => (h as { field: string }).field)).toEqual(
      expect.arrayContaining(['target', 'baseline']),
    );
  });

  it('keeps milestones by key, with owner, dates and dependencies on workstreams and milestones', () => {
    const program = new ProgramRepo(db).get('builder-insights');
    expect(program?.milestones).toEqual([
      expect.objectContaining({
        key: 'gate',
        target: '2027-01-15',
        baseline: '2027-01-15',
        dependsOn: ['identity-sso'],
      }),
      expect.objectContaining({
        key: 'broader-internal-rollout-timing',
        owner: OWNER,
        target: null,
        dependsOn: ['gate', 'kanopy-hosting'],
      }),
    ]);

    importFixture(db, dated('2027-01-18', { gate: '2027-01-29' }), SECOND);

    const gate = new ProgramRepo(db).get('builder-insights')?.milestones[0];
    expect(gate).toMatchObject({
      id: program?.milestones[0]?.id,
      target: '2027-01-29',
      baseline: '2027-01-15',
      version: 2,
    });
    expect(history('milestone').slice(-1)).toEqual([
      { k: 'gate', field: 'target', old: '2027-01-15', new: '2027-01-29' },
    ]);
  });
});
