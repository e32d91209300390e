import type { Db } from '../db/open.js';
import type { HistoryEntry, Program } from '../domain/program.js';
import type { ProgramFile } from '../domain/program-file.js';
import { type HistoryRecord, HistoryWriter, historyValue } from './history-writer.js';
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
    const log = (programId: number, entry: Omit<HistoryRecord, 'actor' | 'at' | 'note'>) => {
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
      log(programId, {
        entity: 'program',
        entityKey: file.slug,
        entityLabel: file.name,
        field: 'created',
        oldValue: null,
        newValue: file.name,
      });
    }
    s.deleteAdmins.run(programId);
    for (const admin of file.admins) s.insertAdmin.run(programId, admin);

    syncWorkstreams(before, file, programId, at, opts.actor, s, diff, log);
    syncLists(before, file, programId, at, s, diff, log);

    return { programId, slug: file.slug, created: !before, changes };
  })();
}

type Statements = ReturnType<typeof statements>;
type Diff = (
  programId: number,
  entity: HistoryEntry['entity'],
  entityKey: string,
  entityLabel: string,
  old: Fields,
  next: Fields,
) => boolean;
type Log = (programId: number, entry: Omit<HistoryRecord, 'actor' | 'at' | 'note'>) => void;

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
      log(programId, {
        entity: 'workstream',
        entityKey: w.key,
        entityLabel: w.name,
        field: 'created',
        oldValue: null,
        newValue: w.name,
      });
    }
  });
  for (const gone of existing.values()) {
    s.deleteWorkstream.run(gone.id);
    log(programId, {
      entity: 'workstream',
      entityKey: gone.key,
      entityLabel: gone.name,
      field: 'removed',
      oldValue: gone.name,
      newValue: null,
    });
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
  const added = (entity: HistoryEntry['entity'], id: number, label: string) =>
    log(programId, {
      entity,
      entityKey: String(id),
      entityLabel: label,
      field: 'created',
      oldValue: null,
      newValue: label,
    });
  const removed = (entity: HistoryEntry['entity'], id: number, label: string) =>
    log(programId, {
      entity,
      entityKey: String(id),
      entityLabel: label,
      field: 'removed',
      oldValue: label,
      newValue: null,
    });

  const risks = new Map((before?.risks ?? []).map((r) => [r.text, r]));
  file.risks.forEach((r, position) => {
    const old = risks.get(r.text);
    const row = { severity: r.severity, workstream_id: workstreamId(r.workstream), status: r.status };
    if (old) {
      risks.delete(r.text);
      const changed = diff(
        programId,
        'risk',
        String(old.id),
        r.text,
        { severity: old.severity, workstream: old.workstream, status: old.status },
        { severity: r.severity, workstream: r.workstream ?? null, status: r.status },
      );
      s.updateRisk.run({
        ...row,
        id: old.id,
        position,
        closed_at: r.status === 'closed' ? (old.closedAt ?? at) : null,
        version: changed ? old.version + 1 : old.version,
      });
    } else {
      const id = Number(
        s.insertRisk.run({
          ...row,
          program_id: programId,
          position,
          text: r.text,
          at,
          closed_at: r.status === 'closed' ? at : null,
        }).lastInsertRowid,
      );
      added('risk', id, r.text);
    }
  });
  for (const gone of risks.values()) {
    s.deleteRisk.run(gone.id);
    removed('risk', gone.id, gone.text);
  }

  const dims = new Map((before?.readiness ?? []).map((r) => [r.name, r]));
  file.readiness.forEach((r, position) => {
    const old = dims.get(r.name);
    if (old) {
      dims.delete(r.name);
      const changed = diff(programId, 'readiness', String(old.id), r.name, old as unknown as Fields, {
        signal: r.signal,
        note: r.note,
      });
      s.updateReadiness.run({
        id: old.id,
        position,
        signal: r.signal,
        note: r.note,
        version: changed ? old.version + 1 : old.version,
      });
    } else {
      const id = Number(s.insertReadiness.run({ program_id: programId, position, ...r }).lastInsertRowid);
      added('readiness', id, r.name);
    }
  });
  for (const gone of dims.values()) {
    s.deleteReadiness.run(gone.id);
    removed('readiness', gone.id, gone.name);
  }

  const actions = new Map((before?.actions ?? []).map((a) => [a.text, a]));
  file.actions.forEach((a, position) => {
    const old = actions.get(a.text);
    const row = {
      owner: a.owner ?? null,
      workstream_id: workstreamId(a.workstream),
      due: a.due ?? null,
      done: a.done ? 1 : 0,
    };
    if (old) {
      actions.delete(a.text);
      const changed = diff(
        programId,
        'action',
        String(old.id),
        a.text,
        { owner: old.owner, workstream: old.workstream, due: old.due, done: old.done },
        { owner: row.owner, workstream: a.workstream ?? null, due: row.due, done: a.done },
      );
      s.updateAction.run({ ...row, id: old.id, position, version: changed ? old.version + 1 : old.version });
    } else {
      const id = Number(
        s.insertAction.run({ ...row, program_id: programId, position, text: a.text }).lastInsertRowid,
      );
      added('action', id, a.text);
    }
  });
  for (const gone of actions.values()) {
    s.deleteAction.run(gone.id);
    removed('action', gone.id, gone.text);
  }

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
