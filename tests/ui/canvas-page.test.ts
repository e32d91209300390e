import { describe, expect, it } from 'vitest';
import { FIELD_LIMITS } from '../../src/domain/field-limits.js';
import type { Decision, HistoryEntry } from '../../src/domain/program.js';
import {
  CANVAS_BYTES,
  type CanvasPageInput,
  canvasPage,
  RECENT_CHANGES_SHOWN,
} from '../../src/ui/canvas-page.js';
import { FORGED } from '../support/forged-text.js';
import {
  nextAction,
  numberedWorkstream,
  program,
  readinessItem,
  risk,
  workstream,
} from '../support/program-objects.js';

const NOW = new Date('2026-11-30T18:00:00Z');

function decision(id: number, over: Partial<Decision> = {}): Decision {
  return {
    id,
    position: id,
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
    openedAt: '2026-11-20T18:00:00Z',
    version: 1,
    ...over,
  };
}

function entry(id: number, over: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id,
    entity: 'workstream',
    entityKey: 'identity-sso',
    entityLabel: 'Identity and SSO',
    field: 'status',
    oldValue: 'needs-decision',
    newValue: 'blocked',
    actor: 'U0OWNER1',
    at: '2026-11-30T17:05:00Z',
    note: '',
    ...over,
  };
}

const page = (over: Partial<CanvasPageInput> = {}) =>
  canvasPage({
    program: program({ timezone: 'America/Los_Angeles' }),
    recentChanges: [],
    lastChange: undefined,
    now: NOW,
    ...over,
  });

function sectionOf(markdown: string, title: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## ${title}`));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).filter(Boolean);
}

/** Lines that a canvas would render as a heading, and the mentions it would render. */
const headings = (markdown: string) => markdown.split('\n').filter((l) => /^#{1,3} /.test(l));
const mentions = (markdown: string) =>
  [...markdown.matchAll(/(?<!\\)!\[\]\((@|#)[A-Z0-9]+\)/g)].map((m) => m[0]);

describe('canvasPage', () => {
  it('says when and by whom the page last changed, in the program’s zone', () => {
    const markdown = page({ lastChange: entry(1) });

    expect(markdown.split('\n')[0]).toBe(
      '_Kept current by Rollout from live data. Last changed Mon 30 Nov 2026, 09:05 PST by ![](@U0OWNER1)._',
    );
    expect(page({ lastChange: entry(1, { actor: 'import' }) })).toContain('by an import._');
  });

  it('shows owners as canvas mentions, and since when a waiting workstream waits', () => {
    const markdown = page({
      program: program({
        timezone: 'America/Los_Angeles',
        workstreams: [
          workstream('identity-sso', {
            name: 'Identity and SSO',
            ownerTeam: 'Identity and Security',
            ownerIds: ['U0OWNER1', 'U0OWNER2'],
            status: 'blocked',
            statusSince: '2026-11-20T18:00:00Z',
            blocker: 'Okta path',
          }),
          workstream('hosting', { name: 'Hosting', ownerIds: ['U0OWNER3'], status: 'drafted' }),
        ],
      }),
    });

    expect(sectionOf(markdown, 'Executive summary')).toContain(
      '| Identity and SSO |  | Identity and Security (![](@U0OWNER1), ![](@U0OWNER2)) | Blocked | Low |',
    );
    const snapshot = sectionOf(markdown, 'Workstream snapshot');
    expect(snapshot).toContain('- current owner: Identity and Security (![](@U0OWNER1), ![](@U0OWNER2))');
    expect(snapshot).toContain('- waiting since: Fri 20 Nov 2026 (10 days)');
    expect(snapshot).toContain('- current owner: ![](@U0OWNER3)');
    expect(snapshot.filter((l) => l.startsWith('- waiting since'))).toHaveLength(1);
  });

  it('marks overdue actions and shows owners that are people as mentions', () => {
    const markdown = page({
      program: program({
        timezone: 'America/Los_Angeles',
        actions: [
          nextAction(1, { text: 'book the review', owner: 'U0OWNER1', due: '2026-11-27' }),
          nextAction(2, { text: 'send the memo', owner: 'Legal', due: '2026-11-30' }),
          nextAction(3, { text: 'already done', done: true }),
        ],
      }),
    });

    expect(sectionOf(markdown, 'Immediate next actions')).toEqual([
      '- book the review (owner: ![](@U0OWNER1), due 2026-11-27, **overdue**)',
      '- send the memo (owner: Legal, due 2026-11-30)',
    ]);
  });

  it('lists the last week’s changes newest first, old → new, with who and the note', () => {
    const markdown = page({
      recentChanges: [
        entry(2, {
          field: 'owner_ids',
          oldValue: 'U0OWNER1',
          newValue: 'U0OWNER1, U0OWNER2',
          at: '2026-11-30T17:10:00Z',
        }),
        entry(1, { note: 'waiting on legal' }),
      ],
    });

    expect(sectionOf(markdown, 'Recent changes')).toEqual([
      'Newest first.',
      '- Mon 30 Nov, 09:10 PST · ![](@U0OWNER1) · **Identity and SSO** · Owners: ![](@U0OWNER1) → ![](@U0OWNER1), ![](@U0OWNER2)',
      '- Mon 30 Nov, 09:05 PST · ![](@U0OWNER1) · **Identity and SSO** · Status: Needs decision → Blocked (note: waiting on legal)',
    ]);
    expect(sectionOf(page(), 'Recent changes')).toEqual(['No changes in the last week.']);
  });

  it('keeps user text as text: no heading, link, image, mention, HTML or extra line from it', () => {
    const trap = `# Heading ![](@U0CEO) ![](#C0ALL) [click](https://evil.example) <img src=x onerror=alert(1)> **big** ${FORGED}`;
    const markdown = page({
      program: program({
        name: 'Program',
        summary: trap,
        workstreams: [
          workstream('a', { name: trap, state: trap, blocker: trap, summary: trap, ownerTeam: trap }),
        ],
        risks: [risk(1, { text: trap })],
        readiness: [readinessItem(1, { name: trap, note: trap })],
        actions: [nextAction(1, { text: trap, owner: trap })],
        references: [{ position: 0, title: trap, url: 'javascript:alert(1)' }],
        decisions: [
          decision(1, {
            question: trap,
            deciders: [trap],
            state: 'deferred',
            reason: trap,
            workstreams: [trap],
          }),
          decision(2, {
            question: trap,
            state: 'decided',
            outcome: trap,
            decidedBy: [trap],
            decidedAt: '2026-11-20',
            link: 'javascript:alert(1)',
          }),
        ],
      }),
      recentChanges: [
        entry(1, { entityLabel: trap, field: 'blocker', oldValue: trap, newValue: trap, note: trap }),
      ],
    });

    // Rollout's own: the ten sections and the one workstream's, whose name stays text (no title: Slack shows it).
    expect(headings(markdown)).toHaveLength(11);
    expect(headings(markdown).filter((h) => h.startsWith('### '))).toEqual([
      expect.stringMatching(/^### \\# Heading !\\\[\\\]\(@U0CEO\)/),
    ]);
    // The one mention is Rollout's: who made the change.
    expect(mentions(markdown)).toEqual(['![](@U0OWNER1)']);
    expect(markdown).not.toMatch(/(?<!\\)\[click\]/);
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toMatch(/(?<!\\)\*\*big/);
    expect(markdown).not.toMatch(/^\s*\*Readiness\*/m);
    expect(markdown).toContain('javascript:alert(1)');
    expect(markdown).not.toContain('](javascript:');
  });

  it('stays under Slack’s canvas size for the largest program, counting what it leaves out', () => {
    const long = (n: number) => 'x'.repeat(n);
    const workstreams = Array.from({ length: 5000 }, (_, i) =>
      numberedWorkstream(i, {
        name: `${i} ${long(FIELD_LIMITS.workstreamName - 6)}`,
        state: long(FIELD_LIMITS.state),
        summary: long(FIELD_LIMITS.summary),
        ownerTeam: long(FIELD_LIMITS.ownerTeam),
        blocker: long(FIELD_LIMITS.blocker),
        ownerIds: ['U0OWNER1', 'U0OWNER2'],
        status: 'blocked',
        risk: 'high',
      }),
    );
    const markdown = page({
      program: program({
        workstreams,
        risks: Array.from({ length: 2000 }, (_, i) => risk(i, { text: long(FIELD_LIMITS.riskText) })),
        actions: Array.from({ length: 2000 }, (_, i) =>
          nextAction(i, { text: long(FIELD_LIMITS.nextActionText) }),
        ),
        decisions: Array.from({ length: 4000 }, (_, i) =>
          decision(i, {
            question: long(FIELD_LIMITS.decisionQuestion),
            workstreams: workstreams.slice(0, 20).map((w) => w.key),
            deciders: ['U0OWNER1', 'U0OWNER2', 'U0OWNER3'],
            neededBy: '2026-11-01',
            ...(i % 2
              ? {
                  state: 'decided' as const,
                  outcome: long(FIELD_LIMITS.decisionOutcome),
                  decidedBy: ['U0OWNER1', 'U0OWNER2'],
                  decidedAt: '2026-11-20',
                  link: `https://example.com/${long(FIELD_LIMITS.url - 20)}`,
                }
              : {}),
          }),
        ),
      }),
      recentChanges: Array.from({ length: RECENT_CHANGES_SHOWN + 1 }, (_, i) =>
        entry(i, { field: 'blocker', oldValue: long(500), newValue: long(500), note: long(1000) }),
      ),
    });

    expect(Buffer.byteLength(markdown)).toBeLessThan(CANVAS_BYTES);
    expect(markdown).toMatch(/…and [\d,]+ more workstreams: `\/rollout status` lists them all\./);
    expect(markdown).toMatch(/…and [\d,]+ more workstreams: `\/rollout status` shows each in detail\./);
    expect(markdown).toMatch(/…and [\d,]+ more open risks\./);
    expect(markdown).toMatch(/…and [\d,]+ more open actions\./);
    expect(markdown).toMatch(/…and [\d,]+ more pending decisions\./);
    expect(markdown).toMatch(/…and [\d,]+ more decided decisions\./);
    expect(sectionOf(markdown, 'Recent changes').at(-1)).toMatch(/^…and more/);
  });
});

describe('canvasPage: the decision register', () => {
  const markdown = page({
    program: program({
      timezone: 'America/Los_Angeles',
      workstreams: [workstream('identity-sso', { name: 'Identity and SSO' })],
      decisions: [
        decision(1, {
          question: 'Which Okta path?',
          workstreams: ['identity-sso'],
          deciders: ['U0LEAD', 'Security | council'],
          neededBy: '2026-12-11',
        }),
        decision(2, {
          question: 'Which org source?',
          workstreams: ['identity-sso', 'gone'],
          deciders: ['U0LEAD'],
          neededBy: '2026-11-27',
          state: 'deferred',
          reason: 'after the audit',
          // Tue 10 Nov, 10:00 in Los Angeles: 20 days before Mon 30 Nov.
          openedAt: '2026-11-10T18:00:00Z',
        }),
        decision(3, {
          question: 'Which telemetry stack?',
          state: 'decided',
          outcome: 'OpenTelemetry',
          decidedBy: ['U0LEAD'],
          decidedAt: '2026-11-25',
          link: 'https://example.slack.com/archives/C1/p1',
        }),
        decision(4, { question: 'Dropped', state: 'withdrawn' }),
      ],
    }),
  });

  it('comes after the next actions, with deciders as mentions, overdue marked and each one’s age', () => {
    const titles = markdown.split('\n').filter((l) => l.startsWith('## '));
    expect(titles.indexOf('## Decision register')).toBe(titles.indexOf('## Immediate next actions') + 1);
    expect(sectionOf(markdown, 'Decision register')).toEqual([
      'Waiting on a decision',
      '| Decision | Blocks | Deciders | Needed by | State |',
      '|---|---|---|---|---|',
      '| Which org source? | Identity and SSO, gone | ![](@U0LEAD) | 2026-11-27, **overdue** | Deferred: after the audit, waiting since Tue 10 Nov 2026 (20 days) |',
      '| Which Okta path? | Identity and SSO | ![](@U0LEAD), Security \\| council | 2026-12-11 | Open, waiting since Fri 20 Nov 2026 (10 days) |',
      'Decided',
      '- **Which telemetry stack?**: OpenTelemetry (decided by ![](@U0LEAD), 2026-11-25, [where it was decided](https://example.slack.com/archives/C1/p1))',
    ]);
    expect(markdown).not.toContain('Dropped');
  });

  it('says so when the program has no decisions', () => {
    expect(sectionOf(page(), 'Decision register')).toEqual(['No decisions yet.']);
  });
});
