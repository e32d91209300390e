import type {
  Decision,
  HistoryEntry,
  NextAction,
  Program,
  Readiness,
  TopRisk,
  Workstream,
} from '../../src/domain/program.js';
import {
  program as baseProgram,
  risk as baseRisk,
  workstream as baseWorkstream,
  nextAction,
  readinessItem,
} from './program-objects.js';

/**
 * Programs built directly as the store would return them, for the digest's content and message tests.
 * The scenario's digest is Monday 23 Nov 2026, 09:00 in Los Angeles (17:00 UTC), ISO week 2026-W48.
 */
export const AS_OF = new Date('2026-11-23T17:00:00Z');
export const LAST_DIGEST = new Date('2026-11-16T17:00:00Z');

export function workstream(key: string, position: number, over: Partial<Workstream> = {}): Workstream {
  return baseWorkstream(key, {
    id: position + 1,
    position,
    statusSince: '2026-11-20T17:00:00.000Z',
    updatedAt: '2026-11-20T17:00:00.000Z',
    ...over,
  });
}

export function risk(id: number, position: number, over: Partial<TopRisk> = {}): TopRisk {
  return baseRisk(id, { position, openedAt: '2026-11-01T00:00:00.000Z', ...over });
}

export function action(id: number, position: number, over: Partial<NextAction> = {}): NextAction {
  return nextAction(id, { position, ...over });
}

export function readiness(id: number, position: number, over: Partial<Readiness> = {}): Readiness {
  return readinessItem(id, { position, name: `dimension ${id}`, note: '', ...over });
}

/** An open decision, opened Wed 11 Nov 2026, 10:00 in Los Angeles: 12 days before the scenario's digest. */
export function decision(id: number, position: number, over: Partial<Decision> = {}): Decision {
  return {
    id,
    position,
    question: `decision ${id}?`,
    workstreams: [],
    deciders: [],
    neededBy: null,
    state: 'open',
    outcome: '',
    decidedBy: [],
    decidedAt: null,
    link: null,
    reason: '',
    openedAt: '2026-11-11T18:00:00.000Z',
    version: 1,
    ...over,
  };
}

export function program(over: Partial<Program> = {}): Program {
  return baseProgram({
    slug: 'builder-insights',
    name: 'Builder Insights operationalization',
    timezone: 'America/Los_Angeles',
    digest: { channel: 'C0LEADERS', schedule: '0 9 * * 1' },
    ...over,
  });
}

let historyId = 0;
export function entry(
  over: Partial<HistoryEntry> & Pick<HistoryEntry, 'entity' | 'entityKey' | 'field'>,
): HistoryEntry {
  historyId++;
  return {
    id: historyId,
    entityLabel: over.entityKey,
    oldValue: null,
    newValue: null,
    actor: 'UACTOR01',
    at: '2026-11-18T17:00:00.000Z',
    note: '',
    ...over,
  };
}

/** The scenario every section of the digest is asserted on (expected values in the tests). */
export function scenario(): { program: Program; history: HistoryEntry[] } {
  const workstreams = [
    workstream('identity-sso', 0, {
      name: 'Identity and SSO',
      ownerTeam: 'Identity and Security',
      ownerIds: ['UOWNER01'],
      status: 'needs-decision',
      risk: 'high',
      blocker: 'approved Okta path and claims model',
      // Wed 11 Nov, 10:00 in Los Angeles: 12 days before Monday 23 Nov.
      statusSince: '2026-11-11T18:00:00.000Z',
    }),
    workstream('org-access', 1, {
      name: 'Org-aware access',
      ownerTeam: 'Builder Relations Ops',
      status: 'needs-validation',
      risk: 'high',
      blocker: 'confirmed source of truth for membership',
      // Thu 19 Nov, 17:00 in Los Angeles, already Fri 20 Nov in UTC: 4 days, not 3.
      statusSince: '2026-11-20T01:00:00.000Z',
      // Fri 13 Nov, 16:00 in Los Angeles: 10 days.
      updatedAt: '2026-11-14T00:00:00.000Z',
    }),
    workstream('kanopy-hosting', 2, {
      name: 'Kanopy hosting',
      ownerTeam: 'Platform Engineering',
      ownerIds: ['UOWNER02', 'UOWNER03'],
      status: 'drafted',
      risk: 'medium',
      updatedAt: '2026-11-10T20:00:00.000Z',
    }),
    workstream('readiness-gating', 3, {
      name: 'Readiness gating',
      ownerTeam: 'Product',
      ownerIds: ['UOWNER04'],
      status: 'blocked',
      risk: 'medium',
      blocker: 'depends on upstream decisions',
      // Blocked on two open workstreams: upstream of blocked work, in "Most likely to slow rollout".
      dependsOn: ['identity-sso', 'org-access'],
      statusSince: '2026-11-16T17:00:00.000Z',
    }),
    workstream('telemetry', 4, {
      name: 'Observability and analytics',
      ownerTeam: 'Platform',
      status: 'blocked',
      risk: 'high',
      blocker: 'approved telemetry stack',
      statusSince: '2026-11-22T17:00:00.000Z',
    }),
    workstream('shipped', 5, {
      name: 'Shipped thing',
      status: 'done',
      updatedAt: '2026-01-05T17:00:00.000Z',
    }),
    // Mon 16 Nov, 12:00 in Los Angeles: exactly 7 days, stale.
    workstream('seven-days', 6, { name: 'Seven days', updatedAt: '2026-11-16T20:00:00.000Z' }),
    // Tue 17 Nov, 00:30 in Los Angeles: 6 days, not stale (though 6 days 16½ hours ago).
    workstream('six-days', 7, { name: 'Six days', updatedAt: '2026-11-17T08:30:00.000Z' }),
  ];
  const p = program({
    workstreams,
    risks: [
      risk(11, 0, { text: 'program-wide medium risk', severity: 'medium' }),
      risk(12, 1, { text: 'identity decisions stay abstract', severity: 'high', workstream: 'identity-sso' }),
      risk(13, 2, {
        text: 'closed high risk',
        severity: 'high',
        status: 'closed',
        closedAt: '2026-11-18T17:00:00.000Z',
      }),
      risk(14, 3, { text: 'telemetry treated as optional', severity: 'high', workstream: 'telemetry' }),
      risk(15, 4, { text: 'a low risk', severity: 'low' }),
    ],
    readiness: [
      readiness(21, 0, {
        name: 'Identity readiness',
        signal: 'not-ready',
        note: 'until Okta path is confirmed',
      }),
      readiness(22, 1, { name: 'Hosting readiness', signal: 'partial' }),
      readiness(23, 2, { name: 'Leadership readiness', signal: 'ready' }),
    ],
    actions: [
      action(31, 0, {
        text: 'confirm Okta meeting path',
        owner: 'UOWNER01',
        due: '2026-11-20',
        workstream: 'identity-sso',
      }),
      action(32, 1, { text: 'confirm org source', owner: 'Builder Relations lead', due: '2026-11-23' }),
      action(33, 2, { text: 'confirm Kanopy assumptions', due: '2026-11-29' }),
      action(34, 3, { text: 'next week', due: '2026-11-30' }),
      action(35, 4, { text: 'done already', due: '2026-11-10', done: true }),
      action(36, 5, { text: 'no due date' }),
      action(37, 6, { text: 'long overdue', due: '2026-11-01' }),
    ],
  });
  const history = [
    entry({
      entity: 'workstream',
      entityKey: 'readiness-gating',
      field: 'status',
      oldValue: 'drafted',
      newValue: 'needs-decision',
      at: '2026-11-16T18:00:00.000Z',
    }),
    entry({
      entity: 'workstream',
      entityKey: 'kanopy-hosting',
      field: 'status',
      oldValue: 'drafted',
      newValue: 'blocked',
      at: '2026-11-16T19:00:00.000Z',
    }),
    entry({
      entity: 'workstream',
      entityKey: 'readiness-gating',
      field: 'status',
      oldValue: 'needs-decision',
      newValue: 'blocked',
      at: '2026-11-17T18:00:00.000Z',
    }),
    entry({
      entity: 'workstream',
      entityKey: 'identity-sso',
      field: 'risk',
      oldValue: 'medium',
      newValue: 'high',
      at: '2026-11-18T18:00:00.000Z',
    }),
    entry({
      entity: 'workstream',
      entityKey: 'identity-sso',
      field: 'summary',
      oldValue: 'a',
      newValue: 'b',
      at: '2026-11-18T18:30:00.000Z',
    }),
    entry({
      entity: 'risk',
      entityKey: '16',
      entityLabel: 'a risk opened this week',
      field: 'created',
      newValue: 'a risk opened this week',
      at: '2026-11-19T18:00:00.000Z',
    }),
    entry({
      entity: 'risk',
      entityKey: '13',
      entityLabel: 'closed high risk',
      field: 'status',
      oldValue: 'open',
      newValue: 'closed',
      at: '2026-11-19T19:00:00.000Z',
    }),
    entry({
      entity: 'risk',
      entityKey: '11',
      entityLabel: 'program-wide medium risk',
      field: 'severity',
      oldValue: 'low',
      newValue: 'medium',
      at: '2026-11-20T18:00:00.000Z',
    }),
    entry({
      entity: 'risk',
      entityKey: '19',
      entityLabel: 'a risk removed',
      field: 'removed',
      oldValue: 'a risk removed',
      at: '2026-11-20T19:00:00.000Z',
    }),
    entry({
      entity: 'risk',
      entityKey: '15',
      entityLabel: 'a low risk',
      field: 'status',
      oldValue: 'closed',
      newValue: 'open',
      at: '2026-11-21T18:00:00.000Z',
    }),
    entry({
      entity: 'workstream',
      entityKey: 'kanopy-hosting',
      field: 'status',
      oldValue: 'blocked',
      newValue: 'drafted',
      at: '2026-11-21T19:00:00.000Z',
    }),
    entry({
      entity: 'action',
      entityKey: '31',
      entityLabel: 'confirm Okta meeting path',
      field: 'due',
      oldValue: '2026-11-18',
      newValue: '2026-11-20',
      at: '2026-11-21T20:00:00.000Z',
    }),
  ];
  return { program: p, history };
}
