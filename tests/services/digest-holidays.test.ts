import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { ProgramFileInput } from '../../src/domain/program-file.js';
import { EXAMPLE, rollout } from '../support/cli.js';
import { importFixture, smallProgram } from '../support/programs.js';
import { RolloutHarness } from '../support/rollout-server.js';

/**
 * Holidays move the weekly digest, through the real server, its scheduler and the Slack stand-in. The
 * program is in Los Angeles (PST in December: 09:00 there is 17:00 UTC).
 */

const CHANNEL = 'C0LEADERS';
const WINTER_BREAK = { from: '2026-12-24', to: '2026-12-25', name: 'Winter break' };

const posts = (h: RolloutHarness) =>
  h.fake.okCallsOf('chat.postMessage').filter((c) => c.args.channel === CHANNEL);

const postedWeeks = (h: RolloutHarness) =>
  posts(h).map((c) => (c.args.metadata as { event_payload: { week: string } }).event_payload.week);

const runs = (h: RolloutHarness) =>
  h.db.prepare('SELECT week_key, status, trigger FROM digest_runs ORDER BY id').all() as {
    week_key: string;
    status: string;
    trigger: string;
  }[];

describe('a digest due on a holiday', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  const start = (at: string, overrides: Partial<ProgramFileInput>) =>
    RolloutHarness.start({
      clock: fixedClock(at),
      seed: (db) => importFixture(db, smallProgram(overrides), new Date('2026-11-20T18:00:00Z')),
    });

  it('posts on the next working day at the same time, once, under its own week, and logs the move', async () => {
    // Thursday 24 Dec 2026 09:00: the schedule's time, on the first day of the break.
    h = await start('2026-12-24T17:00:00Z', {
      digest: { channel: CHANNEL, schedule: '0 9 * * 4' },
      holidays: [WINTER_BREAK],
    });
    const id = h.rollout.services.programs.get('builder-insights')?.id ?? 0;
    await h.rollout.scheduler.fire(id, 'schedule'); // node-cron's tick on the holiday
    await h.rollout.scheduler.sweep();
    await h.rollout.scheduler.sweep();
    expect(posts(h)).toHaveLength(0);
    expect(runs(h)).toEqual([]);
    expect(h.logsOf('digest_moved')).toEqual([
      expect.objectContaining({
        program: 'builder-insights',
        week: '2026-W52',
        from: '2026-12-24',
        to: '2026-12-28',
        holiday: 'Winter break',
        dueAt: '2026-12-28T17:00:00.000Z',
      }),
    ]);

    // Friday is the break too, then the weekend: nothing before Monday 28 Dec 09:00.
    for (const at of ['2026-12-25T17:00:00Z', '2026-12-27T17:00:00Z', '2026-12-28T16:59:00Z']) {
      h = await h.restart({ clock: fixedClock(at) });
      await h.rollout.scheduler.sweep();
    }
    expect(posts(h)).toHaveLength(0);

    const clock = fixedClock('2026-12-28T17:02:00Z');
    h = await h.restart({ clock });
    await h.rollout.scheduler.sweep();
    await h.rollout.scheduler.sweep();
    expect(postedWeeks(h)).toEqual(['2026-W52']);
    expect(runs(h)).toEqual([{ week_key: '2026-W52', status: 'posted', trigger: 'schedule' }]);
    // It says the week it is for, though it posts on the Monday of the next one.
    const posted = posts(h)[0]?.args;
    expect(String(posted?.text)).toContain('Week of 21 Dec 2026');
    expect(JSON.stringify(posted?.blocks)).toContain('Week of 21 Dec 2026');
    expect(JSON.stringify(posted)).not.toContain('Week of 28 Dec');
    // The process that posts it says why it is late, once, whatever the process before it said.
    expect(h.logsOf('digest_moved')).toEqual([
      expect.objectContaining({ week: '2026-W52', to: '2026-12-28', holiday: 'Winter break' }),
    ]);
    expect(h.logsOf('digest_posted')).toEqual([expect.objectContaining({ week: '2026-W52' })]);

    // A restart later that day, and the next week's own Thursday: still one digest for week 52.
    h = await h.restart({ clock: fixedClock('2026-12-28T20:00:00Z') });
    await h.rollout.scheduler.sweep();
    expect(postedWeeks(h)).toEqual(['2026-W52']);
    h = await h.restart({ clock: fixedClock('2026-12-31T17:01:00Z') });
    await h.rollout.scheduler.fire(id, 'schedule');
    await h.rollout.scheduler.sweep();
    expect(postedWeeks(h)).toEqual(['2026-W52', '2026-W53']);
  });

  it('skips a holiday range over a weekend, and catches up after downtime within the week it moved to', async () => {
    // Friday 25 Dec to Monday 28 Dec: a Friday digest moves to Tuesday 29 Dec.
    h = await start('2026-12-25T17:00:00Z', {
      digest: { channel: CHANNEL, schedule: '0 9 * * 5' },
      holidays: [{ from: '2026-12-25', to: '2026-12-28', name: 'Long weekend' }],
    });
    await h.rollout.scheduler.sweep();
    expect(h.logsOf('digest_moved')).toEqual([
      expect.objectContaining({ from: '2026-12-25', to: '2026-12-29', holiday: 'Long weekend' }),
    ]);
    h = await h.restart({ clock: fixedClock('2026-12-28T23:00:00Z') });
    await h.rollout.scheduler.sweep();
    expect(posts(h)).toHaveLength(0);

    // The server was down at Tuesday 09:00 and comes back that afternoon: it catches the week up, once.
    h = await h.restart({ clock: fixedClock('2026-12-29T22:00:00Z') });
    await h.rollout.scheduler.sweep();
    await h.rollout.scheduler.sweep();
    expect(postedWeeks(h)).toEqual(['2026-W52']);
    expect(runs(h)).toEqual([{ week_key: '2026-W52', status: 'posted', trigger: 'catch-up' }]);
  });

  it('leaves a weekend schedule on the weekend: only holidays move a digest', async () => {
    // Saturday 26 Dec 09:00, right after the break: the admin chose Saturdays, so it posts then.
    h = await start('2026-12-26T17:01:00Z', {
      digest: { channel: CHANNEL, schedule: '0 9 * * 6' },
      holidays: [WINTER_BREAK],
    });
    await h.rollout.scheduler.sweep();
    expect(postedWeeks(h)).toEqual(['2026-W52']);
    expect(h.logsOf('digest_moved')).toEqual([]);
  });

  it('posts one digest when a break moves two weeks’ digests to the same day, and the log says so', async () => {
    // Thursdays 24 and 31 Dec both fall in the break: both are due Monday 4 Jan 2027.
    h = await start('2026-12-17T17:01:00Z', {
      digest: { channel: CHANNEL, schedule: '0 9 * * 4' },
      holidays: [{ from: '2026-12-21', to: '2027-01-01', name: 'Winter break' }],
    });
    await h.rollout.scheduler.sweep();
    expect(postedWeeks(h)).toEqual(['2026-W51']);
    for (const at of ['2026-12-24T17:00:00Z', '2026-12-31T17:00:00Z']) {
      h = await h.restart({ clock: fixedClock(at) });
      await h.rollout.scheduler.sweep();
    }
    expect(postedWeeks(h)).toEqual(['2026-W51']);
    h = await h.restart({ clock: fixedClock('2027-01-04T17:01:00Z') });
    await h.rollout.scheduler.sweep();
    await h.rollout.scheduler.sweep();
    expect(postedWeeks(h)).toEqual(['2026-W51', '2026-W53']);
    // Week 52's digest was merged, not missed: no "the server was down?" warning.
    expect(h.logsOf('digest_weeks_missed')).toEqual([]);
    expect(h.logsOf('digest_posted')).toEqual([expect.objectContaining({ week: '2026-W53' })]);

    const log = await rollout(
      ['digest', 'log', 'builder-insights'],
      {
        DATABASE_PATH: join(h.dir, 'rollout.db'),
      },
      { clock: h.clock },
    );
    expect(log.code).toBe(0);
    const lines = log.stdout.split('\n');
    const lineAfter = (week: string) => lines[lines.findIndex((l) => l.startsWith(week)) + 1]?.trim();
    expect(lines.find((l) => l.startsWith('2026-W53'))).toMatch(/posted {6}Mon 4 Jan 2027, 09:0\d PST/);
    expect(lineAfter('2026-W53')).toBe('moved from Thu 31 Dec 2026 to Mon 4 Jan 2027: Winter break');
    expect(lines.find((l) => l.startsWith('2026-W52'))).toContain(
      'merged      into 2026-W53’s digest; nothing was sent on its own',
    );
    expect(lineAfter('2026-W52')).toBe('moved from Thu 24 Dec 2026 to Mon 4 Jan 2027: Winter break');
    expect(log.stdout).toContain('3 weeks: 2 posted (1 caught up), 0 failed, 0 missed, 1 merged.');
  });
});

describe('rollout digest log SLUG, for a moved digest', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  it('says when the week’s digest moved and why, under the week it belongs to', async () => {
    const clock = fixedClock('2026-12-24T17:00:00Z');
    h = await RolloutHarness.start({
      clock,
      seed: (db) =>
        importFixture(
          db,
          smallProgram({ digest: { channel: CHANNEL, schedule: '0 9 * * 4' }, holidays: [WINTER_BREAK] }),
          new Date('2026-11-20T18:00:00Z'),
        ),
    });
    const env = { DATABASE_PATH: join(h.dir, 'rollout.db') };
    const weekLine = (stdout: string, week: string) => {
      const lines = stdout.split('\n');
      const at = lines.findIndex((l) => l.startsWith(week));
      return [lines[at], lines[at + 1]?.trim()];
    };

    // On the holiday: due on Monday, with the reason.
    let log = await rollout(['digest', 'log', 'builder-insights'], env, { clock });
    expect(weekLine(log.stdout, '2026-W52')).toEqual([
      expect.stringMatching(/ {2}due {9}Mon 28 Dec 2026, 09:00 PST$/),
      'moved from Thu 24 Dec to Mon 28 Dec 2026: Winter break',
    ]);

    clock.set('2026-12-28T17:01:00Z');
    await h.rollout.scheduler.sweep();
    log = await rollout(['digest', 'log', 'builder-insights'], env, { clock });
    expect(weekLine(log.stdout, '2026-W52')).toEqual([
      expect.stringMatching(/ {2}posted {6}Mon 28 Dec 2026, 09:01 PST · 1 attempt · https:\/\//),
      'moved from Thu 24 Dec to Mon 28 Dec 2026: Winter break',
    ]);
    // The week the digest was posted in has its own, not yet due; it did not move.
    expect(weekLine(log.stdout, '2026-W53')[0]).toMatch(/ {2}due {9}Thu 31 Dec 2026, 09:00 PST$/);
    expect(weekLine(log.stdout, '2026-W53')[1]).not.toContain('moved');
  });
});

describe('the example program’s holidays', () => {
  let h: RolloutHarness | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await h?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    h = undefined;
    dir = undefined;
  });

  it('keeps its Monday digests on Mondays around Christmas and New Year, both on Fridays', async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollout-example-'));
    const env = { DATABASE_PATH: join(dir, 'rollout.db') };
    expect((await rollout(['import', EXAMPLE], env)).code).toBe(0);

    const leadership = (harness: RolloutHarness) =>
      harness.fake
        .okCallsOf('chat.postMessage')
        .filter((c) => c.args.channel === 'C0LEADERSHIP' && c.args.metadata)
        .map((c) => (c.args.metadata as { event_payload: { week: string } }).event_payload.week);

    // Friday 25 Dec and Thursday 31 Dec (New Year), each at the digest's hour: nothing is due, nothing moves.
    h = await RolloutHarness.start({ dir, clock: fixedClock('2026-12-25T17:01:00Z') });
    expect(h.rollout.services.programs.get('builder-insights')?.holidays).toEqual([
      { from: '2026-12-25', to: '2026-12-25', name: '' },
      { from: '2026-12-31', to: '2027-01-01', name: 'New Year' },
    ]);
    await h.rollout.scheduler.sweep();
    expect(leadership(h)).toEqual(['2026-W52']); // Monday 21 Dec's, caught up: no run was recorded yet
    for (const at of ['2026-12-28T17:01:00Z', '2027-01-01T17:01:00Z', '2027-01-04T17:01:00Z']) {
      h = await h.restart({ clock: fixedClock(at) });
      await h.rollout.scheduler.sweep();
    }
    expect(leadership(h)).toEqual(['2026-W52', '2026-W53', '2027-W01']);
    expect(h.logsOf('digest_moved')).toEqual([]);
    const log = await rollout(['digest', 'log', 'builder-insights'], env, { clock: h.clock });
    expect(log.stdout).toMatch(/^2027-W01 .+caught up {3}Mon 4 Jan 2027, 09:01 PST/m);
    expect(log.stdout).not.toContain('moved from');
  });
});
