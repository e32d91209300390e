import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, rollout, tempDir } from '../support/cli.js';
import { groups, items, markdownSection, pageSection, TITLES, tableRows } from '../support/seed-page.js';

let dir: ReturnType<typeof tempDir>;
let markdown: string;

beforeAll(async () => {
  dir = tempDir();
  const env = { DATABASE_PATH: dir.file('rollout.db') };
  const imported = await rollout(['import', EXAMPLE], env);
  if (imported.code !== 0) throw new Error(`example import failed: ${imported.stderr}`);
  const exported = await rollout(['export', 'builder-insights', '--format', 'markdown'], env);
  if (exported.code !== 0) throw new Error(`markdown export failed: ${exported.stderr}`);
  markdown = exported.stdout;
});
afterAll(() => dir.remove());

describe('examples/builder-insights.yaml exported as Markdown reproduces the seed page', () => {
  it('has the page’s sections in the page’s order, after its title and summary', async () => {
    const headings = markdown.split('\n').filter((l) => l.startsWith('## '));
    // The Decision register is Rollout's addition, after the actions; leaving it aside, the page's own.
    expect(headings.filter((h) => h !== '## Decision register')).toEqual(TITLES.map((t) => `## ${t}`));
    expect(headings.indexOf('## Decision register')).toBe(headings.indexOf('## Immediate next actions') + 1);
    expect(markdown).toMatch(/^# Builder Insights operationalization\n/);
    expect(markdown).toContain(
      'This page gives one consolidated view of the current Builder Insights operationalization work: ' +
        'decisions, owners, status, readiness, and the highest-priority risks that still need active follow-through.',
    );
  });

  it('names every status of the shared vocabulary in the page’s words, and marks Rollout’s addition', async () => {
    const page = items(pageSection('Shared status vocabulary'));
    const exported = items(markdownSection(markdown, 'Shared status vocabulary'));

    expect(page).toHaveLength(5);
    for (const line of page) {
      const [label, ...rest] = line.split(' for ');
      expect(exported).toContain(`**${label}** for ${rest.join(' for ')}`);
    }
    expect(exported).toContain('**Done** for work delivered, with nothing left to decide (added by Rollout)');
  });

  it('has every executive summary row: area, state, owner, status and risk', async () => {
    const page = tableRows(pageSection('Executive summary'));

    expect(page).toHaveLength(5);
    expect(tableRows(markdownSection(markdown, 'Executive summary'))).toEqual(page);
  });

  it('has every workstream snapshot: sentence, current owner, status and main blocker', async () => {
    const page = pageSection('Workstream snapshot');
    const exported = markdownSection(markdown, 'Workstream snapshot');
    const sentences = page.filter((l) => !l.startsWith('- '));

    expect(sentences).toHaveLength(4);
    for (const sentence of sentences) {
      const at = page.indexOf(sentence);
      const facts = page.slice(at + 1, at + 4);
      expect(facts.map((f) => f.split(':')[0])).toEqual(['- current owner', '- status', '- main blocker']);
      const found = exported.indexOf(sentence);
      expect(found, sentence).toBeGreaterThan(0);
      expect(exported.slice(found + 1, found + 4)).toEqual(facts);
    }
  });

  it('lists every top risk', async () => {
    const page = pageSection('Top risks right now');
    const exported = markdownSection(markdown, 'Top risks right now');

    expect(items(page)).toHaveLength(4);
    expect(items(exported)).toEqual(items(page));
    expect(exported).toContain('Highest-priority unresolved risks');
  });

  it('derives the three delivery-signal groups with the page’s members', async () => {
    const page = groups(pageSection('Delivery signal'));

    expect(page.map((g) => g.members)).toEqual([
      ['Identity and SSO', 'Org-aware access'],
      ['Kanopy hosting', 'Observability and analytics'],
      ['Internal readiness gate', 'Broader internal rollout timing'],
    ]);
    expect(groups(markdownSection(markdown, 'Delivery signal'))).toEqual(page);
  });

  it('has every readiness row with its signal', async () => {
    const page = tableRows(pageSection('Readiness signal'));

    expect(page).toHaveLength(5);
    expect(tableRows(markdownSection(markdown, 'Readiness signal'))).toEqual(page);
  });

  it('lists every immediate next action', async () => {
    const page = items(pageSection('Immediate next actions'));

    expect(page).toHaveLength(4);
    expect(items(markdownSection(markdown, 'Immediate next actions'))).toEqual(page);
  });

  it('adds a Decision register with the example’s three open decisions', () => {
    const lines = markdown.split('\n');
    const start = lines.indexOf('## Decision register');
    const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
    const register = lines.slice(start + 1, end).filter((l) => l.trim() !== '');

    expect(start).toBeGreaterThan(0);
    expect(register.slice(0, 2)).toEqual([
      'Waiting on a decision',
      '| Decision | Blocks | Deciders | Needed by | State |',
    ]);
    expect(tableRows(register)).toEqual([
      [
        'Which Okta path and claims model does the enterprise rollout use?',
        'Identity and SSO',
        'U0PROGRAMLEAD',
        '2026-12-11',
        'Open',
      ],
      [
        'Which system is the source of truth for Builder Relations membership and hierarchy?',
        'Org-aware access',
        'U0PROGRAMLEAD',
        '2026-12-11',
        'Open',
      ],
      [
        'Which telemetry stack do we adopt, and who owns the dashboards?',
        'Observability and analytics',
        'U0PROGRAMLEAD',
        '2026-12-18',
        'Open',
      ],
    ]);
    expect(register).not.toContain('Decided');
  });

  it('links every related reference under the page’s title', async () => {
    // The page lost its line breaks here: the ten titles run together on one line.
    const page = pageSection('Related references')
      .join('')
      .split(/(?=Operations Runbooks > )/);
    const exported = items(markdownSection(markdown, 'Related references')).map((l) => {
      const link = /^\[(.*)\]\((https:\/\/wiki\.example\.com\/[^)]+)\)$/.exec(l);
      if (!link) throw new Error(`not a link: ${l}`);
      return link[1];
    });

    expect(page).toHaveLength(10);
    expect(exported).toEqual(page);
  });
});
