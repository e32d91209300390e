import type { Db } from '../db/open.js';
import type {
  Decision,
  HistoryEntry,
  Holiday,
  Milestone,
  NextAction,
  Program,
  Readiness,
  Reference,
  TopRisk,
  Workstream,
} from '../domain/program.js';
import type { DecisionState, Risk, RiskState, Signal, Status } from '../domain/vocabulary.js';
import { HISTORY_ENTRY_COLUMNS } from './history-writer.js';

interface ProgramRow {
  id: number;
  slug: string;
  name: string;
  summary: string;
  timezone: string;
  digest_channel: string | null;
  digest_schedule: string | null;
  reminder_days_before: number | null;
  updates_channel: string | null;
  canvas_channel: string | null;
  created_at: string;
}

interface WorkstreamRow {
  id: number;
  key: string;
  position: number;
  name: string;
  owner_team: string;
  state: string;
  summary: string;
  status: Status;
  risk: Risk;
  blocker: string;
  status_since: string;
  updated_by: string | null;
  updated_at: string;
  version: number;
  target: string | null;
  baseline: string | null;
}

interface MilestoneRow {
  id: number;
  key: string;
  position: number;
  name: string;
  owner: string;
  target: string | null;
  baseline: string | null;
  version: number;
}

export interface ProgramSummary {
  id: number;
  slug: string;
  name: string;
}

/** Reads programs whole. Prepared once per database; a program of 1,000 workstreams is a handful of queries. */
export class ProgramRepo {
  private readonly q;
  private readonly programs = new Map<number, Program>();
  private summaries: ProgramSummary[] | undefined;
  private fingerprint = '';

  constructor(readonly db: Db) {
    this.q = {
      list: db.prepare<[], ProgramSummary>('SELECT id, slug, name FROM programs ORDER BY slug'),
      byId: db.prepare<[number], ProgramRow>('SELECT * FROM programs WHERE id = ?'),
      admins: db
        .prepare<[number], string>('SELECT user_id FROM program_admins WHERE program_id = ? ORDER BY rowid')
        .pluck(),
      workstreams: db.prepare<[number], WorkstreamRow>(
        'SELECT * FROM workstreams WHERE program_id = ? ORDER BY position, id',
      ),
      owners: db.prepare<[number], { workstream_id: number; user_id: string }>(
        `SELECT o.workstream_id, o.user_id FROM workstream_owners o
         JOIN workstreams w ON w.id = o.workstream_id WHERE w.program_id = ? ORDER BY o.rowid`,
      ),
      backups: db.prepare<[number], { workstream_id: number; user_id: string }>(
        `SELECT b.workstream_id, b.user_id FROM workstream_backups b
         JOIN workstreams w ON w.id = b.workstream_id WHERE w.program_id = ? ORDER BY b.rowid`,
      ),
      holidays: db.prepare<[number], Holiday>(
        'SELECT first_day AS "from", last_day AS "to", name FROM program_holidays WHERE program_id = ? ORDER BY position',
      ),
      deps: db.prepare<[number], { workstream_id: number; key: string }>(
        `SELECT d.workstream_id, t.key FROM workstream_dependencies d
         JOIN workstreams t ON t.id = d.depends_on_id WHERE t.program_id = ? ORDER BY d.rowid`,
      ),
      milestones: db.prepare<[number], MilestoneRow>(
        `SELECT id, key, position, name, owner, target, baseline, version FROM milestones
         WHERE program_id = ? ORDER BY position, id`,
      ),
      // Workstreams and milestones in the order the file named them.
      milestoneDeps: db.prepare<[number, number], { milestone_id: number; key: string }>(
        `SELECT d.milestone_id, w.key, d.position AS pos, d.rowid AS seq FROM milestone_dependencies d
         JOIN workstreams w ON w.id = d.depends_on_id WHERE w.program_id = ?
         UNION ALL
         SELECT d.milestone_id, m.key, d.position AS pos, d.rowid AS seq FROM milestone_milestone_dependencies d
         JOIN milestones m ON m.id = d.depends_on_id WHERE m.program_id = ?
         ORDER BY pos, seq`,
      ),
      risks: db.prepare<[number], Omit<TopRisk, 'workstream'> & { workstream: string | null }>(
        `SELECT r.id, r.position, r.text, r.severity, w.key AS workstream, r.status,
                r.opened_at AS openedAt, r.closed_at AS closedAt, r.version
         FROM risks r LEFT JOIN workstreams w ON w.id = r.workstream_id
         WHERE r.program_id = ? ORDER BY r.position, r.id`,
      ),
      readiness: db.prepare<[number], Readiness>(
        'SELECT id, position, name, signal, note, version FROM readiness WHERE program_id = ? ORDER BY position, id',
      ),
      actions: db.prepare<[number], Omit<NextAction, 'done'> & { done: number }>(
        `SELECT a.id, a.position, a.text, a.owner, w.key AS workstream, a.due, a.done, a.version
         FROM actions a LEFT JOIN workstreams w ON w.id = a.workstream_id
         WHERE a.program_id = ? ORDER BY a.position, a.id`,
      ),
      decisions: db.prepare<[number], DecisionRow>(
        'SELECT * FROM decisions WHERE program_id = ? ORDER BY position, id',
      ),
      references: db.prepare<[number], Reference>(
        'SELECT position, title, url FROM program_references WHERE program_id = ? ORDER BY position, id',
      ),
      history: db.prepare<[number, string, string, number], HistoryEntry>(
        `SELECT ${HISTORY_ENTRY_COLUMNS}
         FROM history WHERE program_id = ? AND entity = ? AND entity_key = ? ORDER BY id DESC LIMIT ?`,
      ),
      fingerprint: db
        .prepare<[], string>(
          "SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()",
        )
        .pluck(),
    };
  }

  list(): ProgramSummary[] {
    return this.summariesOf(this.fresh());
  }

  /**
   * A program read whole. Reading 1,000 workstreams costs milliseconds, so a program is kept until the
   * database changes (this connection's writes or another process's commits); what is returned is frozen,
   * since the same object is handed to every caller until then.
   */
  get(slug: string): Program | undefined {
    const cacheable = this.fresh();
    const id = this.summariesOf(cacheable).find((p) => p.slug === slug)?.id;
    return id === undefined ? undefined : this.read(id, cacheable);
  }

  getById(id: number): Program | undefined {
    return this.read(id, this.fresh());
  }

  /**
   * A mark that moves whenever the database may have changed (this connection's writes or another
   * process's commits): a watcher compares marks before reading anything whole.
   */
  changeMark(): string {
    return this.q.fingerprint.get() ?? '';
  }

  /** When the program was first imported (ISO), e.g. so a digest is not asked for a week before it existed. */
  createdAt(id: number): string | undefined {
    return this.q.byId.get(id)?.created_at;
  }

  /** Every program read whole, in the list's order, checked against the database once. */
  all(): Program[] {
    const { programs, read } = this.snapshot();
    return programs.map((p) => read(p.id)).filter((p): p is Program => p !== undefined);
  }

  /**
   * The programs and a reader of whole ones, checked against the database once: for a lookup that lists
   * them and then reads one, as every command does, in the same synchronous step.
   */
  snapshot(): { programs: ProgramSummary[]; read(id: number): Program | undefined } {
    const cacheable = this.fresh();
    return { programs: this.summariesOf(cacheable), read: (id) => this.read(id, cacheable) };
  }

  private summariesOf(cacheable: boolean): ProgramSummary[] {
    if (!cacheable) return deepFreeze(this.q.list.all());
    this.summaries ??= deepFreeze(this.q.list.all());
    return this.summaries;
  }

  private read(id: number, cacheable: boolean): Program | undefined {
    const cached = cacheable ? this.programs.get(id) : undefined;
    if (cached) return cached;
    const row = this.q.byId.get(id);
    if (!row) return undefined;
    const program = deepFreeze(this.assemble(row));
    if (cacheable) this.programs.set(id, program);
    return program;
  }

  /**
   * May what is kept be handed out, and what is read be kept? `total_changes()` counts this connection's
   * writes, `data_version` moves when another connection commits: together they say, in one tiny query,
   * whether anything kept may be stale. Neither moves back when a transaction rolls back, so what is read
   * inside a transaction after a change is never kept: it may be undone.
   */
  private fresh(): boolean {
    const fingerprint = this.changeMark();
    if (fingerprint === this.fingerprint) return true;
    if (this.db.inTransaction) return false;
    this.fingerprint = fingerprint;
    this.programs.clear();
    this.summaries = undefined;
    return true;
  }

  /** Most recent first. */
  history(
    programId: number,
    entity: HistoryEntry['entity'],
    entityKey: string,
    limit: number,
  ): HistoryEntry[] {
    return this.q.history.all(programId, entity, entityKey, limit);
  }

  private assemble(row: ProgramRow): Program {
    const id = row.id;
    const owners = groupBy(
      this.q.owners.all(id),
      (o) => o.workstream_id,
      (o) => o.user_id,
    );
    const backups = groupBy(
      this.q.backups.all(id),
      (b) => b.workstream_id,
      (b) => b.user_id,
    );
    const deps = groupBy(
      this.q.deps.all(id),
      (d) => d.workstream_id,
      (d) => d.key,
    );
    const milestoneDeps = groupBy(
      this.q.milestoneDeps.all(id, id),
      (d) => d.milestone_id,
      (d) => d.key,
    );
    const workstreams: Workstream[] = this.q.workstreams.all(id).map((w) => ({
      id: w.id,
      key: w.key,
      position: w.position,
      name: w.name,
      ownerTeam: w.owner_team,
      ownerIds: owners.get(w.id) ?? [],
      backupIds: backups.get(w.id) ?? [],
      state: w.state,
      summary: w.summary,
      status: w.status,
      risk: w.risk,
      blocker: w.blocker,
      dependsOn: deps.get(w.id) ?? [],
      statusSince: w.status_since,
      updatedBy: w.updated_by,
      updatedAt: w.updated_at,
      version: w.version,
      target: w.target,
      baseline: w.baseline,
    }));
    const milestones: Milestone[] = this.q.milestones
      .all(id)
      .map((m) => ({ ...m, dependsOn: milestoneDeps.get(m.id) ?? [] }));
    return {
      id,
      slug: row.slug,
      name: row.name,
      summary: row.summary,
      timezone: row.timezone,
      digest:
        row.digest_channel && row.digest_schedule
          ? { channel: row.digest_channel, schedule: row.digest_schedule }
          : null,
      reminderDaysBefore: row.reminder_days_before,
      updatesChannel: row.updates_channel,
      canvasChannel: row.canvas_channel,
      admins: this.q.admins.all(id),
      workstreams,
      milestones,
      risks: this.q.risks
        .all(id)
        .map((r) => ({ ...r, severity: r.severity as Risk, status: r.status as RiskState })),
      readiness: this.q.readiness.all(id).map((r) => ({ ...r, signal: r.signal as Signal })),
      actions: this.q.actions.all(id).map((a) => ({ ...a, done: a.done === 1 })),
      references: this.q.references.all(id),
      decisions: this.q.decisions.all(id).map(toDecision),
      holidays: this.q.holidays.all(id),
    };
  }
}

interface DecisionRow {
  id: number;
  position: number;
  question: string;
  workstreams: string;
  deciders: string;
  needed_by: string | null;
  state: DecisionState;
  outcome: string;
  decided_by: string;
  decided_at: string | null;
  link: string | null;
  reason: string;
  opened_at: string;
  version: number;
}

/** The store keeps lists of keys and IDs comma-separated, as the history does. */
export function splitList(value: string): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}

function toDecision(row: DecisionRow): Decision {
  return {
    id: row.id,
    position: row.position,
    question: row.question,
    workstreams: splitList(row.workstreams),
    deciders: splitList(row.deciders),
    neededBy: row.needed_by,
    state: row.state,
    outcome: row.outcome,
    decidedBy: splitList(row.decided_by),
    decidedAt: row.decided_at,
    link: row.link,
    reason: row.reason,
    openedAt: row.opened_at,
    version: row.version,
  };
}

function groupBy<T, K, V>(rows: T[], keyOf: (row: T) => K, pick: (row: T) => V): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = out.get(k);
    if (list) list.push(pick(row));
    else out.set(k, [pick(row)]);
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
