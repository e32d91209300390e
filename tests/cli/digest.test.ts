import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { DELIVERY_GROUPS } from '../../src/domain/delivery-signal.js';
import { shiftWeek, weekKey } from '../../src/domain/week.js';
import { SlackStandIn } from '../../src/slack-standin/stand-in.js';
import { EXAMPLE, query, rollout, tempDir } from '../support/cli.js';

const SLUG = 'builder-insights';
const CHANNEL = 'C0LEADERSHIP';
const ZONE = 'America/Los_Angeles';
const LINK = new RegExp(`https://slack\\.com/archives/${CHANNEL}/p\\d+`);
/**
 * "Now" for every command here, and for the weeks the tests expect: Wednesday 2 December 2026, 12:00 in
 * Los Angeles. One clock for both, so that a run across a Monday midnight sees the same week as the CLI.
 */
const NOW = '2026-12-02T20:00:00.000Z';
const clock = { clock: fixedClock(NOW) };
const CURRENT_WEEK = weekKey(new Date(NOW), ZONE);

let dir: ReturnType<typeof tempDir>;
let dbCount = 0;

/** A fresh database holding the example program: a copy of one imported once. */
function freshDb(): { DATABASE_PATH: string } {
  const env = { DATABASE_PATH: dir.file(`rollout-${++dbCount}.db`) };
  copyFileSync(dir.file('template.db'), env.DATABASE_PATH);
  return env;
}

beforeAll(async () => {
  dir = tempDir();
  const imported = await rollout(['import', EXAMPLE], { DATABASE_PATH: dir.file('template.db') }, clock);
  if (imported.code !== 0) throw new Error(`example import failed: ${imported.stderr}`);
});
afterAll(() => dir.remove());

/** Moves the program's creation back, so that fixed dates in 2026 are after it whenever the tests run. */
function importedOn(env: { DATABASE_PATH: string }, at: string): void {
  const db = new Database(env.DATABASE_PATH);
  db.prepare('UPDATE programs SET created_at = ?').run(at);
  db.close();
}

/** Everyone's work last updated a month ago, and who said they are away: what makes a digest say "owner away". */
function staleWithAway(env: { DATABASE_PATH: string }, away: Record<string, string>): void {
  const db = new Database(env.DATABASE_PATH);
  db.prepare("UPDATE workstreams SET updated_at = '2026-11-01T17:00:00.000Z'").run();
  for (const [user, until] of Object.entries(away))
    db.prepare(
      "INSERT INTO people_away (user_id, until, set_at) VALUES (?, ?, '2026-11-30T17:00:00.000Z')",
    ).run(user, until);
  db.close();
}

describe('rollout digest SLUG (preview)', () => {
  let env: { DATABASE_PATH: string };
  beforeAll(async () => {
    env = freshDb();
  });
  /** The example imported on Monday 5 January 2026, 09:00 in Los Angeles, so dates later in 2026 are after it. */
  const importedInJanuary = () => {
    const old = freshDb();
    importedOn(old, '2026-01-05T17:00:00.000Z');
    return old;
  };

  it('prints the digest as text, with its header, week and every section, and needs no Slack token', async () => {
    const run = await rollout(['digest', SLUG], env, clock);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Builder Insights operationalization — Week of \d{1,2} \w{3} \d{4}\n/);
    expect(run.stdout).toContain(`(${ZONE})`);
    for (const section of [
      'Top risks (4 open)',
      'Blocked (1)',
      'Waiting on a decision or validation (3)',
      'Decided this week (0)',
      'What changed in the past week',
      'Stale: not updated in 7 days or more',
      'Next actions',
      'Readiness',
    ]) {
      expect(run.stdout).toContain(`\n${section}`);
    }
    expect(run.stdout).toContain('Full status: /rollout status builder-insights');
    expect(query(env.DATABASE_PATH, 'SELECT * FROM digest_runs')).toEqual([]);
  });

  it('names the example’s workstreams most likely to slow rollout: the Markdown export’s first delivery group', async () => {
    const run = await rollout(['digest', SLUG], env, clock);
    const exported = await rollout(['export', SLUG, '--format', 'markdown'], env);
    expect(exported.code).toBe(0);

    const md = exported.stdout.split('\n');
    const start = md.indexOf(DELIVERY_GROUPS.slowing);
    const group: string[] = [];
    for (const line of md.slice(start + 1)) {
      if (line.startsWith('- ')) group.push(line.slice(2));
      else if (line !== '' || group.length > 0) break;
    }
    expect(group).toEqual(['Identity and SSO', 'Org-aware access']);

    const preview = run.stdout.split('\n');
    const title = preview.findIndex((l) => l.startsWith('Most likely to slow rollout'));
    expect(preview[title]).toBe(`Most likely to slow rollout (${group.length})`);
    const items = preview.slice(title + 1, title + 1 + group.length);
    expect(items.map((l) => /^ {2}- (.+?) — /.exec(l)?.[1])).toEqual(group);
    expect(items.every((l) => l.includes('— high risk, upstream of blocked Readiness gating · '))).toBe(true);
    // Right after the headline, before the top risks.
    expect(preview.indexOf('Top risks (4 open)')).toBeGreaterThan(title);
  });

  it('shows each waiting workstream’s decision, its deciders and age, overdue first, and what was decided', async () => {
    const decided = freshDb();
    const db = new Database(decided.DATABASE_PATH);
    db.prepare(
      `UPDATE decisions SET state = 'decided', outcome = 'OpenTelemetry; Platform owns the dashboards',
         decided_by = 'U0PROGRAMLEAD,U0TELEMETRY', decided_at = '2026-12-10',
         link = 'https://example.slack.com/archives/C0LEADERSHIP/p1765400000000100'
       WHERE question LIKE 'Which telemetry stack%'`,
    ).run();
    db.close();
    // Monday 14 Dec: the decisions opened with the import on Wednesday 2 Dec; two were needed by Friday 11 Dec.
    const run = await rollout(['digest', SLUG, '--as-of', '2026-12-14'], decided, clock);

    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const waiting = lines.indexOf('Waiting on a decision or validation (3)');
    expect(waiting).toBeGreaterThan(0);
    expect(lines[waiting + 1]).toBe(
      '  - Identity and SSO — Needs decision, waiting 12 days: approved Okta path and claims model · Identity and Security (@U0IDENTITY) · Decision: Which Okta path and claims model does the enterprise rollout use? — @U0PROGRAMLEAD, waiting 12 days, overdue (needed by Fri 11 Dec 2026)',
    );
    expect(lines[waiting + 2]).toContain(
      '· Decision: Which system is the source of truth for Builder Relations membership and hierarchy? — @U0PROGRAMLEAD, waiting 12 days, overdue (needed by Fri 11 Dec 2026)',
    );
    // Its decision is taken: the workstream still waits (its status says so), on no open decision.
    expect(lines[waiting + 3]).toMatch(
      /^ {2}- Observability and analytics — Needs decision, waiting 12 days: /,
    );
    expect(lines[waiting + 3]).not.toContain('Decision:');
    expect(lines.slice(waiting + 5, waiting + 7)).toEqual([
      'Decided this week (1)',
      '  - Which telemetry stack do we adopt, and who owns the dashboards? — OpenTelemetry; Platform owns the dashboards (decided by @U0PROGRAMLEAD @U0TELEMETRY, Thu 10 Dec 2026) · Observability and analytics · where it was decided: https://example.slack.com/archives/C0LEADERSHIP/p1765400000000100',
    ]);
  });

  it('--as-of DATE builds it as of noon that day in the program’s zone; an instant as of that moment', async () => {
    const old = importedInJanuary();
    const day = await rollout(['digest', SLUG, '--as-of', '2026-11-23'], old, clock);
    const instant = await rollout(['digest', SLUG, '--as-of', '2026-12-01T01:30:00Z'], old, clock);

    expect(day.code).toBe(0);
    expect(day.stdout).toContain('Week of 23 Nov 2026\n');
    expect(day.stdout).toContain(`as of Mon 23 Nov 2026, 12:00 PST (${ZONE})`);
    // 01:30 UTC on 1 Dec is still Monday 30 Nov in Los Angeles.
    expect(instant.stdout).toContain('Week of 30 Nov 2026\n');
    expect(instant.stdout).toContain('as of Mon 30 Nov 2026, 17:30 PST');
  });

  it('refuses a date it cannot read, --force without --send, and --as-of with --send (exit 2)', async () => {
    const bad = await rollout(['digest', SLUG, '--as-of', '23/11/2026'], env, clock);
    const noZone = await rollout(['digest', SLUG, '--as-of', '2026-11-23T09:00'], env, clock);
    const force = await rollout(['digest', SLUG, '--force'], env, clock);
    const both = await rollout(['digest', SLUG, '--send', '--as-of', '2026-11-23'], env, clock);

    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of "23/11/2026" is not a date: expected YYYY-MM-DD');
    expect(noZone.code).toBe(2);
    expect(force.code).toBe(2);
    expect(force.stderr).toContain('--force goes with --send');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--as-of is for previews');
  });

  it('refuses --as-of before the program was imported (exit 1), naming when it was', async () => {
    const old = importedInJanuary();
    const dayBefore = await rollout(['digest', SLUG, '--as-of', '2026-01-04'], old, clock);
    const instantBefore = await rollout(['digest', SLUG, '--as-of', '2026-01-05T16:59:59Z'], old, clock);
    const sameDay = await rollout(['digest', SLUG, '--as-of', '2026-01-05'], old, clock);

    expect(dayBefore.code).toBe(1);
    expect(dayBefore.stdout).toBe('');
    expect(dayBefore.stderr).toBe(
      `--as-of 2026-01-04 is before ${SLUG} existed: it was imported on Mon 5 Jan 2026, 09:00 PST. ` +
        'Give a date from 2026-01-05 on.\n',
    );
    expect(instantBefore.code).toBe(1);
    expect(instantBefore.stderr).toContain('--as-of 2026-01-05T16:59:59Z is before builder-insights existed');
    expect(sameDay.code).toBe(0);
  });

  it('says an owner is away from what they told Rollout (/rollout away), without asking Slack', async () => {
    const away = freshDb();
    staleWithAway(away, { U0IDENTITY: '2026-12-31' });
    const run = await rollout(['digest', SLUG], away, clock);

    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.find((l) => l.includes('Identity and SSO') && l.includes('last updated'))).toContain(
      'owner away until Thu 31 Dec 2026',
    );
    expect(lines.filter((l) => l.includes('owner away'))).toHaveLength(1);
  });

  it('names the known programs for an unknown slug (exit 1)', async () => {
    const run = await rollout(['digest', 'nope'], env, clock);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No program "nope"');
    expect(run.stderr).toContain('Known programs: builder-insights.');
  });
});

describe('rollout digest SLUG --send', () => {
  let fake: SlackStandIn;
  let env: Record<string, string>;
  beforeEach(async () => {
    fake = await new SlackStandIn().start();
    env = { ...freshDb(), SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: fake.apiUrl };
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('says what is missing when there is no bot token (exit 2), and posts nothing', async () => {
    const run = await rollout(
      ['digest', SLUG, '--send'],
      {
        DATABASE_PATH: env.DATABASE_PATH as string,
      },
      clock,
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('rollout digest --send talks to Slack');
    expect(run.stderr).toContain('SLACK_BOT_TOKEN: required');
    expect(fake.calls).toEqual([]);
  });

  it('posts "owner away" from /rollout away and from Slack statuses with ROLLOUT_AWAY_EMOJI', async () => {
    staleWithAway(env as { DATABASE_PATH: string }, { U0IDENTITY: '2026-12-31' });
    for (const user of ['U0TELEMETRY', 'U0PLATFORM']) fake.addUser(user, ZONE);
    fake.setStatus('U0TELEMETRY', { emoji: ':skier:' });
    fake.setStatus('U0PLATFORM', { emoji: ':palm_tree:' });

    const run = await rollout(['digest', SLUG, '--send'], { ...env, ROLLOUT_AWAY_EMOJI: 'skier' }, clock);

    expect(run.code).toBe(0);
    const lines = JSON.stringify(fake.messagesIn(CHANNEL)[0]?.blocks).split('\\n');
    const staleLine = (name: string) =>
      lines.find((l) => l.includes(`${name}*`) && l.includes('last updated'));
    expect(staleLine('Identity and SSO')).toContain('owner away until Thu 31 Dec 2026');
    expect(staleLine('Observability and analytics')).toContain('owner away');
    // :palm_tree: is not in this deployment's list.
    expect(staleLine('Kanopy hosting')).not.toContain('away');
  });

  it('refuses a ROLLOUT_AWAY_EMOJI it cannot read (exit 2), and posts nothing', async () => {
    const run = await rollout(
      ['digest', SLUG, '--send'],
      { ...env, ROLLOUT_AWAY_EMOJI: 'not an emoji!' },
      clock,
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ROLLOUT_AWAY_EMOJI: expected comma-separated emoji names');
    expect(fake.okCallsOf('chat.postMessage')).toEqual([]);
  });

  it('posts once; a second --send refuses politely, naming when and where; --force sends another', async () => {
    const first = await rollout(['digest', SLUG, '--send'], env, clock);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(`^Posted the digest of ${SLUG} for \\d{4}-W\\d{2}, Week of .+ to ${CHANNEL} on .+\\.\\n`),
    );
    expect(first.stdout).toMatch(LINK);
    const posted = fake.messagesIn(CHANNEL);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.text).toContain('Builder Insights operationalization');

    const again = await rollout(['digest', SLUG, '--send'], env, clock);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain(`digest of ${SLUG}`);
    expect(again.stderr).toContain(`is already out: posted to ${CHANNEL} on `);
    expect(again.stderr).toContain(
      `https://slack.com/archives/${CHANNEL}/p${posted[0]?.ts.replace('.', '')}`,
    );
    expect(again.stderr).toContain(`To send another one anyway: rollout digest ${SLUG} --send --force`);
    expect(fake.okCallsOf('chat.postMessage')).toHaveLength(1);

    const forced = await rollout(['digest', SLUG, '--send', '--force'], env, clock);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`Posted an extra digest (#1) of ${SLUG}`);
    expect(fake.okCallsOf('chat.postMessage')).toHaveLength(2);
    expect(
      query<{ seq: number; status: string; trigger: string }>(
        env.DATABASE_PATH as string,
        'SELECT seq, status, trigger FROM digest_runs ORDER BY seq',
      ),
    ).toEqual([
      { seq: 0, status: 'posted', trigger: 'manual' },
      { seq: 1, status: 'posted', trigger: 'forced' },
    ]);

    const log = await rollout(['digest', 'log', SLUG], env, clock);
    expect(log.code).toBe(0);
    expect(log.stdout).toMatch(
      new RegExp(`^${CURRENT_WEEK} {2}Week of .+ {2}posted {6}.+ · 1 attempt · ${LINK.source}$`, 'm'),
    );
    expect(log.stdout).toMatch(
      new RegExp(`^ {2}\\+ extra #1 +posted {6}.+ · 1 attempt \\(--force\\) · ${LINK.source}$`, 'm'),
    );
    expect(log.stdout).toContain('1 week: 1 posted, 0 failed, 0 missed; 1 extra digest sent with --force.');
  });

  it('records a failure with Slack’s reason, and `digest log` shows it', async () => {
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });

    const run = await rollout(['digest', SLUG, '--send'], env, clock);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('was not posted: channel_not_found (attempt 1)');
    expect(fake.okCallsOf('chat.postMessage')).toHaveLength(0);
    const log = await rollout(['digest', 'log', SLUG], env, clock);
    expect(log.stdout).toMatch(/ {2}failed {6}channel_not_found · 1 attempt, last \w{3} \d/);
    expect(log.stdout).toContain('1 week: 0 posted, 1 failed, 0 missed.');
  });
});

describe('rollout digest log SLUG', () => {
  it('shows each week: posted, caught up, failed with its reason, and a week with no run as missed', async () => {
    const env = freshDb();
    const current = CURRENT_WEEK;
    const db = new Database(env.DATABASE_PATH);
    const insert = db.prepare(
      `INSERT INTO digest_runs (program_id, week_key, seq, digest_key, status, trigger, claimed_at, claimed_by,
         posted_at, channel, message_ts, attempts, error)
       VALUES (1, @week, 0, @key, @status, @trigger, @claimedAt, 'host:1', @postedAt, '${CHANNEL}', @ts, @attempts, @error)`,
    );
    const run = (weeksAgo: number, over: Record<string, unknown>) => {
      const week = shiftWeek(current, -weeksAgo);
      insert.run({
        week,
        key: `${SLUG}/${week}/0`,
        status: 'posted',
        trigger: 'schedule',
        claimedAt: '2026-01-01T17:00:00.000Z',
        postedAt: null,
        ts: null,
        attempts: 1,
        error: null,
        ...over,
      });
    };
    run(5, { postedAt: '2026-10-19T16:00:05.000Z', ts: '1760889605.000100' });
    // 4 weeks ago: no run at all (the server was down the whole week).
    run(3, {
      trigger: 'catch-up',
      postedAt: '2026-11-03T18:20:00.000Z',
      ts: '1762194000.000200',
      attempts: 2,
    });
    run(2, { status: 'failed', error: 'not_in_channel', attempts: 3 });
    db.close();

    const log = await rollout(['digest', 'log', SLUG], env, clock);

    expect(log.code).toBe(0);
    const line = (weeksAgo: number) =>
      log.stdout.split('\n').find((l) => l.startsWith(shiftWeek(current, -weeksAgo))) ?? '';
    expect(line(5)).toContain(
      `posted      Mon 19 Oct 2026, 09:00 PDT · 1 attempt · https://slack.com/archives/${CHANNEL}/p1760889605000100`,
    );
    expect(line(4)).toMatch(/missed {6}due Mon \d{1,2} \w{3} 2026, 09:00 P[SD]T; nothing was sent/);
    expect(line(3)).toContain(
      `caught up   Tue 3 Nov 2026, 10:20 PST · 2 attempts · https://slack.com/archives/${CHANNEL}/p1762194000000200`,
    );
    expect(line(2)).toContain('failed      not_in_channel · 3 attempts, last Thu 1 Jan 2026, 09:00 PST');
    expect(line(1)).toMatch(/missed {6}due Mon/);
    expect(log.stdout).toContain('2 posted (1 caught up), 1 failed, 2 missed');
  });

  it('says so when nothing was sent yet', async () => {
    const env = freshDb();
    const log = await rollout(['digest', 'log', SLUG], env, clock);

    expect(log.code).toBe(0);
    expect(log.stdout).toContain(`Schedule: 0 9 * * 1 in ${ZONE}, to ${CHANNEL}.`);
    expect(log.stdout).toMatch(new RegExp(`^${CURRENT_WEEK} {2}Week of .+ {2}(due|overdue) `, 'm'));
  });
});
