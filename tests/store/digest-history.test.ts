import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { type Db, openDatabase } from '../../src/db/open.js';
import { buildDigest } from '../../src/domain/digest-content.js';
import type { HistoryEntry } from '../../src/domain/program.js';
import { DigestHistory } from '../../src/store/digest-history.js';
import { HistoryWriter } from '../../src/store/history-writer.js';
import { ProgramRepo } from '../../src/store/program-repo.js';
import { importFixture, smallProgram } from '../support/programs.js';

describe('DigestHistory', () => {
  let db: Db;
  let programId: number;
  const all = () =>
    db
      .prepare(
        `SELECT id, entity, entity_key AS entityKey, entity_label AS entityLabel, field, old_value AS oldValue,
                new_value AS newValue, actor, at, note FROM history WHERE program_id = ? AND at >= ? ORDER BY id`,
      )
      .all(programId, '2026-11-23T00:00:00.000Z') as HistoryEntry[];

  beforeEach(() => {
    db = openDatabase(':memory:');
    migrate(db);
    ({ programId } = importFixture(db, smallProgram(), new Date('2026-11-01T00:00:00Z')));
    const history = new HistoryWriter(db);
    const move = (
      entityKey: string,
      field: string,
      oldValue: string,
      newValue: string,
      at: string,
      entity: HistoryEntry['entity'] = 'workstream',
    ) =>
      history.record(programId, {
        entity,
        entityKey,
        entityLabel: entityKey,
        field,
        oldValue,
        newValue,
        actor: 'U1',
        at,
        note: '',
      });
    db.transaction(() => {
      move('identity-sso', 'status', 'drafted', 'needs-decision', '2026-11-20T00:00:00.000Z'); // before the week
      move('identity-sso', 'status', 'needs-decision', 'blocked', '2026-11-24T00:00:00.000Z');
      move('identity-sso', 'status', 'blocked', 'drafted', '2026-11-25T00:00:00.000Z');
      move('identity-sso', 'status', 'drafted', 'done', '2026-11-26T00:00:00.000Z');
      move('identity-sso', 'blocker', 'a', 'b', '2026-11-24T00:00:00.000Z'); // not a digest field
      move('kanopy-hosting', 'risk', 'medium', 'high', '2026-11-24T00:00:00.000Z');
      move('1', 'severity', 'high', 'low', '2026-11-25T00:00:00.000Z', 'risk');
    })();
  });
  afterEach(() => db.close());

  it('returns the first and last entry of each digest move in the week, oldest first', () => {
    const ends = new DigestHistory(db).changesSince(programId, '2026-11-23T00:00:00.000Z');
    expect(ends.map((e) => [e.entityKey, e.field, e.oldValue, e.newValue])).toEqual([
      ['identity-sso', 'status', 'needs-decision', 'blocked'],
      ['identity-sso', 'status', 'drafted', 'done'],
      ['kanopy-hosting', 'risk', 'medium', 'high'],
      ['1', 'severity', 'high', 'low'],
    ]);
  });

  it('gives the digest the same "what changed" as the whole history would', () => {
    const program = new ProgramRepo(db).getById(programId);
    if (!program) throw new Error('no program');
    const asOf = new Date('2026-11-30T17:00:00Z');
    const fromEnds = buildDigest({
      program,
      asOf,
      changesSince: new DigestHistory(db).changesSince(programId, '2026-11-23T00:00:00.000Z'),
    });
    const fromAll = buildDigest({ program, asOf, changesSince: all() });
    expect(fromEnds.changes).toEqual(fromAll.changes);
    expect(fromEnds.changes.length).toBeGreaterThan(0);
  });

  it('returns decisions’ state moves, which say what was decided, and none of their other fields', () => {
    const history = new HistoryWriter(db);
    const decisionMove = (field: string, oldValue: string, newValue: string, at: string) =>
      history.record(programId, {
        entity: 'decision',
        entityKey: '7',
        entityLabel: 'Which Okta path?',
        field,
        oldValue,
        newValue,
        actor: 'U1',
        at,
        note: '',
      });
    db.transaction(() => {
      decisionMove('state', 'open', 'deferred', '2026-11-24T00:00:00.000Z');
      decisionMove('outcome', '', 'Okta', '2026-11-25T00:00:00.000Z');
      decisionMove('state', 'deferred', 'decided', '2026-11-25T00:00:00.000Z');
    })();
    const ends = new DigestHistory(db).changesSince(programId, '2026-11-23T00:00:00.000Z');
    expect(ends.filter((e) => e.entity === 'decision').map((e) => [e.field, e.oldValue, e.newValue])).toEqual(
      [
        ['state', 'open', 'deferred'],
        ['state', 'deferred', 'decided'],
      ],
    );
  });

  it('leaves out what the import that created the program wrote: a baseline, not a change', () => {
    const fresh = openDatabase(':memory:');
    try {
      migrate(fresh);
      const created = new Date('2026-11-24T10:00:00Z');
      const { programId: id } = importFixture(fresh, smallProgram(), created);
      const history = new DigestHistory(fresh);
      const weekBefore = '2026-11-17T10:00:00.000Z';
      // The creation wrote "risk created" entries, which a first digest would report as opened.
      expect(
        fresh.prepare("SELECT count(*) FROM history WHERE field = 'created'").pluck().get(),
      ).toBeGreaterThan(0);
      expect(history.changesSince(id, weekBefore)).toEqual([]);

      const moved = smallProgram();
      const first = moved.workstreams?.[0];
      if (first) first.status = 'blocked';
      if (first) first.blocker = 'waiting on legal';
      importFixture(fresh, moved, new Date('2026-11-25T10:00:00Z'));
      expect(history.changesSince(id, weekBefore).map((e) => [e.field, e.newValue, e.actor])).toEqual([
        ['status', 'blocked', 'import'],
      ]);
    } finally {
      fresh.close();
    }
  });
});
