import type { Db } from '../db/open.js';
import { historyValue } from '../domain/edit-fields.js';
import type { HistoryEntry, Program } from '../domain/program.js';
import type { ProgramFile } from '../domain/program-file.js';
import { createdEntry, type HistoryFacts, HistoryWriter, removedEntry } from './history-writer.js';
import { ProgramRepo } from './program-repo.js';

export interface ImportResult {
  programId: number;
  slug: string;
  created: boolean;
  /** History entries written: 0 means the file matched the store. */
  changes: number;
}

type Fields = Record<string, unknown>;

/** Field-by-field comparison; lists compare by content. */
function changedFields(before: Fields, after: Fields): string[] {
  return Object.keys(after).filter((f) => historyValue(before[f]) !== historyValue(after[f]));
}

/**
 * Creates or updates a program from a validated file, in one transaction: the store ends up matching the file,
 * and every difference is written to the history under `actor`.
 */
export function importProgram(db: Db, file: ProgramFile, opts: { actor: string; now: Date }): ImportResult {
  const repo = new ProgramRepo(db);
  const history = new HistoryWriter(db);
  const at = opts.now.toISOString();
  const s = statements(db);

  return db.transaction((): ImportResult => {
    const before = repo.get(file.slug);
    let changes = 0;
    const log = (programId: number, entry: HistoryFacts) => {
      history.record(programId, { ...entry, actor: opts.actor, at, note: '' });
      changes++;
    };
    const diff = (
      programId: number,
      entity: HistoryEntry['entity'],
      entityKey: string,
      entityLabel: string,
      old: Fields,
      next: Fields,
    ): boolean => {
      const fields = changedFields(old, next);
      for (const field of fields) {
        log(programId, {
          entity,
          entityKey,
          entityLabel,
          field,
          oldValue: historyValue(old[field]),
          newValue: historyValue(next[field]),
        });
      }
      return fields.length > 0;
    };

    const programFields = {
      name: file.name,
      summary: file.summary,
      timezone: file.timezone,
      digest_channel: file.digest?.channel ?? null,
      digest_schedule: file.digest?.schedule ?? null,
      reminder_days_before: file.digest ? file.digest.reminder_days_before : 1,
      updates_channel: file.updates_channel ?? null,
    };
    let programId: number;
    if (before) {
      programId = before.id;
      diff(
        programId,
        'program',
        file.slug,
        file.name,
        {
          name: before.name,
          summary: before.summary,
          timezone: before.timezone,
          digest_channel: before.digest?.channel ?? null,
          digest_schedule: before.digest?.schedule ?? null,
          reminder_days_before: before.reminderDaysBefore,
          updates_channel: before.updatesChannel,
          admins: before.admins,
        },
        { ...programFields, admins: file.admins },
      );
      s.updateProgram.run({ ...programFields, id: programId, updated_at: at });
    } else {
      programId = Number(s.insertProgram.run({ ...programFields, slug: file.slug, at }).lastInsertRowid);
      log(programId, createdEntry('program', file.slug, file.name));
    }
    s.deleteAdmins.run(programId);
    for (const admin of file.admins) s.insertAdmin.run(programId, admin);

    syncWorkstreams(before, file, programId, at, opts.actor, s, diff, log);
    syncLists(before, file, programId, at, s, diff, log);

    return { programId, slug: file.slug, created: !before, changes };
  })();
}

type Statements = ReturnType<typeof statements>;

/** One of the program's lists, whose items are matched between the store and the file by `key`. */
interface ListSync<F, O> {
  entity: 'risk' | 'readiness' | 'action';
  stored: readonly O[];
  storedKey: (o: O) => string;
  items: readonly F[];
  /** The item's text (its name for readiness), which is also its label in the history. */
  key: (item: F) => string;
  /** The fields the history compares, as stored and as in the file. */
  compare: (old: O, item: F) => [Fields, Fields];
  /** Rewrites a stored item as the file has it; `version` moves on when the history recorded a change. */
  update: (old: O, item: F, position: number, version: number) => void;
  /** Returns the new row's id. */
  insert: (item: F, position: number) => number;
  remove: (id: number) => void;
}
type Diff = (
  programId: number,
  entity: HistoryEntry['entity'],
  entityKey: string,
  entityLabel: string,
  old: Fields,
  next: Fields,
) => boolean;
type Log = (programId: number, entry: HistoryFacts) => void;

function syncWorkstreams(
  before: Program | undefined,
  file: ProgramFile,
  programId: number,
  at: string,
  actor: string,
  s: Statements,
  diff: Diff,
  log: Log,
): void {
  const existing = new Map((before?.workstreams ?? []).map((w) => [w.key, w]));
  const ids = new Map<string, number>();
  file.workstreams.forEach((w, position) => {
    const old = existing.get(w.key);
    const row = {
      name: w.name,
      owner_team: w.owner,
      state: w.state,
      summary: w.summary,
      status: w.status,
      risk: w.risk,
      blocker: w.blocker,
    };
    if (old) {
      const changed = diff(
        programId,
        'workstream',
        w.key,
        w.name,
        {
          name: old.name,
          owner_team: old.ownerTeam,
          state: old.state,
          summary: old.summary,
          status: old.status,
          risk: old.risk,
          blocker: old.blocker,
          owner_ids: old.ownerIds,
          depends_on: old.dependsOn,
        },
        { ...row, owner_ids: w.owner_ids, depends_on: w.depends_on },
      );
      s.updateWorkstream.run({
        ...row,
        id: old.id,
        position,
        status_since: old.status === w.status ? old.statusSince : at,
        updated_by: changed ? actor : old.updatedBy,
        updated_at: changed ? at : old.updatedAt,
        version: changed ? old.version + 1 : old.version,
      });
      ids.set(w.key, old.id);
      existing.delete(w.key);
    } else {
      const id = Number(
        s.insertWorkstream.run({ ...row, program_id: programId, key: w.key, position, at, updated_by: actor })
          .lastInsertRowid,
      );
      ids.set(w.key, id);
      log(programId, createdEntry('workstream', w.key, w.name));
    }
  });
  for (const gone of existing.values()) {
    s.deleteWorkstream.run(gone.id);
    log(programId, removedEntry('workstream', gone.key, gone.name));
  }
  s.deleteDependencies.run(programId);
  for (const w of file.workstreams) {
    const id = ids.get(w.key) as number;
    s.deleteOwners.run(id);
    for (const owner of w.owner_ids) s.insertOwner.run(id, owner);
    for (const dep of w.depends_on) s.insertDependency.run(id, ids.get(dep) as number);
  }
  s.deleteMilestones.run(programId);
  file.milestones.forEach((m, position) => {
    const id = Number(s.insertMilestone.run(programId, position, m.name).lastInsertRowid);
    for (const dep of m.depends_on) s.insertMilestoneDependency.run(id, ids.get(dep) as number);
  });
}

/** Risks, readiness, actions and references carry no key in the file: they are matched by their text. */
function syncLists(
  before: Program | undefined,
  file: ProgramFile,
  programId: number,
  at: string,
  s: Statements,
  diff: Diff,
  log: Log,
): void {
  const workstreamId = (key: string | undefined) =>
    key === undefined ? null : ((s.workstreamId.get(programId, key) as number | undefined) ?? null);
  const riskRow = (r: ProgramFile['risks'][number]) => ({
    severity: r.severity,
    workstream_id: workstreamId(r.workstream),
    status: r.status,
  });
  const actionRow = (a: ProgramFile['actions'][number]) => ({
    owner: a.owner ?? null,
    workstream_id: workstreamId(a.workstream),
    due: a.due ?? null,
    done: a.done ? 1 : 0,
  });
  const sync = <F, O extends { id: number; version: number }>(list: ListSync<F, O>) => {
    const stored = new Map(list.stored.map((o) => [list.storedKey(o), o]));
    list.items.forEach((item, position) => {
      const key = list.key(item);
      const old = stored.get(key);
      if (old) {
        stored.delete(key);
        const [was, now] = list.compare(old, item);
        const changed = diff(programId, list.entity, String(old.id), key, was, now);
        list.update(old, item, position, changed ? old.version + 1 : old.version);
      } else {
        log(programId, createdEntry(list.entity, String(list.insert(item, position)), key));
      }
    });
    for (const gone of stored.values()) {
      list.remove(gone.id);
      log(programId, removedEntry(list.entity, String(gone.id), list.storedKey(gone)));
    }
  };

  sync({
    entity: 'risk',
    stored: before?.risks ?? [],
    storedKey: (r) => r.text,
    items: file.risks,
    key: (r) => r.text,
    compare: (old, r) => [
      { severity: old.severity, workstream: old.workstream, status: old.status },
      { severity: r.severity, workstream: r.workstream ?? null, status: r.status },
    ],
    update: (old, r, position, version) =>
      s.updateRisk.run({
        ...riskRow(r),
        id: old.id,
        position,
        closed_at: r.status === 'closed' ? (old.closedAt ?? at) : null,
        version,
      }),
    insert: (r, position) =>
      Number(
        s.insertRisk.run({
          ...riskRow(r),
          program_id: programId,
          position,
          text: r.text,
          at,
          closed_at: r.status === 'closed' ? at : null,
        }).lastInsertRowid,
      ),
    remove: (id) => s.deleteRisk.run(id),
  });

  sync({
    entity: 'readiness',
    stored: before?.readiness ?? [],
    storedKey: (r) => r.name,
    items: file.readiness,
    key: (r) => r.name,
    compare: (old, r) => [old as unknown as Fields, { signal: r.signal, note: r.note }],
    update: (old, r, position, version) =>
      s.updateReadiness.run({ id: old.id, position, signal: r.signal, note: r.note, version }),
    insert: (r, position) =>
      Number(s.insertReadiness.run({ program_id: programId, position, ...r }).lastInsertRowid),
    remove: (id) => s.deleteReadiness.run(id),
  });

  sync({
    entity: 'action',
    stored: before?.actions ?? [],
    storedKey: (a) => a.text,
    items: file.actions,
    key: (a) => a.text,
    compare: (old, a) => [
      { owner: old.owner, workstream: old.workstream, due: old.due, done: old.done },
      { owner: a.owner ?? null, workstream: a.workstream ?? null, due: a.due ?? null, done: a.done },
    ],
    update: (old, a, position, version) =>
      s.updateAction.run({ ...actionRow(a), id: old.id, position, version }),
    insert: (a, position) =>
      Number(
        s.insertAction.run({ ...actionRow(a), program_id: programId, position, text: a.text })
          .lastInsertRowid,
      ),
    remove: (id) => s.deleteAction.run(id),
  });

  const oldRefs = (before?.references ?? []).map((r) => `${r.title} ${r.url ?? ''}`).join('\n');
  const newRefs = file.references.map((r) => `${r.title} ${r.url ?? ''}`).join('\n');
  if (oldRefs !== newRefs) {
    s.deleteReferences.run(programId);
    file.references.forEach((r, position) => {
      s.insertReference.run(programId, position, r.title, r.url ?? null);
    });
    if (before) {
      log(programId, {
        entity: 'reference',
        entityKey: 'all',
        entityLabel: 'Related references',
        field: 'references',
        oldValue: (before.references ?? []).map((r) => r.title).join(', '),
        newValue: file.references.map((r) => r.title).join(', '),
      });
    }
  }
}

const cache = new WeakMap<Db, ReturnType<typeof prepare>>();

function statements(db: Db) {
  let s = cache.get(db);
  if (!s) {
    s = prepare(db);
    cache.set(db, s);
  }
  return s;
}

function prepare(db: Db) {
  return {
    insertProgram: db.prepare(
      `INSERT INTO programs (slug, name, summary, timezone, digest_channel, digest_schedule, reminder_days_before,
         updates_channel, created_at, updated_at)
       VALUES (@slug, @name, @summary, @timezone, @digest_channel, @digest_schedule, @reminder_days_before,
         @updates_channel, @at, @at)`,
    ),
    updateProgram: db.prepare(
      `UPDATE programs SET name = @name, summary = @summary, timezone = @timezone, digest_channel = @digest_channel,
         digest_schedule = @digest_schedule, reminder_days_before = @reminder_days_before,
         updates_channel = @updates_channel, updated_at = @updated_at WHERE id = @id`,
    ),
    deleteAdmins: db.prepare('DELETE FROM program_admins WHERE program_id = ?'),
    insertAdmin: db.prepare('INSERT OR IGNORE INTO program_admins (program_id, user_id) VALUES (?, ?)'),
    insertWorkstream: db.prepare(
      `INSERT INTO workstreams (program_id, key, position, name, owner_team, state, summary, status, risk, blocker,
         status_since, updated_by, updated_at, version)
       VALUES (@program_id, @key, @position, @name, @owner_team, @state, @summary, @status, @risk, @blocker,
         @at, @updated_by, @at, 1)`,
    ),
    updateWorkstream: db.prepare(
      `UPDATE workstreams SET position = @position, name = @name, owner_team = @owner_team, state = @state,
         summary = @summary, status = @status, risk = @risk, blocker = @blocker, status_since = @status_since,
         updated_by = @updated_by, updated_at = @updated_at, version = @version WHERE id = @id`,
    ),
    deleteWorkstream: db.prepare('DELETE FROM workstreams WHERE id = ?'),
    workstreamId: db.prepare('SELECT id FROM workstreams WHERE program_id = ? AND key = ?').pluck(),
    deleteOwners: db.prepare('DELETE FROM workstream_owners WHERE workstream_id = ?'),
    insertOwner: db.prepare('INSERT OR IGNORE INTO workstream_owners (workstream_id, user_id) VALUES (?, ?)'),
    deleteDependencies: db.prepare(
      'DELETE FROM workstream_dependencies WHERE workstream_id IN (SELECT id FROM workstreams WHERE program_id = ?)',
    ),
    insertDependency: db.prepare(
      'INSERT OR IGNORE INTO workstream_dependencies (workstream_id, depends_on_id) VALUES (?, ?)',
    ),
    deleteMilestones: db.prepare('DELETE FROM milestones WHERE program_id = ?'),
    insertMilestone: db.prepare('INSERT INTO milestones (program_id, position, name) VALUES (?, ?, ?)'),
    insertMilestoneDependency: db.prepare(
      'INSERT OR IGNORE INTO milestone_dependencies (milestone_id, depends_on_id) VALUES (?, ?)',
    ),
    insertRisk: db.prepare(
      `INSERT INTO risks (program_id, position, text, severity, workstream_id, status, opened_at, closed_at)
       VALUES (@program_id, @position, @text, @severity, @workstream_id, @status, @at, @closed_at)`,
    ),
    updateRisk: db.prepare(
      `UPDATE risks SET position = @position, severity = @severity, workstream_id = @workstream_id, status = @status,
         closed_at = @closed_at, version = @version WHERE id = @id`,
    ),
    deleteRisk: db.prepare('DELETE FROM risks WHERE id = ?'),
    insertReadiness: db.prepare(
      'INSERT INTO readiness (program_id, position, name, signal, note) VALUES (@program_id, @position, @name, @signal, @note)',
    ),
    updateReadiness: db.prepare(
      'UPDATE readiness SET position = @position, signal = @signal, note = @note, version = @version WHERE id = @id',
    ),
    deleteReadiness: db.prepare('DELETE FROM readiness WHERE id = ?'),
    insertAction: db.prepare(
      `INSERT INTO actions (program_id, position, text, owner, workstream_id, due, done)
       VALUES (@program_id, @position, @text, @owner, @workstream_id, @due, @done)`,
    ),
    updateAction: db.prepare(
      `UPDATE actions SET position = @position, owner = @owner, workstream_id = @workstream_id, due = @due,
         done = @done, version = @version WHERE id = @id`,
    ),
    deleteAction: db.prepare('DELETE FROM actions WHERE id = ?'),
    deleteReferences: db.prepare('DELETE FROM program_references WHERE program_id = ?'),
    insertReference: db.prepare(
      'INSERT INTO program_references (program_id, position, title, url) VALUES (?, ?, ?, ?)',
    ),
  };
}
