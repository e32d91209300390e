import type {
  Milestone,
  NextAction,
  Program,
  Readiness,
  TopRisk,
  Workstream,
} from '../../src/domain/program.js';

/**
 * Plain domain objects, as the store would return them, for the pure tests (views, domain rules). Every
 * field has a neutral default; a test states the ones it is about.
 */

export function workstream(key: string, over: Partial<Workstream> = {}): Workstream {
  return {
    id: 0,
    key,
    position: 0,
    name: key,
    ownerTeam: '',
    ownerIds: [],
    backupIds: [],
    state: '',
    summary: '',
    status: 'drafted',
    risk: 'low',
    blocker: '',
    dependsOn: [],
    statusSince: '2026-11-01T00:00:00Z',
    updatedBy: null,
    updatedAt: '2026-11-01T00:00:00Z',
    version: 1,
    target: null,
    baseline: null,
    ...over,
  };
}

/** The i-th of many alike workstreams: key `ws-i`, "Workstream i" of "Team", at position i. */
export function numberedWorkstream(i: number, over: Partial<Workstream> = {}): Workstream {
  return workstream(`ws-${i}`, { id: i, position: i, name: `Workstream ${i}`, ownerTeam: 'Team', ...over });
}

export function risk(id: number, over: Partial<TopRisk> = {}): TopRisk {
  return {
    id,
    position: id,
    text: `risk ${id}`,
    severity: 'medium',
    workstream: null,
    status: 'open',
    openedAt: '2026-11-01T00:00:00Z',
    closedAt: null,
    version: 1,
    ...over,
  };
}

export function readinessItem(id: number, over: Partial<Readiness> = {}): Readiness {
  return {
    id,
    position: id,
    name: `Dimension ${id}`,
    signal: 'partial',
    note: `note ${id}`,
    version: 1,
    ...over,
  };
}

export function nextAction(id: number, over: Partial<NextAction> = {}): NextAction {
  return {
    id,
    position: id,
    text: `action ${id}`,
    owner: null,
    workstream: null,
    due: null,
    done: false,
    version: 1,
    ...over,
  };
}

export function milestone(name: string, dependsOn: string[], over: Partial<Milestone> = {}): Milestone {
  const key = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    id: 0,
    key,
    position: 0,
    name,
    owner: '',
    dependsOn,
    target: null,
    baseline: null,
    version: 1,
    ...over,
  };
}

export function program(over: Partial<Program> = {}): Program {
  return {
    id: 1,
    slug: 'p',
    name: 'Program',
    summary: '',
    timezone: 'UTC',
    digest: null,
    reminderDaysBefore: 1,
    updatesChannel: null,
    canvasChannel: null,
    admins: [],
    workstreams: [],
    milestones: [],
    risks: [],
    readiness: [],
    actions: [],
    references: [],
    decisions: [],
    holidays: [],
    ...over,
  };
}

/** A pending decision of the register; `over` sets the rest. */
export function decision(id: number, over: Partial<import('../../src/domain/program.js').Decision> = {}) {
  return {
    id,
    position: id,
    question: `Decision ${id}?`,
    workstreams: [],
    deciders: [],
    neededBy: null,
    state: 'open' as const,
    outcome: '',
    decidedBy: [],
    decidedAt: null,
    link: null,
    reason: '',
    openedAt: '2026-11-10T18:00:00.000Z',
    version: 1,
    ...over,
  };
}
