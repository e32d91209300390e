import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SlackStandIn } from '../../src/slack-standin/stand-in.js';
import { BOT_USER } from '../../src/slack-standin/workspace.js';
import { EXAMPLE, rollout, tempDir } from '../support/cli.js';
import { groups, items, markdownSection, pageSection, tableRows } from '../support/seed-page.js';

const LEADERSHIP = 'C0LEADERSHIP';

describe('rollout canvas SLUG: the example’s canvas page carries every fact of the seed page', () => {
  let dir: ReturnType<typeof tempDir>;
  let page: string;

  beforeAll(async () => {
    dir = tempDir();
    const env = { DATABASE_PATH: dir.file('rollout.db') };
    const imported = await rollout(['import', EXAMPLE], env);
    if (imported.code !== 0) throw new Error(`example import failed: ${imported.stderr}`);
    const printed = await rollout(['canvas', 'builder-insights'], env);
    if (printed.code !== 0) throw new Error(`rollout canvas failed: ${printed.stderr}`);
    page = printed.stdout;
  });
  afterAll(() => dir.remove());

  it('opens with who changed it last and when (Slack shows the title above), and the page’s summary', () => {
    expect(page).toMatch(/^_Kept current by Rollout from live data\. Last changed /);
    expect(page).not.toMatch(/^# /m);
    expect(page).toMatch(/Last changed \w{3} \d{1,2} \w{3} 20\d\d, \d\d:\d\d P[SD]T by an import\._/);
    expect(page).toContain('This page gives one consolidated view of the current Builder Insights');
  });

  it('has the executive summary’s rows, owners with their people as canvas mentions', () => {
    const expected = tableRows(pageSection('Executive summary'));
    const shown = tableRows(markdownSection(page, 'Executive summary'));

    expect(shown).toHaveLength(5);
    shown.forEach((row, i) => {
      const [area, state, owner, status, risk] = expected[i] as string[];
      expect(row[0]).toBe(area);
      expect(row[1]).toBe(state);
      expect(row[2]).toMatch(
        new RegExp(`^${owner?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(!\\[\\]\\(@U0[A-Z]+\\)\\)$`),
      );
      expect(row[3]?.toLowerCase()).toBe(status);
      expect(row[4]?.toLowerCase()).toBe(risk);
    });
  });

  it('has every workstream snapshot with owner, status, blocker, and since when the waiting ones wait', () => {
    const seed = pageSection('Workstream snapshot');
    const shown = markdownSection(page, 'Workstream snapshot');
    for (const sentence of seed.filter((l) => !l.startsWith('- '))) {
      const at = seed.indexOf(sentence);
      const found = shown.indexOf(sentence);
      expect(found, sentence).toBeGreaterThan(0);
      const [owner, status, blocker] = seed.slice(at + 1, at + 4);
      expect(shown[found + 1]).toContain(owner);
      expect(shown[found + 2]?.toLowerCase()).toBe(status?.toLowerCase());
      expect(shown[found + 3]).toBe(blocker);
    }
    expect(shown.filter((l) => l.startsWith('- waiting since: '))).toHaveLength(4);
  });

  it('lists the top risks, the three delivery groups with why, readiness, actions and references', () => {
    const risks = items(markdownSection(page, 'Top risks right now'));
    expect(risks.map((r) => r.replace(/^\*\*(High|Medium)\*\*: /, '').replace(/ \([^)]*\)$/, ''))).toEqual(
      items(pageSection('Top risks right now')),
    );

    const signal = groups(markdownSection(page, 'Delivery signal'));
    expect(signal.map((g) => g.members.map((m) => m.split(':')[0]))).toEqual(
      groups(pageSection('Delivery signal')).map((g) => g.members),
    );
    expect(signal[0]?.members).toContain('Identity and SSO: high risk; Readiness gating waits on it');

    // The page's words for each dimension, after the signal named in bold.
    const readiness = tableRows(markdownSection(page, 'Readiness signal'));
    expect(readiness.map(([name, signal]) => [name, signal?.replace(/^\*\*[^*]+\*\*: /, '')])).toEqual(
      tableRows(pageSection('Readiness signal')),
    );
    expect(readiness[0]?.[1]).toBe('**Not ready**: not ready until Okta path and claims model are confirmed');
    expect(items(markdownSection(page, 'Immediate next actions'))).toEqual(
      items(pageSection('Immediate next actions')),
    );
    expect(items(markdownSection(page, 'Related references'))).toHaveLength(10);
    expect(page).toContain('## Recent changes (last 7 days)');
  });

  it('has the Decision register after the actions: the three open decisions, deciders as mentions', () => {
    const titles = page.split('\n').filter((l) => l.startsWith('## '));
    expect(titles.indexOf('## Decision register')).toBe(titles.indexOf('## Immediate next actions') + 1);
    const register = page.split('\n').slice(page.split('\n').indexOf('## Decision register') + 1);
    const rows = tableRows(
      register.slice(
        0,
        register.findIndex((l) => l.startsWith('## ')),
      ),
    );
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      [
        'Which Okta path and claims model does the enterprise rollout use?',
        'Identity and SSO',
        '![](@U0PROGRAMLEAD)',
        '2026-12-11',
      ],
      [
        'Which system is the source of truth for Builder Relations membership and hierarchy?',
        'Org-aware access',
        '![](@U0PROGRAMLEAD)',
        '2026-12-11',
      ],
      [
        'Which telemetry stack do we adopt, and who owns the dashboards?',
        'Observability and analytics',
        '![](@U0PROGRAMLEAD)',
        '2026-12-18',
      ],
    ]);
    for (const row of rows)
      expect(row[4]).toMatch(/^Open, waiting since \w{3} \d{1,2} \w{3} 20\d\d \((today|\d+ days?)\)$/);
  });
});

describe('rollout canvas SLUG --publish', () => {
  let dir: ReturnType<typeof tempDir>;
  let fake: SlackStandIn;
  let env: Record<string, string>;

  beforeEach(async () => {
    dir = tempDir();
    fake = await new SlackStandIn().start();
    fake.workspace.addChannel({ id: LEADERSHIP, name: 'leadership' });
    env = { DATABASE_PATH: dir.file('rollout.db'), SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: fake.apiUrl };
    const imported = await rollout(['import', EXAMPLE], env);
    if (imported.code !== 0) throw new Error(imported.stderr);
  });
  afterEach(async () => {
    await fake.stop();
    dir.remove();
  });

  it('makes the channel’s canvas with the page, then sends nothing while nothing changed', async () => {
    const first = await rollout(['canvas', 'builder-insights', '--publish'], env);

    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const canvas = fake.workspace.channelCanvas(LEADERSHIP);
    expect(canvas?.createdBy).toBe(BOT_USER);
    expect(first.stdout).toContain(`Made the canvas of ${LEADERSHIP} for builder-insights`);
    expect(first.stdout).toContain(`https://test.slack.com/docs/T0001/${canvas?.id}`);
    const printed = await rollout(['canvas', 'builder-insights'], env);
    expect(canvas?.markdown).toBe(printed.stdout);

    const again = await rollout(['canvas', 'builder-insights', '--publish'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already up to date: nothing was sent');
    expect(fake.callsOf('canvases.edit')).toHaveLength(0);
  });

  it('fails naming Slack’s reason and what to do, and says nothing was changed', async () => {
    fake.workspace.channels.set(LEADERSHIP, { id: LEADERSHIP, name: 'leadership', botMember: false });

    const run = await rollout(['canvas', 'builder-insights', '--publish'], env);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('was not brought up to date: not_in_channel.');
    expect(run.stderr).toContain('Invite the bot to the channel (/invite @Rollout)');
  });

  it('refuses a program without a canvas channel, and a missing token, before calling Slack', async () => {
    const file = dir.file('p.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'slug: plain\nname: Plain\n');
    await rollout(['import', file], env);

    const none = await rollout(['canvas', 'plain', '--publish'], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('plain has no canvas: add canvas: { channel: C… } to its program file');

    const noToken = await rollout(['canvas', 'builder-insights', '--publish'], {
      DATABASE_PATH: env.DATABASE_PATH as string,
    });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('rollout canvas --publish talks to Slack');
    expect(fake.calls).toHaveLength(0);
  });
});
