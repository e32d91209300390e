import { describe, expect, it } from 'vitest';
import { markdownText, tableCell } from '../../src/domain/markdown-text.js';
import type { Decision, NextAction, TopRisk, Workstream } from '../../src/domain/program.js';
import { programToMarkdown } from '../../src/domain/program-markdown.js';
import { BIDI, BIDI_SHOWN } from '../support/forged-text.js';
import {
  risk as baseRisk,
  workstream as baseWorkstream,
  milestone,
  nextAction,
  program,
} from '../support/program-objects.js';

// Medium unless said: the tables are asserted on a mix of risks.
const workstream = (key: string, fields: Partial<Workstream> = {}) =>
  baseWorkstream(key, { risk: 'medium', ...fields });
const risk = (text: string, fields: Partial<TopRisk> = {}) => baseRisk(0, { text, ...fields });
const action = (text: string, fields: Partial<NextAction> = {}) => nextAction(0, { text, ...fields });
const decision = (id: number, question: string, fields: Partial<Decision> = {}): Decision => ({
  id,
  position: id,
  question,
  workstreams: [],
  deciders: [],
  neededBy: null,
  state: 'open',
  outcome: '',
  decidedBy: [],
  decidedAt: null,
  link: null,
  reason: '',
  openedAt: '2026-11-01T00:00:00Z',
  version: 1,
  ...fields,
});

function section(markdown: string, title: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${title}`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).filter(Boolean);
}

/** Splits a row on the pipes a Markdown renderer would take as column borders. */
const columns = (row: string) => row.split(/(?<!\\)\|/).length - 2;

describe('programToMarkdown', () => {
  it('keeps the seed page’s sections, in its order, even for an empty program', () => {
    const markdown = programToMarkdown(program());

    expect(markdown.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## Shared status vocabulary',
      '## Executive summary',
      '## Workstream snapshot',
      '## Top risks right now',
      '## Delivery signal',
      '## Readiness signal',
      '## Immediate next actions',
      '## Decision register',
      '## Related references',
    ]);
    expect(section(markdown, 'Executive summary')).toEqual(['No workstreams yet.']);
    expect(section(markdown, 'Decision register')).toEqual(['No decisions yet.']);
    expect(section(markdown, 'Top risks right now')).toEqual(['No open risks.']);
    expect(section(markdown, 'Related references')).toEqual(['No references yet.']);
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('escapes | and line breaks so user text cannot add columns or rows to a table', () => {
    const markdown = programToMarkdown(
      program({
        workstreams: [
          workstream('a', { name: 'Auth | SSO', state: 'half done |\n| x | y |', ownerTeam: 'Team|A' }),
        ],
        readiness: [
          { id: 1, position: 0, name: 'Hosting | infra', signal: 'partial', note: 'a|b', version: 1 },
        ],
      }),
    );

    const rows = section(markdown, 'Executive summary');
    expect(rows).toHaveLength(3);
    expect(columns(rows[2] as string)).toBe(5);
    expect(rows[2]).toBe('| Auth \\| SSO | half done \\| \\| x \\| y \\| | Team\\|A | drafted | medium |');
    const readiness = section(markdown, 'Readiness signal');
    expect(readiness).toEqual([
      '| Readiness dimension | Current signal |',
      '|---|---|',
      '| Hosting \\| infra | a\\|b |',
    ]);
  });

  it('does not let user text open HTML', () => {
    expect(tableCell('<img src=x onerror=alert(1)> & co')).toBe('&lt;img src=x onerror=alert(1)> &amp; co');
    const markdown = programToMarkdown(program({ risks: [risk('<script>x</script>')] }));
    expect(section(markdown, 'Top risks right now')).toContain('- &lt;script>x&lt;/script>');
  });

  it('does not let user text make a link, an image, emphasis or code', () => {
    const markdown = programToMarkdown(
      program({
        risks: [
          risk('see [md](https://evil.example) and ![img](https://evil.example/i.png)'),
          risk('*bold* __strong__ `code` ~~gone~~ back\\slash'),
        ],
        workstreams: [workstream('a', { name: 'A', state: '[x](https://evil.example)' })],
      }),
    );

    expect(section(markdown, 'Top risks right now')).toEqual([
      'Highest-priority unresolved risks',
      '- see \\[md\\](https://evil.example) and !\\[img\\](https://evil.example/i.png)',
      '- \\*bold\\* \\_\\_strong\\_\\_ \\`code\\` \\~\\~gone\\~\\~ back\\\\slash',
    ]);
    expect(section(markdown, 'Executive summary')[2]).toContain('| \\[x\\](https://evil.example) |');
  });

  it('escapes what would start a heading, a quote or a list where user text begins a line', () => {
    expect(markdownText('# Launch #')).toBe('\\# Launch \\#');
    expect(markdownText('> signed off')).toBe('\\> signed off');
    expect(markdownText('- not an item')).toBe('\\- not an item');
    expect(markdownText('+ plus')).toBe('\\+ plus');
    expect(markdownText('12. twelve')).toBe('12\\. twelve');
    expect(markdownText('3) three')).toBe('3\\) three');
    expect(markdownText('--- rule')).toBe('\\--- rule');
    expect(markdownText('-5% and 1.5x')).toBe('-5% and 1.5x');
    const markdown = programToMarkdown(
      program({
        name: '# Hijack',
        summary: '# Heading\n\n> quote\n\n1. one',
        workstreams: [workstream('a', { name: '# Fake section #', summary: '- fake fact' })],
      }),
    );

    expect(markdown.startsWith('# \\# Hijack\n\n\\# Heading\n\n\\> quote\n\n1\\. one\n\n')).toBe(true);
    expect(section(markdown, 'Workstream snapshot').slice(0, 2)).toEqual([
      '### \\# Fake section \\#',
      '\\- fake fact',
    ]);
  });

  it('keeps user text readable where nothing in it could be markup', () => {
    expect(markdownText('Okta/identity (SSO) > Decision: ready! C# 2026 - Q1 a-b 1.5x')).toBe(
      'Okta/identity (SSO) > Decision: ready! C# 2026 - Q1 a-b 1.5x',
    );
  });

  it('drops bidi controls from the page', () => {
    const markdown = programToMarkdown(program({ risks: [risk(BIDI)] }));
    expect(section(markdown, 'Top risks right now')).toContain(`- ${BIDI_SHOWN}`);
  });

  it('shows each workstream’s snapshot, with the owner IDs when no team is named', () => {
    const markdown = programToMarkdown(
      program({
        workstreams: [
          workstream('hosting', {
            name: 'Hosting',
            summary: 'Path is understood.',
            ownerIds: ['U1', 'U2'],
            status: 'needs-validation',
          }),
        ],
      }),
    );

    expect(section(markdown, 'Workstream snapshot')).toEqual([
      '### Hosting',
      'Path is understood.',
      '- current owner: U1, U2',
      '- status: Needs validation',
      '- main blocker: none',
    ]);
  });

  it('lists open risks only, the most severe first, and open actions only', () => {
    const markdown = programToMarkdown(
      program({
        risks: [
          risk('medium one', { position: 0 }),
          risk('closed one', { position: 1, severity: 'high', status: 'closed' }),
          risk('high one', { position: 2, severity: 'high' }),
        ],
        actions: [
          action('done already', { done: true }),
          action('confirm the owner', { owner: 'U0IDENTITY', due: '2026-12-01' }),
          action('plain'),
        ],
      }),
    );

    expect(section(markdown, 'Top risks right now')).toEqual([
      'Highest-priority unresolved risks',
      '- high one',
      '- medium one',
    ]);
    expect(section(markdown, 'Immediate next actions')).toEqual([
      '- confirm the owner (owner: U0IDENTITY, due 2026-12-01)',
      '- plain',
    ]);
  });

  it('groups the delivery signal from the data and leaves out empty groups', () => {
    const markdown = programToMarkdown(
      program({
        workstreams: [
          workstream('sso', { name: 'SSO', risk: 'high', status: 'needs-decision' }),
          workstream('gate', { name: 'Gate', status: 'blocked', dependsOn: ['sso'] }),
          workstream('old', { name: 'Old', risk: 'high', status: 'done' }),
        ],
        milestones: [milestone('Launch', ['gate'])],
      }),
    );

    expect(section(markdown, 'Delivery signal')).toEqual([
      'These workstreams are most likely to slow meaningful internal rollout if they remain unresolved.',
      '- SSO',
      'These items should not be treated as independent deliverables because they depend on upstream operational choices.',
      '- Launch',
    ]);
  });

  it('says the signal in words when a readiness dimension has no note', () => {
    const markdown = programToMarkdown(
      program({
        readiness: [{ id: 1, position: 0, name: 'Hosting', signal: 'not-ready', note: '', version: 1 }],
      }),
    );

    expect(section(markdown, 'Readiness signal')).toContain('| Hosting | Not ready |');
  });

  it('links references that have a web URL, with brackets and parentheses made safe', () => {
    const markdown = programToMarkdown(
      program({
        references: [
          { position: 0, title: 'Runbooks > Decision [draft]', url: 'https://wiki.example.com/a_(b)' },
          { position: 1, title: 'Paper notes', url: null },
          { position: 2, title: 'Trap', url: 'javascript:alert(1)' },
        ],
      }),
    );

    expect(section(markdown, 'Related references')).toEqual([
      '- [Runbooks > Decision \\[draft\\]](https://wiki.example.com/a_%28b%29)',
      '- Paper notes',
      '- Trap (javascript:alert(1))',
    ]);
  });

  it('keeps the summary’s paragraphs, joining wrapped lines', () => {
    const markdown = programToMarkdown(program({ summary: 'First line\nwraps here.\n\nSecond paragraph.' }));

    expect(
      markdown.startsWith('# Program\n\nFirst line wraps here.\n\nSecond paragraph.\n\nUse this page to\n'),
    ).toBe(true);
  });

  it('keeps a decision register: pending decisions needed soonest first, then decided ones, latest first', () => {
    const markdown = programToMarkdown(
      program({
        workstreams: [workstream('sso', { name: 'SSO' }), workstream('org', { name: 'Org | access' })],
        decisions: [
          decision(1, 'No date, older', { openedAt: '2026-10-01T00:00:00Z' }),
          decision(2, 'Later', { workstreams: ['sso'], deciders: ['U1', 'U2'], neededBy: '2026-12-20' }),
          decision(3, 'Sooner | pipe', {
            workstreams: ['sso', 'org', 'gone'],
            neededBy: '2026-11-20',
            state: 'deferred',
            reason: 'budget first',
          }),
          decision(4, 'No date, newer'),
          decision(5, 'Picked Okta', {
            state: 'decided',
            outcome: 'Okta with *SCIM*',
            decidedBy: ['U1'],
            decidedAt: '2026-11-20',
            link: 'https://example.slack.com/archives/C1/p1 (x)',
          }),
          decision(6, 'Picked hosting', {
            state: 'decided',
            decidedAt: '2026-11-24',
            link: 'javascript:alert(1)',
          }),
          decision(7, 'Dropped', { state: 'withdrawn', reason: 'moot' }),
        ],
      }),
    );

    const register = section(markdown, 'Decision register');
    expect(register).toEqual([
      'Waiting on a decision',
      '| Decision | Blocks | Deciders | Needed by | State |',
      '|---|---|---|---|---|',
      '| Sooner \\| pipe | SSO, Org \\| access, gone |  | 2026-11-20 | Deferred: budget first |',
      '| Later | SSO | U1, U2 | 2026-12-20 | Open |',
      '| No date, older |  |  |  | Open |',
      '| No date, newer |  |  |  | Open |',
      'Decided',
      '- **Picked hosting**: _no outcome recorded_ (decided, 2026-11-24, where it was decided (javascript:alert(1)))',
      '- **Picked Okta**: Okta with \\*SCIM\\* (decided by U1, 2026-11-20, [where it was decided](https://example.slack.com/archives/C1/p1%20%28x%29))',
    ]);
    for (const row of register.filter((l) => l.startsWith('| '))) expect(columns(row)).toBe(5);
    expect(markdown).not.toContain('Dropped');
    expect(markdown).not.toContain('](javascript:');
  });

  it('says nothing waits when every decision is taken', () => {
    const markdown = programToMarkdown(
      program({ decisions: [decision(1, 'Done', { state: 'decided', decidedAt: '2026-11-20' })] }),
    );
    expect(section(markdown, 'Decision register')).toEqual([
      'Nothing is waiting on a decision.',
      'Decided',
      '- **Done**: _no outcome recorded_ (decided, 2026-11-20)',
    ]);
  });
});
