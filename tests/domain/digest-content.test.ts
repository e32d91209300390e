import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestChange, STALE_AFTER_DAYS } from '../../src/domain/digest-content.js';
import type { HistoryEntry, Workstream } from '../../src/domain/program.js';
import { STATUSES } from '../../src/domain/vocabulary.js';
import {
  AS_OF,
  action,
  decision,
  entry,
  LAST_DIGEST,
  program,
  scenario,
  workstream,
} from '../support/digest-fixture.js';

describe('buildDigest', () => {
  const { program: p, history } = scenario();
  const digest = buildDigest({ program: p, asOf: AS_OF, changesSince: history, since: LAST_DIGEST });

  it('names the week on the program’s calendar, Monday first', () => {
    expect(digest.weekKey).toBe('2026-W48');
    expect(digest.weekLabel).toBe('Week of 23 Nov 2026');
    expect(digest.today).toBe('2026-11-23');
    expect(digest.timeZone).toBe('America/Los_Angeles');
    expect(digest.asOf).toBe('2026-11-23T17:00:00.000Z');
    expect(digest.sinceLabel).toBe('since Mon 16 Nov 2026');
  });

  it('counts high risks, blocked, waiting on a decision and ready dimensions for the headline', () => {
    expect(digest.counts).toEqual({
      highRisks: 2,
      openRisks: 4,
      blocked: 2,
      needingDecision: 2,
      readinessReady: 1,
      readinessTotal: 3,
      stale: 3,
      overdueActions: 2,
      actionsDueThisWeek: 2,
      undatedActions: 1,
      pendingDecisions: 0,
      overdueDecisions: 0,
      decisionsElsewhere: 0,
      decided: 0,
      datesMoved: 0,
      dateConflicts: 0,
    });
  });

  it('lists open risks high severity first, each with its workstream and owning team', () => {
    expect(digest.topRisks.map((r) => [r.id, r.severity])).toEqual([
      [12, 'high'],
      [14, 'high'],
      [11, 'medium'],
      [15, 'low'],
    ]);
    expect(digest.topRisks[0]?.workstream).toEqual({
      key: 'identity-sso',
      name: 'Identity and SSO',
      ownerTeam: 'Identity and Security',
      ownerIds: ['UOWNER01'],
    });
    expect(digest.topRisks[2]?.workstream).toBeNull();
  });

  it('lists the delivery signal’s "most likely to slow rollout" workstreams, each with why, in the program’s order', () => {
    expect(digest.slowing.map((w) => [w.workstream.key, w.reasons, w.upstreamOf.map((u) => u.key)])).toEqual([
      ['identity-sso', ['high-risk', 'upstream'], ['readiness-gating']],
      ['org-access', ['high-risk', 'upstream'], ['readiness-gating']],
      ['telemetry', ['blocked', 'high-risk'], []],
    ]);
    expect(digest.slowing[0]?.workstream).toEqual({
      key: 'identity-sso',
      name: 'Identity and SSO',
      ownerTeam: 'Identity and Security',
      ownerIds: ['UOWNER01'],
    });
  });

  it('lists every blocked workstream with its blocker, owners and days blocked, high risk first', () => {
    expect(
      digest.blocked.map((b) => ({
        key: b.workstream.key,
        blocker: b.blocker,
        owners: b.workstream.ownerIds,
        days: b.days,
      })),
    ).toEqual([
      { key: 'telemetry', blocker: 'approved telemetry stack', owners: [], days: 1 },
      { key: 'readiness-gating', blocker: 'depends on upstream decisions', owners: ['UOWNER04'], days: 7 },
    ]);
  });

  it('lists needs-decision and needs-validation work with calendar days waiting in the program’s zone', () => {
    expect(digest.waiting.map((w) => [w.workstream.key, w.status, w.waitingDays, w.blocker])).toEqual([
      ['identity-sso', 'needs-decision', 12, 'approved Okta path and claims model'],
      // Thursday evening in Los Angeles (Friday in UTC) to Monday: 4 days.
      ['org-access', 'needs-validation', 4, 'confirmed source of truth for membership'],
    ]);
  });

  it('collapses status and risk moves since the last digest, drops round trips, keeps risk lifecycle', () => {
    const summary = digest.changes.map((c: DigestChange) =>
      'workstream' in c ? [c.kind, c.workstream.name, c.from, c.to] : [c.kind, c.risk.id, c.risk.text],
    );
    expect(summary).toEqual([
      ['status', 'Readiness gating', 'drafted', 'blocked'],
      ['risk-level', 'Identity and SSO', 'medium', 'high'],
      ['risk-opened', 16, 'a risk opened this week'],
      ['risk-closed', 13, 'closed high risk'],
      ['risk-severity', 11, 'program-wide medium risk'],
      ['risk-removed', 19, 'a risk removed'],
      ['risk-reopened', 15, 'a low risk'],
    ]);
    const severity = digest.changes.find((c) => c.kind === 'risk-severity');
    expect(severity && 'from' in severity ? [severity.from, severity.to] : []).toEqual(['low', 'medium']);
    expect(digest.changes.find((c) => c.kind === 'risk-closed')).toMatchObject({
      risk: { severity: 'high' },
    });
  });

  it(`lists open workstreams not updated for ${STALE_AFTER_DAYS} calendar days or more, with owners; Done is never stale`, () => {
    expect(digest.stale.map((s) => [s.workstream.key, s.daysSinceUpdate, s.workstream.ownerIds])).toEqual([
      ['kanopy-hosting', 13, ['UOWNER02', 'UOWNER03']],
      ['org-access', 10, []],
      ['seven-days', 7, []],
    ]);
  });

  it('says when every owner of a stale workstream is away, until the first one is back', () => {
    const { program: p, history } = scenario();
    const build = (away: Map<string, string | null>) =>
      buildDigest({ program: p, asOf: AS_OF, changesSince: history, since: LAST_DIGEST, away }).stale.map(
        (s) => [s.workstream.key, s.ownersAway],
      );

    // One of two owners away: someone is there, so no explanation.
    expect(build(new Map([['UOWNER02', '2026-12-04']]))[0]).toEqual(['kanopy-hosting', undefined]);
    expect(
      build(
        new Map([
          ['UOWNER02', '2026-12-04'],
          ['UOWNER03', '2026-11-30'],
        ]),
      )[0],
    ).toEqual(['kanopy-hosting', { until: '2026-11-30' }]);
    expect(
      build(
        new Map<string, string | null>([
          ['UOWNER02', null],
          ['UOWNER03', null],
        ]),
      )[0],
    ).toEqual(['kanopy-hosting', { until: null }]);
    // Nobody owns it: nobody is away from it either.
    expect(build(new Map([['UOWNER02', null]]))[1]).toEqual(['org-access', undefined]);
  });

  it('splits open actions into overdue (most overdue first) and due by the end of the week', () => {
    expect(digest.actions.overdue.map((a) => [a.id, a.due, a.daysOverdue])).toEqual([
      [37, '2026-11-01', 22],
      [31, '2026-11-20', 3],
    ]);
    expect(digest.actions.overdue[1]?.workstream).toEqual({ key: 'identity-sso', name: 'Identity and SSO' });
    expect(digest.actions.dueThisWeek.map((a) => [a.id, a.due, a.daysOverdue, a.owner])).toEqual([
      [32, '2026-11-23', 0, 'Builder Relations lead'],
      [33, '2026-11-29', -6, null],
    ]);
  });

  it('gives the readiness signal of every dimension in the program’s order', () => {
    expect(digest.readiness).toEqual([
      { name: 'Identity readiness', signal: 'not-ready', note: 'until Okta path is confirmed' },
      { name: 'Hosting readiness', signal: 'partial', note: '' },
      { name: 'Leadership readiness', signal: 'ready', note: '' },
    ]);
  });

  it('is deterministic: input order of workstreams, risks and history does not matter', () => {
    const shuffled = {
      ...p,
      workstreams: [...p.workstreams].reverse(),
      risks: [...p.risks].reverse(),
      actions: [...p.actions].reverse(),
      readiness: [...p.readiness].reverse(),
    };
    const again = buildDigest({
      program: shuffled,
      asOf: AS_OF,
      changesSince: [...history].reverse(),
      since: LAST_DIGEST,
    });
    expect(again).toEqual(digest);
  });

  it('takes the claimed week when given (a late catch-up keeps its week) and counts actions to that Sunday', () => {
    const late = buildDigest({
      program: program({
        actions: [action(1, 0, { due: '2026-11-29' }), action(2, 1, { due: '2026-12-05' })],
      }),
      asOf: new Date('2026-11-30T07:30:00Z'), // Sun 29 Nov, 23:30 in Los Angeles
      changesSince: [],
      weekKey: '2026-W48',
    });
    expect(late.weekKey).toBe('2026-W48');
    expect(late.weekLabel).toBe('Week of 23 Nov 2026');
    expect(late.today).toBe('2026-11-29');
    expect(late.actions.dueThisWeek.map((a) => a.id)).toEqual([1]);
    expect(late.sinceLabel).toBe('in the past week');
  });

  it('uses the week of asOf in the program’s zone: Sunday night in Los Angeles is not next week yet', () => {
    const d = buildDigest({ program: program(), asOf: new Date('2026-11-23T07:30:00Z'), changesSince: [] });
    expect(d.weekKey).toBe('2026-W47');
    expect(d.weekLabel).toBe('Week of 16 Nov 2026');
  });

  it('builds an empty digest for an empty program', () => {
    const d = buildDigest({ program: program(), asOf: AS_OF, changesSince: [] });
    expect(d.counts).toEqual({
      highRisks: 0,
      openRisks: 0,
      blocked: 0,
      needingDecision: 0,
      readinessReady: 0,
      readinessTotal: 0,
      stale: 0,
      overdueActions: 0,
      actionsDueThisWeek: 0,
      undatedActions: 0,
      pendingDecisions: 0,
      overdueDecisions: 0,
      decisionsElsewhere: 0,
      decided: 0,
      datesMoved: 0,
      dateConflicts: 0,
    });
    expect([d.topRisks, d.blocked, d.waiting, d.decided, d.changes, d.stale, d.readiness]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
  });

  it('collapses 100,000 history entries of 1,000 workstreams, in any order, to one net move each', () => {
    const n = 1000;
    const workstreams = Array.from({ length: n }, (_, i) =>
      workstream(`ws-${i}`, i, { name: `Workstream ${i}` }),
    );
    const entries: HistoryEntry[] = [];
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < 100; k++) {
        entries.push(
          entry({
            entity: 'workstream',
            entityKey: `ws-${i}`,
            field: 'status',
            oldValue: STATUSES[(i + k) % 6] as string,
            newValue: STATUSES[(i + k + 1) % 6] as string,
            at: new Date(Date.UTC(2026, 10, 16, 18) + k * 60_000 + i).toISOString(),
          }),
        );
      }
    }
    // A fixed permutation, so the order entries arrive in is not the order they happened in.
    const scrambled = entries
      .map((e, i) => ({ e, k: (i * 7919) % entries.length }))
      .sort((a, b) => a.k - b.k);
    const d = buildDigest({
      program: program({ workstreams }),
      asOf: AS_OF,
      changesSince: scrambled.map((s) => s.e),
    });
    expect(d.changes).toHaveLength(n);
    expect(d.changes[0]).toMatchObject({
      kind: 'status',
      workstream: { key: 'ws-0' },
      from: STATUSES[0],
      to: STATUSES[4],
    });
    expect(d.changes[n - 1]).toMatchObject({ workstream: { key: `ws-${n - 1}` } });
  });
});

describe('buildDigest: most likely to slow rollout', () => {
  const slowing = (workstreams: Workstream[]) =>
    buildDigest({ program: program({ workstreams }), asOf: AS_OF, changesSince: [] }).slowing.map((w) => [
      w.workstream.key,
      w.reasons,
      w.upstreamOf.map((u) => u.name),
    ]);

  it('takes exactly the delivery signal’s first group: high risk, open, waiting on nothing open', () => {
    expect(
      slowing([
        workstream('a', 0, { status: 'blocked', risk: 'high' }),
        workstream('b', 1, { status: 'drafted', risk: 'medium' }),
        // Waits on open work: "dependent", not slowing, though high risk and blocked.
        workstream('c', 2, { status: 'blocked', risk: 'high', dependsOn: ['b'] }),
        workstream('d', 3, { status: 'done', risk: 'high' }),
        // Its upstream is done: free to move, so it counts.
        workstream('e', 4, { status: 'needs-decision', risk: 'high', dependsOn: ['d'] }),
      ]),
    ).toEqual([
      ['a', ['blocked', 'high-risk'], []],
      ['e', ['high-risk'], []],
    ]);
  });

  it('says which blocked work depends on it, once each, in the program’s order; waiting work that is not blocked does not count', () => {
    expect(
      slowing([
        workstream('up', 0, { risk: 'high', status: 'blocked' }),
        workstream('x', 1, { name: 'X', status: 'blocked', dependsOn: ['up', 'up'] }),
        workstream('y', 2, { name: 'Y', status: 'needs-decision', dependsOn: ['up'] }),
        workstream('z', 3, { name: 'Z', status: 'blocked', dependsOn: ['up'] }),
      ]),
    ).toEqual([['up', ['blocked', 'high-risk', 'upstream'], ['X', 'Z']]]);
  });

  it('is empty when nothing is high risk', () => {
    expect(slowing([workstream('a', 0, { status: 'blocked', risk: 'medium' })])).toEqual([]);
  });
});

describe('buildDigest: decisions', () => {
  const waitingWork = [
    workstream('identity-sso', 0, {
      name: 'Identity and SSO',
      status: 'needs-decision',
      // Wed 11 Nov: 12 days.
      statusSince: '2026-11-11T18:00:00.000Z',
    }),
    // Fri 20 Nov: 3 days, but its decision is overdue.
    workstream('org-access', 1, { name: 'Org-aware access', status: 'needs-validation' }),
    workstream('gating', 2, { name: 'Readiness gating', status: 'blocked' }),
    workstream('hosting', 3, { name: 'Kanopy hosting', status: 'drafted' }),
  ];

  it('gives waiting and blocked work its pending decisions: overdue first, then the oldest', () => {
    const p = program({
      workstreams: waitingWork,
      decisions: [
        decision(1, 0, {
          question: 'Which Okta path?',
          workstreams: ['identity-sso'],
          deciders: ['UDECIDE1', 'UDECIDE2'],
          neededBy: '2026-12-11',
        }),
        decision(2, 1, {
          question: 'Which org source?',
          workstreams: ['org-access', 'gating'],
          deciders: ['UDECIDE1'],
          neededBy: '2026-11-20',
          // Tue 17 Nov, 10:00 in Los Angeles: 6 days.
          openedAt: '2026-11-17T18:00:00.000Z',
        }),
        decision(3, 2, { question: 'Older, not overdue', workstreams: ['org-access'], state: 'deferred' }),
        decision(4, 3, { question: 'Settled', workstreams: ['identity-sso'], state: 'decided' }),
        decision(5, 4, { question: 'Dropped', workstreams: ['identity-sso'], state: 'withdrawn' }),
        decision(6, 5, { question: 'Program-wide', neededBy: '2026-11-01' }),
        decision(7, 6, { question: 'On drafted work', workstreams: ['hosting'] }),
      ],
    });
    const d = buildDigest({ program: p, asOf: AS_OF, changesSince: [], since: LAST_DIGEST });

    // The overdue decision puts its workstream first, though it has waited less.
    expect(d.waiting.map((w) => [w.workstream.key, w.waitingDays])).toEqual([
      ['org-access', 3],
      ['identity-sso', 12],
    ]);
    expect(d.waiting[0]?.decisions.map((x) => [x.id, x.daysOverdue, x.waitingDays, x.state])).toEqual([
      [2, 3, 6, 'open'],
      [3, 0, 12, 'deferred'],
    ]);
    expect(d.waiting[1]?.decisions).toEqual([
      {
        id: 1,
        question: 'Which Okta path?',
        deciders: ['UDECIDE1', 'UDECIDE2'],
        state: 'open',
        neededBy: '2026-12-11',
        waitingDays: 12,
        daysOverdue: 0,
      },
    ]);
    expect(d.blocked.map((b) => [b.workstream.key, b.decisions.map((x) => x.id)])).toEqual([['gating', [2]]]);
    expect(d.counts).toMatchObject({
      pendingDecisions: 5,
      overdueDecisions: 2,
      // Program-wide, and the one on drafted work: shown with nothing, counted.
      decisionsElsewhere: 2,
      decided: 0,
      datesMoved: 0,
      dateConflicts: 0,
    });
  });

  it('leaves the waiting order to the wait when no decision is overdue', () => {
    const p = program({
      workstreams: waitingWork,
      decisions: [decision(1, 0, { workstreams: ['org-access'], neededBy: '2026-11-23' })],
    });
    const d = buildDigest({ program: p, asOf: AS_OF, changesSince: [] });
    // Needed by today is not overdue yet.
    expect(d.waiting[1]?.decisions[0]?.daysOverdue).toBe(0);
    expect(d.waiting.map((w) => w.workstream.key)).toEqual(['identity-sso', 'org-access']);
    expect(d.counts.overdueDecisions).toBe(0);
  });

  const decided = (id: number, decidedAt: string, over: Parameters<typeof decision>[2] = {}) =>
    decision(id, id, {
      question: `question ${id}`,
      state: 'decided',
      outcome: `outcome ${id}`,
      decidedBy: ['UDECIDE1'],
      decidedAt,
      ...over,
    });

  it('says what was decided since the last digest, in the order it was decided, with who, when and where', () => {
    const p = program({
      workstreams: waitingWork,
      decisions: [
        decided(1, '2026-11-20', {
          workstreams: ['identity-sso', 'gone'],
          link: 'https://example.slack.com/archives/C1/p1',
        }),
        decided(2, '2026-11-17'),
        // The last digest's day: it may have been in that digest, and the history does not say otherwise.
        decided(3, '2026-11-16'),
        // Dated back, but recorded as decided since the last digest: news to the digest's readers.
        decided(4, '2026-11-02'),
        decided(5, '2026-11-10'),
        // Dated after the digest's day: not decided yet as of it.
        decided(6, '2026-11-25'),
        decision(7, 7, { decidedAt: '2026-11-20', state: 'withdrawn' }),
      ],
    });
    const history = [
      entry({ entity: 'decision', entityKey: '4', field: 'state', oldValue: 'open', newValue: 'decided' }),
      // Decided and reopened since: not decided now, whatever the date says.
      entry({ entity: 'decision', entityKey: '7', field: 'state', oldValue: 'open', newValue: 'decided' }),
    ];
    const d = buildDigest({ program: p, asOf: AS_OF, changesSince: history, since: LAST_DIGEST });

    expect(d.decided.map((x) => x.id)).toEqual([4, 2, 1]);
    expect(d.decided[2]).toEqual({
      id: 1,
      question: 'question 1',
      outcome: 'outcome 1',
      decidedBy: ['UDECIDE1'],
      decidedAt: '2026-11-20',
      link: 'https://example.slack.com/archives/C1/p1',
      workstreams: [
        { key: 'identity-sso', name: 'Identity and SSO' },
        { key: 'gone', name: 'gone' },
      ],
    });
    expect(d.counts.decided).toBe(3);
    // A decision's history says what was decided; it is not a status or risk change.
    expect(d.changes).toEqual([]);
  });

  it('takes the past seven days for a first digest', () => {
    const p = program({
      decisions: [decided(1, '2026-11-17'), decided(2, '2026-11-16'), decided(3, '2026-11-23')],
    });
    const d = buildDigest({ program: p, asOf: AS_OF, changesSince: [] });
    expect(d.decided.map((x) => x.id)).toEqual([1, 3]);
  });
});
