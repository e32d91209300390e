import {
  bySeverityThenPosition,
  type DecisionState,
  type Risk,
  type RiskState,
  type Signal,
  type Status,
} from './vocabulary.js';

/** A program as the rest of Rollout sees it: plain data read from the store in one go. */
export interface Program {
  id: number;
  slug: string;
  name: string;
  summary: string;
  timezone: string;
  digest: { channel: string; schedule: string } | null;
  reminderDaysBefore: number | null;
  updatesChannel: string | null;
  /** The channel whose canvas Rollout keeps as the program's page; null for none. */
  canvasChannel: string | null;
  admins: string[];
  workstreams: Workstream[];
  milestones: Milestone[];
  risks: TopRisk[];
  readiness: Readiness[];
  actions: NextAction[];
  references: Reference[];
  decisions: Decision[];
  /** Non-working days in the program's zone, in the file's order. */
  holidays: Holiday[];
}

/** A day off, or a range of them (both ends included), as YYYY-MM-DD in the program's zone. */
export interface Holiday {
  from: string;
  to: string;
  name: string;
}

export interface Workstream {
  id: number;
  key: string;
  position: number;
  name: string;
  ownerTeam: string;
  ownerIds: string[];
  /** Slack users who may update it too, and are reminded while every owner is away. */
  backupIds: string[];
  state: string;
  summary: string;
  status: Status;
  risk: Risk;
  blocker: string;
  dependsOn: string[];
  statusSince: string;
  updatedBy: string | null;
  updatedAt: string;
  version: number;
  /** YYYY-MM-DD; null when the workstream has no target date. */
  target: string | null;
  /** The first target, kept when the target moves (until an admin re-baselines). */
  baseline: string | null;
}

/** A date the program works towards that waits on workstreams or other milestones (the page's gates). */
export interface Milestone {
  id: number;
  key: string;
  position: number;
  name: string;
  /** Who answers for it: a Slack user ID or a team's name; '' for nobody named. */
  owner: string;
  /** Keys of workstreams or milestones. */
  dependsOn: string[];
  target: string | null;
  baseline: string | null;
  version: number;
}

export interface TopRisk {
  id: number;
  position: number;
  text: string;
  severity: Risk;
  workstream: string | null;
  status: RiskState;
  openedAt: string;
  closedAt: string | null;
  version: number;
}

export interface Readiness {
  id: number;
  position: number;
  name: string;
  signal: Signal;
  note: string;
  version: number;
}

export interface NextAction {
  id: number;
  position: number;
  text: string;
  owner: string | null;
  workstream: string | null;
  due: string | null;
  done: boolean;
  version: number;
}

/** A decision the program waits on, or one it took: the page's "Decision Register". */
export interface Decision {
  id: number;
  position: number;
  question: string;
  /** Keys of the workstreams it blocks. */
  workstreams: string[];
  /** Slack user IDs of who decides. */
  deciders: string[];
  /** YYYY-MM-DD, in the program's zone. */
  neededBy: string | null;
  state: DecisionState;
  outcome: string;
  /** Slack user IDs of who decided. */
  decidedBy: string[];
  /** YYYY-MM-DD. */
  decidedAt: string | null;
  /** Where it was made (a message's permalink, a doc). */
  link: string | null;
  /** Why it was deferred or withdrawn. */
  reason: string;
  openedAt: string;
  version: number;
}

export interface Reference {
  position: number;
  title: string;
  url: string | null;
}

export interface HistoryEntry {
  id: number;
  entity: 'program' | 'workstream' | 'risk' | 'readiness' | 'action' | 'reference' | 'milestone' | 'decision';
  entityKey: string;
  entityLabel: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  actor: string;
  at: string;
  note: string;
}

/**
 * Finds a workstream by key or name, ignoring case; failing that, by a part of its name when only one
 * workstream's name contains it ("okta" is not a name, but "identity" finds "Identity and SSO").
 */
export function findWorkstream(program: Program, query: string): Workstream | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return undefined;
  const exact =
    workstreamsByKey(program).get(q) ?? program.workstreams.find((w) => w.name.toLowerCase() === q);
  if (exact) return exact;
  const partial = program.workstreams.filter((w) => w.name.toLowerCase().includes(q));
  return partial.length === 1 ? partial[0] : undefined;
}

const indexes = new WeakMap<readonly Workstream[], ReadonlyMap<string, Workstream>>();

/** A workstream's name by its key; the key itself when the program no longer has it. */
export function workstreamName(program: Program, key: string): string {
  return workstreamsByKey(program).get(key)?.name ?? key;
}

/**
 * A program's workstreams by key. The store hands out frozen programs, shared until the database changes,
 * so their index is built once; a program still being put together (not frozen) is indexed afresh.
 */
export function workstreamsByKey(program: Program): ReadonlyMap<string, Workstream> {
  const list = program.workstreams;
  let index = indexes.get(list);
  if (!index) {
    const built = new Map<string, Workstream>();
    for (const w of list) if (!built.has(w.key)) built.set(w.key, w);
    index = built;
    if (Object.isFrozen(list)) indexes.set(list, index);
  }
  return index;
}

/** The program's open risks, the most severe first, then in its order: its "top risks right now". */
export function openRisks(program: Pick<Program, 'risks'>): TopRisk[] {
  return program.risks.filter((r) => r.status === 'open').sort(bySeverityThenPosition);
}
