import type { ProgramFile } from './program-file.js';

/**
 * The three-way merge of a re-import, as `kubectl apply` merges with its last-applied configuration. Three
 * versions of one program: the base (the file the last import applied), Slack's (the store now, with what
 * owners changed since) and the file's. Per field of every item:
 * - the file did not change it since the base: the store's value stays (a Slack edit survives);
 * - nobody changed it in Slack: the file's value is taken;
 * - both changed it, to different values: a conflict, which `prefer` settles one way, or else stops the import.
 * An item only one side has is kept as that side added it; an item the file drops goes unless Slack changed
 * it since the base (a conflict too). An item the base lacks but both sides have (a Slack addition written
 * into an exported file) has no common value to judge by: any difference is a conflict.
 */

export type Prefer = 'file' | 'slack';
export type MergeEntity = 'program' | 'workstream' | 'risk' | 'readiness' | 'action' | 'decision';

export interface FieldConflict {
  kind: 'field';
  entity: MergeEntity;
  /** How the item is known: the slug, a workstream key, a risk's or action's id, a readiness dimension's name. */
  item: string;
  label: string;
  field: string;
  /** `undefined` when the base does not have the item. */
  base: unknown;
  slack: unknown;
  file: unknown;
}

/** One side removed an item the other changed since the base. */
export interface RemovalConflict {
  kind: 'removal';
  entity: MergeEntity;
  item: string;
  label: string;
  removedBy: 'file' | 'slack';
  /** The fields the other side changed since the base. */
  fields: string[];
}

export type Conflict = FieldConflict | RemovalConflict;

export interface MergeInput {
  base: ProgramFile;
  current: ProgramFile;
  file: ProgramFile;
  prefer?: Prefer | undefined;
}

export interface MergeResult {
  /** What the store is to hold: complete, with the ids of the items it keeps. */
  merged: ProgramFile;
  /** Every conflict found, settled by `prefer` when given. */
  conflicts: Conflict[];
  /** The file with its risks and actions matched to the store's ids where they are the same item. */
  file: ProgramFile;
  /** For each merged risk, action and decision, its place in `file` (undefined if only Slack has it). */
  fromFile: {
    risks: (number | undefined)[];
    actions: (number | undefined)[];
    decisions: (number | undefined)[];
  };
}

const PROGRAM_FIELDS = [
  'name',
  'summary',
  'timezone',
  'digest',
  'updates_channel',
  'canvas',
  'holidays',
  'admins',
  'milestones',
  'references',
] as const;
const WORKSTREAM_FIELDS = [
  'name',
  'owner',
  'owner_ids',
  'backup_ids',
  'state',
  'summary',
  'status',
  'risk',
  'blocker',
  'depends_on',
  'target',
  'baseline',
] as const;
const RISK_FIELDS = ['text', 'severity', 'workstream', 'status'] as const;
const READINESS_FIELDS = ['signal', 'note'] as const;
const ACTION_FIELDS = ['text', 'owner', 'workstream', 'due', 'done'] as const;
const DECISION_FIELDS = [
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
] as const;

export function mergeProgram(input: MergeInput): MergeResult {
  const { base, current, prefer } = input;
  const file = identify(input.file, base, current);
  const conflicts: Conflict[] = [];

  /** One list merged three ways, its conflicts added to the import's. */
  const merge = <T extends object>(pick: (p: ProgramFile) => readonly T[], spec: ListSpec<NoInfer<T>>) =>
    mergeList(spec, pick(base), pick(current), pick(file), prefer, conflicts);
  const [program] = merge((p: ProgramFile) => [p], {
    entity: 'program',
    fields: PROGRAM_FIELDS,
    identity: (p) => p.slug,
    label: (p) => p.name,
  }).merged;
  const workstreams = merge((p: ProgramFile) => p.workstreams, {
    entity: 'workstream',
    fields: WORKSTREAM_FIELDS,
    identity: (w) => w.key,
    label: (w) => w.name,
  }).merged;
  const risks = merge((p: ProgramFile) => p.risks, {
    entity: 'risk',
    fields: RISK_FIELDS,
    identity: byId,
    label: (r) => r.text,
  });
  const readiness = merge((p: ProgramFile) => p.readiness, {
    entity: 'readiness',
    fields: READINESS_FIELDS,
    identity: (r) => r.name,
    label: (r) => r.name,
  }).merged;
  const actions = merge((p: ProgramFile) => p.actions, {
    entity: 'action',
    fields: ACTION_FIELDS,
    identity: byId,
    label: (a) => a.text,
  });

  const decisions = merge((p: ProgramFile) => p.decisions, {
    entity: 'decision',
    fields: DECISION_FIELDS,
    identity: byId,
    label: (d) => d.question,
  });

  return {
    merged: {
      ...(program ?? file),
      workstreams,
      risks: risks.merged,
      readiness,
      actions: actions.merged,
      decisions: decisions.merged,
    },
    conflicts,
    file,
    fromFile: { risks: risks.fromFile, actions: actions.fromFile, decisions: decisions.fromFile },
  };
}

/** A risk, action or decision without an id is new to the store: its own identity, matching nothing. */
function byId(item: { id?: number | undefined }, position: number): string {
  return item.id === undefined ? `new ${position}` : String(item.id);
}

/**
 * Gives the file's risks, actions and decisions the ids of the store's items they are. An id written by
 * `export` says so; an item without one (a file written by hand, or older than ids) is the base's item of the
 * same text (a decision's question), else the store's, else new. An id this program never had is kept: the
 * store may honour it for a new row.
 */
function identify(file: ProgramFile, base: ProgramFile, current: ProgramFile): ProgramFile {
  const match = <T extends { id?: number | undefined }>(
    items: T[],
    baseItems: T[],
    currentItems: T[],
    text: (item: T) => string,
  ): T[] => {
    const taken = new Set(items.flatMap((i) => (i.id === undefined ? [] : [i.id])));
    const find = (pool: T[], wanted: string) => {
      const found = pool.find((p) => p.id !== undefined && text(p) === wanted && !taken.has(p.id));
      if (found?.id !== undefined) taken.add(found.id);
      return found?.id;
    };
    return items.map((item) => {
      if (item.id !== undefined) return item;
      const id = find(baseItems, text(item)) ?? find(currentItems, text(item));
      return id === undefined ? item : { ...item, id };
    });
  };
  return {
    ...file,
    risks: match(file.risks, base.risks, current.risks, (r) => r.text),
    actions: match(file.actions, base.actions, current.actions, (a) => a.text),
    decisions: match(file.decisions, base.decisions, current.decisions, (d) => d.question),
  };
}

interface ListSpec<T> {
  entity: MergeEntity;
  fields: readonly (keyof T & string)[];
  identity: (item: T, position: number) => string;
  label: (item: T) => string;
}

/** Values compare as canonical JSON: lists by content, object keys in any order, absent as null. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function changedFields<T>(fields: readonly (keyof T & string)[], from: T, to: T): string[] {
  return fields.filter((f) => !same(from[f], to[f]));
}

function mergeList<T extends object>(
  spec: ListSpec<T>,
  base: readonly T[],
  current: readonly T[],
  file: readonly T[],
  prefer: Prefer | undefined,
  conflicts: Conflict[],
): { merged: T[]; fromFile: (number | undefined)[] } {
  const index = (items: readonly T[]) => new Map(items.map((item, i) => [spec.identity(item, i), item]));
  const inBase = index(base);
  const inCurrent = index(current);
  const inFile = index(file);
  const merged: T[] = [];
  const fromFile: (number | undefined)[] = [];
  const keep = (item: T, position: number | undefined) => {
    merged.push(item);
    fromFile.push(position);
  };

  file.forEach((f, position) => {
    const key = spec.identity(f, position);
    const b = inBase.get(key);
    const c = inCurrent.get(key);
    if (!c) {
      // New in the file, or gone from the store (Slack cannot delete; another import could not either
      // without moving the base): back only if the file changed it and the file is preferred.
      if (!b) {
        keep(f, position);
        return;
      }
      const fields = changedFields(spec.fields, b, f);
      if (!fields.length) return;
      conflicts.push({
        kind: 'removal',
        entity: spec.entity,
        item: key,
        label: spec.label(f),
        removedBy: 'slack',
        fields,
      });
      if (prefer === 'file') keep(f, position);
      return;
    }
    const out = { ...f } as Record<string, unknown>;
    for (const field of spec.fields) {
      const fv = f[field];
      const cv = c[field];
      if (same(fv, cv) || (b && same(fv, b[field]))) out[field] = cv;
      else if (b && same(cv, b[field])) out[field] = fv;
      else {
        conflicts.push({
          kind: 'field',
          entity: spec.entity,
          item: key,
          label: spec.label(c),
          field,
          base: b?.[field],
          slack: cv,
          file: fv,
        });
        out[field] = prefer === 'file' ? fv : cv;
      }
    }
    keep(out as T, position);
  });

  current.forEach((c, position) => {
    const key = spec.identity(c, position);
    if (inFile.has(key)) return;
    const b = inBase.get(key);
    // Added in Slack since the base: the file never knew it, so it stays.
    if (!b) {
      keep(c, undefined);
      return;
    }
    const fields = changedFields(spec.fields, b, c);
    if (!fields.length) return;
    conflicts.push({
      kind: 'removal',
      entity: spec.entity,
      item: key,
      label: spec.label(c),
      removedBy: 'file',
      fields,
    });
    if (prefer !== 'file') keep(c, undefined);
  });

  return { merged, fromFile };
}
