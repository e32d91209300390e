import type { HistoryEntry, Program } from './program.js';
import type { ProgramFile } from './program-file.js';

/**
 * The store's program in the shape of a parsed program file, risks and actions carrying their ids: the
 * "Slack" side of a re-import's three-way merge, in the same terms as the file and the base.
 */
export function storedAsFile(p: Program): ProgramFile {
  return {
    slug: p.slug,
    name: p.name,
    summary: p.summary,
    timezone: p.timezone,
    digest: p.digest
      ? { channel: p.digest.channel, schedule: p.digest.schedule, reminder_days_before: p.reminderDaysBefore }
      : undefined,
    updates_channel: p.updatesChannel ?? undefined,
    canvas: p.canvasChannel ? { channel: p.canvasChannel } : undefined,
    admins: [...p.admins],
    workstreams: p.workstreams.map((w) => ({
      key: w.key,
      name: w.name,
      owner: w.ownerTeam,
      owner_ids: [...w.ownerIds],
      backup_ids: [...w.backupIds],
      state: w.state,
      summary: w.summary,
      status: w.status,
      risk: w.risk,
      blocker: w.blocker,
      depends_on: [...w.dependsOn],
      ...datesAsFile(w),
    })),
    milestones: p.milestones.map((m) => ({
      key: m.key,
      name: m.name,
      owner: m.owner,
      depends_on: [...m.dependsOn],
      ...datesAsFile(m),
    })),
    risks: p.risks.map((r) => ({
      id: r.id,
      text: r.text,
      severity: r.severity,
      workstream: r.workstream ?? undefined,
      status: r.status,
    })),
    readiness: p.readiness.map((r) => ({ name: r.name, signal: r.signal, note: r.note })),
    actions: p.actions.map((a) => ({
      id: a.id,
      text: a.text,
      owner: a.owner ?? undefined,
      workstream: a.workstream ?? undefined,
      due: a.due ?? undefined,
      done: a.done,
    })),
    references: p.references.map((r) => ({ title: r.title, url: r.url ?? undefined })),
    holidays: p.holidays.map((h) => ({ ...h })),
    decisions: p.decisions.map((d) => ({
      id: d.id,
      question: d.question,
      workstreams: [...d.workstreams],
      deciders: [...d.deciders],
      needed_by: d.neededBy ?? undefined,
      state: d.state,
      outcome: d.outcome,
      decided_by: [...d.decidedBy],
      decided_at: d.decidedAt ?? undefined,
      link: d.link ?? undefined,
      reason: d.reason,
    })),
  };
}

/** A target as a file has it: the baseline only once the target moved away from it (as export writes it). */
export function datesAsFile(item: { target: string | null; baseline: string | null }): {
  target?: string;
  baseline?: string;
} {
  return {
    ...(item.target ? { target: item.target } : {}),
    ...(item.baseline && item.baseline !== item.target ? { baseline: item.baseline } : {}),
  };
}

/** The fields people change in Slack, per entity, as the history names them. */
const SLACK_FIELDS = {
  workstream: ['status', 'risk', 'state', 'blocker', 'summary'],
  risk: ['text', 'severity', 'workstream', 'status'],
  readiness: ['signal', 'note'],
  action: ['text', 'owner', 'workstream', 'due', 'done'],
} as const;

type Patchable = keyof typeof SLACK_FIELDS;

/**
 * The base of a program imported before bases were kept, rebuilt from its history: a field changed by
 * someone other than `importActor` since the import last wrote it goes back to the value it had before that
 * first change (what the import had left), and an item created in Slack and never touched by an import is
 * left out (Slack added it). Every other value is taken as the store has it. The history holds every change,
 * so this is the base the last import would have stored; the merge then never mistakes a Slack edit for
 * the file's intent. `history` is oldest first.
 */
export function baseFromHistory(
  program: Program,
  history: readonly HistoryEntry[],
  importActor: string,
): ProgramFile {
  /** item → field → the value before Slack's first change since the last import. */
  const before = new Map<string, Map<string, string | null>>();
  const createdInSlack = new Set<string>();
  for (const e of history) {
    if (!(e.entity in SLACK_FIELDS)) continue;
    const item = `${e.entity}:${e.entityKey}`;
    if (e.actor === importActor) {
      createdInSlack.delete(item);
      if (e.field === 'created' || e.field === 'removed') before.delete(item);
      else before.get(item)?.delete(e.field);
    } else if (e.field === 'created') {
      createdInSlack.add(item);
    } else {
      const fields = before.get(item) ?? new Map<string, string | null>();
      if (!fields.has(e.field)) fields.set(e.field, e.oldValue);
      before.set(item, fields);
    }
  }

  const patch = <T extends object>(entity: Patchable, entityKey: string, value: T): T => {
    const fields = before.get(`${entity}:${entityKey}`);
    if (!fields) return value;
    const out = { ...value } as Record<string, unknown>;
    for (const field of SLACK_FIELDS[entity]) {
      if (!fields.has(field)) continue;
      const old = fields.get(field) ?? null;
      out[field] = field === 'done' ? old === 'true' : old;
    }
    return out as T;
  };
  const fromSlack = (entity: Patchable, id: number) => createdInSlack.has(`${entity}:${id}`);

  return storedAsFile({
    ...program,
    workstreams: program.workstreams.map((w) => patch('workstream', w.key, w)),
    risks: program.risks.filter((r) => !fromSlack('risk', r.id)).map((r) => patch('risk', String(r.id), r)),
    readiness: program.readiness
      .filter((r) => !fromSlack('readiness', r.id))
      .map((r) => patch('readiness', String(r.id), r)),
    actions: program.actions
      .filter((a) => !fromSlack('action', a.id))
      .map((a) => patch('action', String(a.id), a)),
  });
}
