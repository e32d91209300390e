import type { Db } from '../db/open.js';
import { historyValue } from '../domain/edit-fields.js';
import { baseFromHistory, storedAsFile } from '../domain/import-base.js';
import { type Conflict, type MergeResult, mergeProgram, type Prefer } from '../domain/import-merge.js';
import type { HistoryEntry, Program } from '../domain/program.js';
import type { ProgramFile } from '../domain/program-file.js';
import { createdEntry, type HistoryFacts, HistoryWriter, removedEntry } from './history-writer.js';
import { ImportBases, type LastEdit } from './import-bases.js';
import { ProgramRepo } from './program-repo.js';

export interface ImportOptions {
  actor: string;
  now: Date;
  /** Settles every conflict with Slack's changes one way; without it a conflict stops the import. */
  prefer?: Prefer | undefined;
  /** Works everything out and reports it, then rolls it all back. */
  dryRun?: boolean | undefined;
}

/** A conflict, with who last changed the value in Slack, and when (from the history). */
export interface ConflictReport {
  conflict: Conflict;
  lastEdit: LastEdit | undefined;
}

export interface ImportResult {
  programId: number;
  slug: string;
  created: boolean;
  /** History entries written (or, in a dry run, that would be): 0 means the file matched the store. */
  changes: number;
  /** Those entries, in the order written. */
  entries: HistoryFacts[];
  /** Conflicts with changes made in Slack since the last import; settled when `prefer` was given. */
  conflicts: ConflictReport[];
  /** False when conflicts stopped the import or it was a dry run: nothing was written. */
  applied: boolean;
}

type Fields = Record<string, unknown>;

/** Field-by-field comparison; lists compare by content. */
function changedFields(before: Fields, after: Fields): string[] {
  return Object.keys(after).filter((f) => historyValue(before[f]) !== historyValue(after[f]));
}

/** Thrown to roll a dry run's transaction back, carrying what it would have done. */
class DryRun extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/**
 * Creates or updates a program from a validated file, in one transaction. A new program is the file. An
 * existing one is merged three ways with the base (what the last import applied) so that what owners changed
 * in Slack since is kept (see `mergeProgram`); conflicts stop it, writing nothing, unless `prefer` settles
 * them. Every difference written is recorded in the history under `actor`, and the file becomes the base.
 */
export function importProgram(db: Db, file: ProgramFile, opts: ImportOptions): ImportResult {
  try {
    return db.transaction(() => {
      const result = importInTransaction(db, file, opts);
      if (opts.dryRun && result.applied) throw new DryRun({ ...result, applied: false });
      return result;
    })();
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

function importInTransaction(db: Db, file: ProgramFile, opts: ImportOptions): ImportResult {
  const repo = new ProgramRepo(db);
  const bases = new ImportBases(db);
  const before = repo.get(file.slug);
  if (!before) {
    const written = writeProgram(db, undefined, file, opts);
    bases.put(written.programId, withIds(file, file, written), opts.now.toISOString());
    return { ...written, slug: file.slug, created: true, conflicts: [], applied: true };
  }

  const base = bases.get(before.id) ?? baseFromHistory(before, bases.history(before.id), opts.actor);
  const merge = mergeProgram({ base, current: storedAsFile(before), file, prefer: opts.prefer });
  const conflicts = merge.conflicts.map((conflict) => ({
    conflict,
    lastEdit: lastSlackEdit(bases, before, conflict, opts.actor),
  }));
  if (conflicts.length && !opts.prefer) {
    return {
      programId: before.id,
      slug: file.slug,
      created: false,
      changes: 0,
      entries: [],
      conflicts,
      applied: false,
    };
  }
  const written = writeProgram(db, before, merge.merged, opts);
  bases.put(before.id, withIds(merge.file, merge.merged, written, merge.fromFile), opts.now.toISOString());
  return { ...written, slug: file.slug, created: false, conflicts, applied: true };
}

/**
 * The file as the next base: its risks, actions and decisions with the ids of the rows they became, so that
 * the next import knows them after Slack renames them.
 */
function withIds(
  file: ProgramFile,
  merged: ProgramFile,
  written: Written,
  fromFile: MergeResult['fromFile'] = {
    risks: merged.risks.map((_, i) => i),
    actions: merged.actions.map((_, i) => i),
    decisions: merged.decisions.map((_, i) => i),
  },
): ProgramFile {
  const ids = (mergedIds: number[], positions: (number | undefined)[]) => {
    const out = new Map<number, number>();
    positions.forEach((position, i) => {
      const id = mergedIds[i];
      if (position !== undefined && id !== undefined) out.set(position, id);
    });
    return out;
  };
  const riskIds = ids(written.riskIds, fromFile.risks);
  const nextActionIds = ids(written.nextActionIds, fromFile.actions);
  const decisionIds = ids(written.decisionIds, fromFile.decisions);
  return {
    ...file,
    risks: file.risks.map((r, i) => ({ ...r, id: riskIds.get(i) ?? r.id })),
    actions: file.actions.map((a, i) => ({ ...a, id: nextActionIds.get(i) ?? a.id })),
    decisions: file.decisions.map((d, i) => ({ ...d, id: decisionIds.get(i) ?? d.id })),
  };
}

/** History names the workstream's owning team `owner_team`; the file calls it `owner`. */
function historyField(conflict: Conflict): string | undefined {
  if (conflict.kind === 'removal') return undefined;
  return conflict.entity === 'workstream' && conflict.field === 'owner' ? 'owner_team' : conflict.field;
}

function lastSlackEdit(
  bases: ImportBases,
  program: Program,
  conflict: Conflict,
  importActor: string,
): LastEdit | undefined {
  // The history keys readiness by row id; the merge knows a dimension by its name.
  const entityKey =
    conflict.entity === 'readiness'
      ? String(program.readiness.find((r) => r.name === conflict.item)?.id ?? '')
      : conflict.item;
  return bases.lastEdit(program.id, conflict.entity, entityKey, historyField(conflict), importActor);
}

interface Written {
  programId: number;
  changes: number;
  entries: HistoryFacts[];
  /** The row ids of the file's risks, actions and decisions, in its order. */
  riskIds: number[];
  nextActionIds: number[];
  decisionIds: number[];
}

/** What every part of one import writes with: the program's row, when, by whom, and its history. */
interface ImportWriter {
  programId: number;
  at: string;
  actor: string;
  s: Statements;
  /** Records in the history each field of `next` that differs from `old`; true when any did. */
  diff: (
    entity: HistoryEntry['entity'],
    entityKey: string,
    entityLabel: string,
    old: Fields,
    next: Fields,
  ) => boolean;
  log: (entry: HistoryFacts) => void;
}

/** Makes the store hold `file`, recording every difference from `before` in the history. */
function writeProgram(db: Db, before: Program | undefined, file: ProgramFile, opts: ImportOptions): Written {
  const history = new HistoryWriter(db);
  const at = opts.now.toISOString();
  const s = statements(db);

  const programFields = {
    name: file.name,
    summary: file.summary,
    timezone: file.timezone,
    digest_channel: file.digest?.channel ?? null,
    digest_schedule: file.digest?.schedule ?? null,
    reminder_days_before: file.digest ? file.digest.reminder_days_before : 1,
    updates_channel: file.updates_channel ?? null,
    canvas_channel: file.canvas?.channel ?? null,
  };
  const programId = before
    ? before.id
    : Number(s.insertProgram.run({ ...programFields, slug: file.slug, at }).lastInsertRowid);

  const entries: HistoryFacts[] = [];
  const log = (entry: HistoryFacts) => {
    history.record(programId, { ...entry, actor: opts.actor, at, note: '' });
    entries.push(entry);
  };
  const diff: ImportWriter['diff'] = (entity, entityKey, entityLabel, old, next) => {
    const fields = changedFields(old, next);
    for (const field of fields) {
      log({
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
  const writer: ImportWriter = { programId, at, actor: opts.actor, s, diff, log };

  if (before) {
    diff(
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
        canvas_channel: before.canvasChannel,
        admins: before.admins,
      },
      { ...programFields, admins: file.admins },
    );
    s.updateProgram.run({ ...programFields, id: programId, updated_at: at });
  } else {
    log(createdEntry('program', file.slug, file.name));
  }
  s.deleteAdmins.run(programId);
  for (const admin of file.admins) s.insertAdmin.run(programId, admin);

  const workstreamIds = syncWorkstreams(before, file, writer);
  syncMilestones(before, file, workstreamIds, writer);
  const lists = syncLists(before, file, workstreamIds, writer);

  return { programId, changes: entries.length, entries, ...lists };
}

type Statements = ReturnType<typeof statements>;

/**
 * Workstreams or milestones, matched by key: each of the file's items is rewritten in place (each changed
 * field in the history) or added, each stored one the file lacks removed. Returns the row id of each key.
 */
function syncByKey<
  O extends { id: number; key: string; name: string },
  F extends { key: string; name: string },
  R extends Fields,
>(
  writer: ImportWriter,
  sync: {
    entity: 'workstream' | 'milestone';
    stored: readonly O[];
    items: readonly F[];
    /** The row's columns as the file has them; `old` is the stored item it rewrites. */
    row: (item: F, old: O | undefined) => R;
    /** The fields the history compares: the stored item's, and the file's given its row. */
    before: (old: O) => Fields;
    after: (item: F, row: R) => Fields;
    /** `changed`: the history recorded a change of the item. */
    update: (item: F, row: R, old: O, position: number, changed: boolean) => void;
    /** Returns the new row's id. */
    insert: (item: F, row: R, position: number) => number;
    remove: (id: number) => void;
  },
): Map<string, number> {
  const existing = new Map(sync.stored.map((o) => [o.key, o]));
  const ids = new Map<string, number>();
  sync.items.forEach((item, position) => {
    const old = existing.get(item.key);
    const row = sync.row(item, old);
    if (old) {
      const changed = writer.diff(sync.entity, item.key, item.name, sync.before(old), sync.after(item, row));
      sync.update(item, row, old, position, changed);
      ids.set(item.key, old.id);
      existing.delete(item.key);
    } else {
      ids.set(item.key, sync.insert(item, row, position));
      writer.log(createdEntry(sync.entity, item.key, item.name));
    }
  });
  for (const gone of existing.values()) {
    sync.remove(gone.id);
    writer.log(removedEntry(sync.entity, gone.key, gone.name));
  }
  return ids;
}

/** Workstreams with their owners, backups and dependencies; returns each one's row id by key. */
function syncWorkstreams(
  before: Program | undefined,
  file: ProgramFile,
  writer: ImportWriter,
): Map<string, number> {
  const { programId, at, actor, s } = writer;
  const ids = syncByKey(writer, {
    entity: 'workstream',
    stored: before?.workstreams ?? [],
    items: file.workstreams,
    row: (w, old) => ({
      name: w.name,
      owner_team: w.owner,
      state: w.state,
      summary: w.summary,
      status: w.status,
      risk: w.risk,
      blocker: w.blocker,
      target: w.target ?? null,
      baseline: nextBaseline(w, old),
    }),
    before: (old) => ({
      name: old.name,
      owner_team: old.ownerTeam,
      state: old.state,
      summary: old.summary,
      status: old.status,
      risk: old.risk,
      blocker: old.blocker,
      target: old.target,
      baseline: old.baseline,
      owner_ids: old.ownerIds,
      backup_ids: old.backupIds,
      depends_on: old.dependsOn,
    }),
    after: (w, row) => ({
      ...row,
      owner_ids: w.owner_ids,
      backup_ids: w.backup_ids,
      depends_on: w.depends_on,
    }),
    update: (w, row, old, position, changed) => {
      s.updateWorkstream.run({
        ...row,
        id: old.id,
        position,
        status_since: old.status === w.status ? old.statusSince : at,
        updated_by: changed ? actor : old.updatedBy,
        updated_at: changed ? at : old.updatedAt,
        version: changed ? old.version + 1 : old.version,
      });
    },
    insert: (w, row, position) =>
      Number(
        s.insertWorkstream.run({ ...row, program_id: programId, key: w.key, position, at, updated_by: actor })
          .lastInsertRowid,
      ),
    remove: (id) => {
      s.deleteWorkstream.run(id);
    },
  });
  s.deleteDependencies.run(programId);
  for (const w of file.workstreams) {
    const id = ids.get(w.key) as number;
    s.deleteOwners.run(id);
    for (const owner of w.owner_ids) s.insertOwner.run(id, owner);
    s.deleteBackups.run(id);
    for (const backup of w.backup_ids) s.insertBackup.run(id, backup);
    // A merge may keep a Slack-side workstream whose dependency the file removed: that link goes with it.
    for (const dep of w.depends_on) {
      const depId = ids.get(dep);
      if (depId !== undefined) s.insertDependency.run(id, depId);
    }
  }
  return ids;
}

/**
 * The baseline a file's item is written with: the one the file gives (an explicit re-baseline), else the
 * one stored, else its first target.
 */
function nextBaseline(
  item: { target?: string | undefined; baseline?: string | undefined },
  old: { baseline: string | null } | undefined,
): string | null {
  return item.baseline ?? old?.baseline ?? item.target ?? null;
}

/** Milestones by key, as workstreams are: renamed, re-dated or re-linked in place, each change in the history. */
function syncMilestones(
  before: Program | undefined,
  file: ProgramFile,
  workstreamIds: ReadonlyMap<string, number>,
  writer: ImportWriter,
): void {
  const { programId, s } = writer;
  const ids = syncByKey(writer, {
    entity: 'milestone',
    stored: before?.milestones ?? [],
    items: file.milestones,
    row: (m, old) => ({
      name: m.name,
      owner: m.owner,
      target: m.target ?? null,
      baseline: nextBaseline(m, old),
    }),
    before: (old) => ({
      name: old.name,
      owner: old.owner,
      target: old.target,
      baseline: old.baseline,
      depends_on: old.dependsOn,
    }),
    after: (m, row) => ({ ...row, depends_on: m.depends_on }),
    update: (_m, row, old, position, changed) => {
      s.updateMilestone.run({
        ...row,
        id: old.id,
        position,
        version: changed ? old.version + 1 : old.version,
      });
    },
    insert: (m, row, position) =>
      Number(s.insertMilestone.run({ ...row, program_id: programId, key: m.key, position }).lastInsertRowid),
    remove: (id) => {
      s.deleteMilestone.run(id);
    },
  });
  for (const m of file.milestones) {
    const id = ids.get(m.key) as number;
    s.deleteMilestoneDependencies.run(id);
    s.deleteMilestoneMilestoneDependencies.run(id);
    m.depends_on.forEach((dep, position) => {
      const workstreamId = workstreamIds.get(dep);
      const milestoneId = ids.get(dep);
      if (workstreamId !== undefined) s.insertMilestoneDependency.run(id, workstreamId, position);
      else if (milestoneId !== undefined) s.insertMilestoneMilestoneDependency.run(id, milestoneId, position);
    });
  }
}

/** A list's table: the columns an import writes, and those it writes only when it adds the row. */
const LIST_TABLES = {
  risks: { columns: ['text', 'severity', 'workstream_id', 'status', 'closed_at'], added: ['opened_at'] },
  readiness: { columns: ['signal', 'note'], added: ['name'] },
  actions: { columns: ['text', 'owner', 'workstream_id', 'due', 'done'], added: [] },
  decisions: {
    columns: [
      'question',
      'workstreams',
      'deciders',
      'needed_by',
      'state',
      'outcome',
      'decided_by',
      'decided_at',
      'link',
      'reason',
    ],
    added: ['opened_at'],
  },
} as const;
type ListTable = keyof typeof LIST_TABLES;

/** A file's risk, next action or decision may carry the id of the row it came from (written by export). */
interface ListItem {
  id?: number | undefined;
}

/**
 * One of the program's lists, as the store has it and as the file has it. Items are matched by `key` (the id
 * for risks, next actions and decisions: the merge gave the file's items the store's ids; the name for
 * readiness, which Slack cannot change); an item of the file without a stored match is new, a stored one the
 * file lacks goes.
 */
interface SyncedList<O extends { id: number; version: number }, F extends object> {
  entity: 'risk' | 'readiness' | 'action' | 'decision';
  table: ListTable;
  stored: readonly O[];
  items: readonly F[];
  key: (item: O | F) => string | undefined;
  /** The history's label: the text, or the readiness item's name. */
  label: (item: O | F) => string;
  /** The fields the history compares, the same for a stored item and a file item. */
  compared: (item: O | F) => Fields;
  /** The row's columns (those of LIST_TABLES) as the file has them; `old` is the stored row it rewrites. */
  row: (item: F, old: O | undefined) => Fields;
}

/** References are replaced as a whole; the other lists are synced item by item (`syncList`). */
function syncLists(
  before: Program | undefined,
  file: ProgramFile,
  workstreamIds: ReadonlyMap<string, number>,
  writer: ImportWriter,
): { riskIds: number[]; nextActionIds: number[]; decisionIds: number[] } {
  const { programId, at, s, log } = writer;
  const workstreamId = (key: string | null | undefined) =>
    key == null ? null : (workstreamIds.get(key) ?? null);
  const idKey = (item: ListItem) => (item.id === undefined ? undefined : String(item.id));
  const sync = <O extends { id: number; version: number }, F extends object>(list: SyncedList<O, F>) =>
    syncList(list as SyncedList<O, F & ListItem>, writer);

  const riskIds = sync({
    entity: 'risk',
    table: 'risks',
    stored: before?.risks ?? [],
    items: file.risks,
    key: idKey,
    label: (r) => r.text,
    compared: (r) => ({
      text: r.text,
      severity: r.severity,
      workstream: r.workstream ?? null,
      status: r.status,
    }),
    row: (r, old) => ({
      text: r.text,
      severity: r.severity,
      workstream_id: workstreamId(r.workstream),
      status: r.status,
      closed_at: r.status === 'closed' ? (old?.closedAt ?? at) : null,
      opened_at: at,
    }),
  });

  sync({
    entity: 'readiness',
    table: 'readiness',
    stored: before?.readiness ?? [],
    items: file.readiness,
    key: (r) => r.name,
    label: (r) => r.name,
    compared: (r) => ({ signal: r.signal, note: r.note }),
    row: (r) => ({ signal: r.signal, note: r.note, name: r.name }),
  });

  const nextActionIds = sync({
    entity: 'action',
    table: 'actions',
    stored: before?.actions ?? [],
    items: file.actions,
    key: idKey,
    label: (a) => a.text,
    compared: (a) => ({
      text: a.text,
      owner: a.owner ?? null,
      workstream: a.workstream ?? null,
      due: a.due ?? null,
      done: a.done,
    }),
    row: (a) => ({
      text: a.text,
      owner: a.owner ?? null,
      workstream_id: workstreamId(a.workstream),
      due: a.due ?? null,
      done: a.done ? 1 : 0,
    }),
  });

  const decisionIds = sync({
    entity: 'decision',
    table: 'decisions',
    stored: before?.decisions ?? [],
    items: file.decisions,
    key: idKey,
    label: (d) => d.question,
    compared: (d) =>
      'neededBy' in d
        ? {
            question: d.question,
            workstreams: d.workstreams,
            deciders: d.deciders,
            needed_by: d.neededBy,
            state: d.state,
            outcome: d.outcome,
            decided_by: d.decidedBy,
            decided_at: d.decidedAt,
            link: d.link,
            reason: d.reason,
          }
        : {
            question: d.question,
            workstreams: d.workstreams,
            deciders: d.deciders,
            needed_by: d.needed_by ?? null,
            state: d.state,
            outcome: d.outcome,
            decided_by: d.decided_by,
            decided_at: d.decided_at ?? null,
            link: d.link ?? null,
            reason: d.reason,
          },
    row: (d) => ({
      question: d.question,
      workstreams: d.workstreams.join(','),
      deciders: d.deciders.join(','),
      needed_by: d.needed_by ?? null,
      state: d.state,
      outcome: d.outcome,
      decided_by: d.decided_by.join(','),
      decided_at: d.decided_at ?? null,
      link: d.link ?? null,
      reason: d.reason,
      opened_at: at,
    }),
  });

  const holidayText = (hs: readonly { from: string; to: string; name: string }[]) =>
    hs.map((h) => `${h.from}${h.to !== h.from ? `..${h.to}` : ''}${h.name ? ` ${h.name}` : ''}`).join(', ');
  const oldHolidays = holidayText(before?.holidays ?? []);
  const newHolidays = holidayText(file.holidays);
  if (oldHolidays !== newHolidays) {
    s.deleteHolidays.run(programId);
    file.holidays.forEach((h, position) => {
      s.insertHoliday.run(programId, position, h.from, h.to, h.name);
    });
    if (before) {
      log({
        entity: 'program',
        entityKey: file.slug,
        entityLabel: file.name,
        field: 'holidays',
        oldValue: oldHolidays || null,
        newValue: newHolidays || null,
      });
    }
  }

  const oldRefs = (before?.references ?? []).map((r) => `${r.title} ${r.url ?? ''}`).join('\n');
  const newRefs = file.references.map((r) => `${r.title} ${r.url ?? ''}`).join('\n');
  if (oldRefs !== newRefs) {
    s.deleteReferences.run(programId);
    file.references.forEach((r, position) => {
      s.insertReference.run(programId, position, r.title, r.url ?? null);
    });
    if (before) {
      log({
        entity: 'reference',
        entityKey: 'all',
        entityLabel: 'Related references',
        field: 'references',
        oldValue: (before.references ?? []).map((r) => r.title).join(', '),
        newValue: file.references.map((r) => r.title).join(', '),
      });
    }
  }
  return { riskIds, nextActionIds, decisionIds };
}

/**
 * Makes one list of the store hold the file's items, in the file's order, recording each one added, changed
 * (field by field; `version` moves on) or removed. Returns the row id of each of the file's items.
 */
function syncList<O extends { id: number; version: number }, F extends ListItem>(
  list: SyncedList<O, F>,
  { programId, s, diff, log }: ImportWriter,
): number[] {
  const table = s.lists[list.table];
  const stored = new Map(list.stored.map((o) => [list.key(o), o]));
  const ids = list.items.map((item, position) => {
    const key = list.key(item);
    const old = key === undefined ? undefined : stored.get(key);
    if (!old) {
      // A file's id the store has free is kept, so a program moved to another database keeps its ids.
      const id = item.id !== undefined && table.exists.get(item.id) === undefined ? item.id : null;
      const row = { ...list.row(item, undefined), id, program_id: programId, position };
      const newId = Number(table.insert.run(row).lastInsertRowid);
      log(createdEntry(list.entity, String(newId), list.label(item)));
      return newId;
    }
    stored.delete(key);
    const changed = diff(
      list.entity,
      String(old.id),
      list.label(item),
      list.compared(old),
      list.compared(item),
    );
    table.update.run({
      ...columnsOf(list.table, list.row(item, old)),
      id: old.id,
      position,
      version: changed ? old.version + 1 : old.version,
    });
    return old.id;
  });
  for (const gone of stored.values()) {
    table.remove.run(gone.id);
    log(removedEntry(list.entity, String(gone.id), list.label(gone)));
  }
  return ids;
}

/** The row's columns an update writes (those written only when adding left out). */
function columnsOf(table: ListTable, row: Fields): Fields {
  return Object.fromEntries(LIST_TABLES[table].columns.map((c) => [c, row[c]]));
}

/** Each list table's statements, built from its columns. */
function listStatements(db: Db, table: ListTable) {
  const { columns, added } = LIST_TABLES[table];
  const inserted = [...columns, ...added];
  return {
    insert: db.prepare(
      `INSERT INTO ${table} (id, program_id, position, ${inserted.join(', ')})
       VALUES (@id, @program_id, @position, ${inserted.map((c) => `@${c}`).join(', ')})`,
    ),
    exists: db.prepare<[number], number>(`SELECT 1 FROM ${table} WHERE id = ?`).pluck(),
    update: db.prepare(
      `UPDATE ${table} SET position = @position, ${columns.map((c) => `${c} = @${c}`).join(', ')},
         version = @version WHERE id = @id`,
    ),
    remove: db.prepare(`DELETE FROM ${table} WHERE id = ?`),
  };
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
         updates_channel, canvas_channel, created_at, updated_at)
       VALUES (@slug, @name, @summary, @timezone, @digest_channel, @digest_schedule, @reminder_days_before,
         @updates_channel, @canvas_channel, @at, @at)`,
    ),
    updateProgram: db.prepare(
      `UPDATE programs SET name = @name, summary = @summary, timezone = @timezone, digest_channel = @digest_channel,
         digest_schedule = @digest_schedule, reminder_days_before = @reminder_days_before,
         updates_channel = @updates_channel, canvas_channel = @canvas_channel, updated_at = @updated_at
       WHERE id = @id`,
    ),
    deleteAdmins: db.prepare('DELETE FROM program_admins WHERE program_id = ?'),
    insertAdmin: db.prepare('INSERT OR IGNORE INTO program_admins (program_id, user_id) VALUES (?, ?)'),
    insertWorkstream: db.prepare(
      `INSERT INTO workstreams (program_id, key, position, name, owner_team, state, summary, status, risk, blocker,
         target, baseline, status_since, updated_by, updated_at, version)
       VALUES (@program_id, @key, @position, @name, @owner_team, @state, @summary, @status, @risk, @blocker,
         @target, @baseline, @at, @updated_by, @at, 1)`,
    ),
    updateWorkstream: db.prepare(
      `UPDATE workstreams SET position = @position, name = @name, owner_team = @owner_team, state = @state,
         summary = @summary, status = @status, risk = @risk, blocker = @blocker, target = @target,
         baseline = @baseline, status_since = @status_since,
         updated_by = @updated_by, updated_at = @updated_at, version = @version WHERE id = @id`,
    ),
    deleteWorkstream: db.prepare('DELETE FROM workstreams WHERE id = ?'),
    deleteOwners: db.prepare('DELETE FROM workstream_owners WHERE workstream_id = ?'),
    insertOwner: db.prepare('INSERT OR IGNORE INTO workstream_owners (workstream_id, user_id) VALUES (?, ?)'),
    deleteDependencies: db.prepare(
      'DELETE FROM workstream_dependencies WHERE workstream_id IN (SELECT id FROM workstreams WHERE program_id = ?)',
    ),
    insertDependency: db.prepare(
      'INSERT OR IGNORE INTO workstream_dependencies (workstream_id, depends_on_id) VALUES (?, ?)',
    ),
    insertMilestone: db.prepare(
      `INSERT INTO milestones (program_id, key, position, name, owner, target, baseline, version)
       VALUES (@program_id, @key, @position, @name, @owner, @target, @baseline, 1)`,
    ),
    updateMilestone: db.prepare(
      `UPDATE milestones SET position = @position, name = @name, owner = @owner, target = @target,
         baseline = @baseline, version = @version WHERE id = @id`,
    ),
    deleteMilestone: db.prepare('DELETE FROM milestones WHERE id = ?'),
    deleteMilestoneDependencies: db.prepare('DELETE FROM milestone_dependencies WHERE milestone_id = ?'),
    deleteMilestoneMilestoneDependencies: db.prepare(
      'DELETE FROM milestone_milestone_dependencies WHERE milestone_id = ?',
    ),
    insertMilestoneDependency: db.prepare(
      'INSERT OR IGNORE INTO milestone_dependencies (milestone_id, depends_on_id, position) VALUES (?, ?, ?)',
    ),
    insertMilestoneMilestoneDependency: db.prepare(
      'INSERT OR IGNORE INTO milestone_milestone_dependencies (milestone_id, depends_on_id, position) VALUES (?, ?, ?)',
    ),
    lists: {
      risks: listStatements(db, 'risks'),
      readiness: listStatements(db, 'readiness'),
      actions: listStatements(db, 'actions'),
      decisions: listStatements(db, 'decisions'),
    },
    deleteReferences: db.prepare('DELETE FROM program_references WHERE program_id = ?'),
    deleteHolidays: db.prepare('DELETE FROM program_holidays WHERE program_id = ?'),
    insertHoliday: db.prepare(
      'INSERT INTO program_holidays (program_id, position, first_day, last_day, name) VALUES (?, ?, ?, ?, ?)',
    ),
    deleteBackups: db.prepare('DELETE FROM workstream_backups WHERE workstream_id = ?'),
    insertBackup: db.prepare(
      'INSERT OR IGNORE INTO workstream_backups (workstream_id, user_id) VALUES (?, ?)',
    ),
    insertReference: db.prepare(
      'INSERT INTO program_references (program_id, position, title, url) VALUES (?, ?, ?, ?)',
    ),
  };
}
