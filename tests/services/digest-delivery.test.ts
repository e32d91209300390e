import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { openDatabase } from '../../src/db/open.js';
import { DigestScheduler, isDue } from '../../src/services/digest-scheduler.js';
import { DigestSender, type SenderTimings } from '../../src/services/digest-sender.js';
import { importFixture, smallProgram } from '../support/programs.js';
import { RolloutHarness } from '../support/rollout-server.js';

// Monday 30 Nov 2026, 09:00 in Los Angeles is 17:00 UTC; the fixture's schedule is "0 9 * * 1" there.
const BEFORE = '2026-11-30T16:59:00Z';
const AFTER = '2026-11-30T17:05:00Z';
const CHANNEL = 'C0LEADERS';

interface RunRow {
  week_key: string;
  seq: number;
  status: string;
  trigger: string;
  message_ts: string | null;
  attempts: number;
  error: string | null;
}

const runs = (h: RolloutHarness) =>
  h.db
    .prepare(
      'SELECT week_key, seq, status, trigger, message_ts, attempts, error FROM digest_runs ORDER BY id',
    )
    .all() as RunRow[];

const posts = (h: RolloutHarness) =>
  h.fake.okCallsOf('chat.postMessage').filter((c) => c.args.channel === CHANNEL);

const reads = (h: RolloutHarness) => h.fake.callsOf('conversations.history');

describe('the weekly digest is posted exactly once', () => {
  let h: RolloutHarness;
  const slowSlackSchedulers: DigestScheduler[] = [];
  afterEach(async () => {
    await Promise.all(slowSlackSchedulers.splice(0).map((s) => s.stop()));
    await h?.stop();
  });

  /**
   * The app's schedule path with the real sender, its waits on Slack scaled down to milliseconds (the
   * server's are 10 s for an answer and 60 s after a lost one) so that a slow Slack plays out fast.
   */
  const slowSlack = (timings: Partial<SenderTimings>) => {
    const sender = new DigestSender(h.deps, h.rollout.app.client, timings);
    const scheduler = new DigestScheduler(h.deps, h.rollout.services.programs, sender);
    slowSlackSchedulers.push(scheduler);
    return scheduler;
  };

  const start = (at: string) => {
    const clock = fixedClock(at);
    return RolloutHarness.start({
      clock,
      seed: (db) => importFixture(db, smallProgram(), new Date('2026-11-20T18:00:00Z')),
    }).then((harness) => ({ harness, clock }));
  };

  it('posts once however often the schedule ticks, sequentially or at once, with the run key in the metadata', async () => {
    ({ harness: h } = await start(AFTER));
    const program = h.rollout.services.programs.get('builder-insights');
    expect(program).toBeDefined();
    const id = program?.id ?? 0;
    await Promise.all([h.rollout.scheduler.fire(id, 'schedule'), h.rollout.scheduler.fire(id, 'schedule')]);
    await h.rollout.scheduler.fire(id, 'schedule');
    await h.rollout.scheduler.sweep();
    expect(posts(h)).toHaveLength(1);
    const post = posts(h)[0];
    expect(post?.args.metadata).toEqual({
      event_type: 'rollout_digest',
      event_payload: {
        program: 'builder-insights',
        week: '2026-W49',
        digest_key: 'builder-insights/2026-W49/0',
      },
    });
    expect(String(post?.args.text)).toContain('Builder Insights operationalization');
    expect(runs(h)).toEqual([
      expect.objectContaining({
        week_key: '2026-W49',
        seq: 0,
        status: 'posted',
        trigger: 'schedule',
        attempts: 1,
        message_ts: post?.response.ts,
      }),
    ]);
  });

  it('two processes sending at the same moment post one digest between them', async () => {
    ({ harness: h } = await start(AFTER));
    // A second process: its own connection to the same file and its own sender (as `rollout digest --send` is).
    const otherDb = openDatabase(`${h.dir}/rollout.db`);
    try {
      const other = new DigestSender({ ...h.deps, db: otherDb }, h.rollout.app.client);
      const program = h.rollout.services.programs.get('builder-insights');
      if (!program) throw new Error('no program');
      const results = await Promise.all([
        h.rollout.services.digest.send(program, { trigger: 'schedule' }),
        other.send(program, { trigger: 'manual' }),
      ]);
      expect(results.map((r) => r.kind).sort()).toEqual(['in-progress', 'posted']);
      expect(posts(h)).toHaveLength(1);
    } finally {
      otherDb.close();
    }
  });

  it('does not post again after a restart, and catches up once when the server was down at the scheduled time', async () => {
    ({ harness: h } = await start(BEFORE));
    await h.rollout.scheduler.sweep();
    expect(posts(h)).toHaveLength(0);

    h = await h.restart({ clock: fixedClock(AFTER) });
    await h.rollout.scheduler.sweep();
    expect(posts(h)).toHaveLength(1);
    expect(runs(h)[0]).toMatchObject({ status: 'posted', trigger: 'catch-up' });

    h = await h.restart({ clock: fixedClock('2026-12-02T12:00:00Z') });
    await h.rollout.scheduler.sweep();
    await h.rollout.scheduler.fire(1, 'schedule');
    expect(posts(h)).toHaveLength(1);
  });

  it('recovers a post that reached Slack before the process died, from the message metadata, without posting again', async () => {
    ({ harness: h } = await start(AFTER));
    await h.rollout.scheduler.fire(1, 'schedule');
    expect(posts(h)).toHaveLength(1);
    // As if the process died between chat.postMessage and recording it: the claim is all the store has.
    h.db
      .prepare(
        "UPDATE digest_runs SET status = 'claimed', message_ts = NULL, posted_at = NULL, claimed_at = ?",
      )
      .run('2026-11-30T16:00:00Z');
    const readBefore = reads(h).length;
    h = await h.restart({ clock: fixedClock('2026-11-30T17:30:00Z') });
    await h.rollout.scheduler.sweep();
    expect(reads(h)).toHaveLength(readBefore + 1);
    expect(posts(h)).toHaveLength(1);
    expect(runs(h)[0]).toMatchObject({ status: 'posted', message_ts: posts(h)[0]?.response.ts, attempts: 2 });
    expect(h.logsOf('digest_recovered')).toHaveLength(1);
  });

  it('finds its earlier post on a later page of the channel when more than 200 newer messages followed it', async () => {
    ({ harness: h } = await start(AFTER));
    await h.rollout.scheduler.fire(1, 'schedule');
    expect(posts(h)).toHaveLength(1);
    for (let i = 0; i < 250; i++) h.fake.addMessageFrom({ user: 'U0CHATTY' }, CHANNEL, { text: `chat ${i}` });
    // As if the process died between chat.postMessage and recording it, as in the test above.
    h.db
      .prepare(
        "UPDATE digest_runs SET status = 'claimed', message_ts = NULL, posted_at = NULL, claimed_at = ?",
      )
      .run('2026-11-30T16:00:00Z');
    const readBefore = reads(h).length;
    h = await h.restart({ clock: fixedClock('2026-11-30T17:30:00Z') });
    await h.rollout.scheduler.sweep();
    const pages = reads(h).slice(readBefore);
    expect(pages).toHaveLength(2);
    expect(pages[0]?.response).toMatchObject({ has_more: true });
    expect(pages[1]?.args.cursor).toBe(
      (pages[0]?.response.response_metadata as { next_cursor?: string } | undefined)?.next_cursor,
    );
    expect(posts(h)).toHaveLength(1);
    expect(runs(h)).toEqual([
      expect.objectContaining({ status: 'posted', message_ts: posts(h)[0]?.response.ts, attempts: 2 }),
    ]);
  });

  it('leaves a claim from a process that may still be posting alone until its lease runs out', async () => {
    ({ harness: h } = await start(AFTER));
    h.db
      .prepare(
        `INSERT INTO digest_runs (program_id, week_key, seq, digest_key, status, trigger, claimed_at, claimed_by, channel, attempts)
         VALUES (1, '2026-W49', 0, 'builder-insights/2026-W49/0', 'claimed', 'schedule', ?, 'other-host:1', ?, 1)`,
      )
      .run('2026-11-30T17:04:00Z', CHANNEL);
    await h.rollout.scheduler.sweep();
    expect(posts(h)).toHaveLength(0);
    expect(h.logsOf('digest_busy')).toHaveLength(1);
  });

  it('honours Retry-After on 429 and posts once', async () => {
    ({ harness: h } = await start(AFTER));
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await h.rollout.scheduler.fire(1, 'schedule');
    const calls = h.fake.callsOf('chat.postMessage');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(posts(h)).toHaveLength(1);
    expect(runs(h)[0]).toMatchObject({ status: 'posted', attempts: 1 });
  });

  it('records a run that still fails after bounded retries, logs why, and retries it at a later sweep, never twice posted', async () => {
    let clock: ReturnType<typeof fixedClock>;
    ({ harness: h, clock } = await start(AFTER));
    const scheduler = slowSlack({ lateWindowMs: 100 });
    h.fake.failNext('chat.postMessage', { status: 500 }, 3);
    await scheduler.fire(1, 'schedule');
    expect(h.fake.callsOf('chat.postMessage').map((c) => c.status)).toEqual([500, 500, 500]);
    // Before the first try and after each 500 (which may hide a post that went through), the channel was read.
    expect(reads(h)).toHaveLength(4);
    expect(h.logsOf('digest_post_retry')).toHaveLength(2);
    expect(runs(h)[0]).toMatchObject({ status: 'failed', error: 'HTTP 500', attempts: 1 });
    expect(h.logsOf('digest_failed')[0]).toMatchObject({
      level: 'error',
      program: 'builder-insights',
      week: '2026-W49',
      reason: 'HTTP 500',
    });

    await scheduler.sweep(); // too soon: the retry waits 5 minutes
    expect(posts(h)).toHaveLength(0);
    clock.advance(6 * 60_000);
    await scheduler.sweep();
    expect(posts(h)).toHaveLength(1);
    expect(runs(h)[0]).toMatchObject({ status: 'posted', trigger: 'catch-up', attempts: 2, error: null });
    await scheduler.sweep();
    expect(posts(h)).toHaveLength(1);
  });

  it('finds a post whose answer was lost in the channel rather than posting it again', async () => {
    ({ harness: h } = await start(AFTER));
    h.fake.failNext('chat.postMessage', { lostAnswer: 502 });
    await slowSlack({ lateWindowMs: 100 }).fire(1, 'schedule');
    expect(h.fake.callsOf('chat.postMessage').map((c) => c.status)).toEqual([502]);
    expect(h.fake.messagesIn(CHANNEL)).toHaveLength(1);
    const [message] = h.fake.messagesIn(CHANNEL);
    expect(runs(h)[0]).toMatchObject({ status: 'posted', message_ts: message?.ts, attempts: 1 });
  });

  it('counts only its own bot’s message with the run key, not another app’s copy of the metadata', async () => {
    let clock: ReturnType<typeof fixedClock>;
    ({ harness: h, clock } = await start(AFTER));
    h.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await h.rollout.scheduler.fire(1, 'schedule');
    h.fake.addMessageFrom({ user: 'U0INTRUDER', bot_id: 'B0OTHER' }, CHANNEL, {
      text: 'not the digest',
      metadata: {
        event_type: 'rollout_digest',
        event_payload: {
          program: 'builder-insights',
          week: '2026-W49',
          digest_key: 'builder-insights/2026-W49/0',
        },
      },
    });
    clock.advance(6 * 60_000);
    await h.rollout.scheduler.sweep();
    expect(posts(h)).toHaveLength(1);
    expect(runs(h)[0]).toMatchObject({ status: 'posted', message_ts: posts(h)[0]?.response.ts });
  });

  it('does not post when another process took the run over while it read the channel', async () => {
    let clock: ReturnType<typeof fixedClock>;
    ({ harness: h, clock } = await start(AFTER));
    h.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await h.rollout.scheduler.fire(1, 'schedule');
    clock.advance(6 * 60_000);
    h.fake.failNext('conversations.history', { delayMs: 1500 });
    const sweep = h.rollout.scheduler.sweep();
    await h.fake.waitFor(() => (runs(h)[0]?.attempts === 2 ? true : undefined));
    // The other process: its lease-expired takeover of the same run, while this one is still reading.
    h.db.prepare("UPDATE digest_runs SET claimed_by = 'other-host:1', attempts = attempts + 1").run();
    await sweep;
    expect(posts(h)).toHaveLength(0);
    expect(h.logsOf('digest_claim_lost')).toHaveLength(1);
    expect(runs(h)[0]).toMatchObject({ status: 'claimed', attempts: 3 });
  });

  it('never posts an earlier week after the program moves to a zone still in it', async () => {
    const clock = fixedClock('2026-11-29T20:05:00Z'); // Monday 09:05 in Auckland: week 49 there
    h = await RolloutHarness.start({
      clock,
      seed: (db) =>
        importFixture(db, smallProgram({ timezone: 'Pacific/Auckland' }), new Date('2026-11-20T18:00:00Z')),
    });
    await h.rollout.scheduler.sweep();
    expect(runs(h).map((r) => r.week_key)).toEqual(['2026-W49']);
    // Honolulu is still on Sunday 29 Nov: week 48, whose Monday 09:00 has long passed.
    importFixture(h.db, smallProgram({ timezone: 'Pacific/Honolulu' }), new Date('2026-11-29T20:06:00Z'));
    clock.advance(5 * 60_000);
    await h.rollout.scheduler.sweep();
    expect(posts(h)).toHaveLength(1);
    expect(runs(h).map((r) => r.week_key)).toEqual(['2026-W49']);
  });

  it('tells the operator which weeks went without a digest when it catches up after a long outage', async () => {
    let clock: ReturnType<typeof fixedClock>;
    ({ harness: h, clock } = await start(AFTER));
    await h.rollout.scheduler.sweep();
    expect(runs(h).map((r) => r.week_key)).toEqual(['2026-W49']);
    clock.advance(16 * 86_400_000); // two weeks later: W50 was never sent
    await h.rollout.scheduler.sweep();
    expect(runs(h).map((r) => r.week_key)).toEqual(['2026-W49', '2026-W51']);
    expect(h.logsOf('digest_weeks_missed')[0]).toMatchObject({
      level: 'warn',
      week: '2026-W51',
      lastPostedWeek: '2026-W49',
    });
  });

  it('does not post blind when it cannot check the channel for an earlier attempt', async () => {
    let clock: ReturnType<typeof fixedClock>;
    ({ harness: h, clock } = await start(AFTER));
    h.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await h.rollout.scheduler.fire(1, 'schedule');
    expect(runs(h)[0]).toMatchObject({ status: 'failed', error: 'channel_not_found' });
    clock.advance(6 * 60_000);
    h.fake.failNext('conversations.history', { error: 'missing_scope' });
    await h.rollout.scheduler.sweep();
    expect(posts(h)).toHaveLength(0);
    expect(runs(h)[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('missing_scope') });
  });

  it('does not post again when Slack carries the post out after the client gave up on it', async () => {
    ({ harness: h } = await start(AFTER));
    // Slack posts at 1.5 s; the client gives up at 200 ms (as at 14 s and 10 s in production).
    const scheduler = slowSlack({ postTimeoutMs: 200, lateWindowMs: 2000 });
    h.fake.failNext('chat.postMessage', { delayMs: 1500 });
    const result = await scheduler.fire(1, 'schedule');
    // Whatever the sender did, look only once Slack's late post has landed.
    await h.fake.waitFor(() => h.fake.messagesIn(CHANNEL).length > 0);
    expect(result?.kind).toBe('posted');
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
    expect(h.fake.messagesIn(CHANNEL)).toHaveLength(1);
    const [message] = h.fake.messagesIn(CHANNEL);
    expect(runs(h)).toEqual([
      expect.objectContaining({ status: 'posted', message_ts: message?.ts, attempts: 1, error: null }),
    ]);
    // The channel was read before posting, and again only once the late post could show.
    expect(reads(h)).toHaveLength(2);
    expect(h.fake.calls.indexOf(reads(h)[1] as (typeof h.fake.calls)[number])).toBeGreaterThan(
      h.fake.calls.indexOf(posts(h)[0] as (typeof h.fake.calls)[number]),
    );
    expect(h.logsOf('digest_posted')).toEqual([expect.objectContaining({ afterLostAnswer: true, tries: 1 })]);
  });

  it('leaves a run uncertain when the channel cannot be read after a lost answer, and the next sweep reads it before posting', async () => {
    let clock: ReturnType<typeof fixedClock>;
    ({ harness: h, clock } = await start(AFTER));
    const scheduler = slowSlack({ postTimeoutMs: 200, lateWindowMs: 300 });
    // Slack is very slow: it posts at 1.2 s, long after the client gave up and the late window passed.
    h.fake.failNext('chat.postMessage', { delayMs: 1200 });
    const fired = scheduler.fire(1, 'schedule');
    await h.fake.waitFor(() => reads(h).length === 1);
    h.fake.failNext('conversations.history', { error: 'internal_error' });
    const result = await fired;
    expect(result).toMatchObject({ kind: 'failed', uncertain: true });
    expect(runs(h)[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: expect.stringMatching(/^uncertain: .*internal_error/),
    });
    expect(h.logsOf('digest_uncertain')).toEqual([
      expect.objectContaining({
        level: 'warn',
        program: 'builder-insights',
        week: '2026-W49',
        reason: expect.stringContaining('internal_error'),
        retryAt: '2026-11-30T17:10:00.000Z',
        next: expect.stringContaining('reads the channel again'),
      }),
    ]);
    expect(h.logsOf('digest_failed')).toHaveLength(0);

    await h.fake.waitFor(() => h.fake.messagesIn(CHANNEL).length === 1);
    clock.advance(6 * 60_000);
    await scheduler.sweep();
    expect(posts(h)).toHaveLength(1);
    expect(h.fake.messagesIn(CHANNEL)).toHaveLength(1);
    expect(runs(h)[0]).toMatchObject({
      status: 'posted',
      attempts: 2,
      message_ts: h.fake.messagesIn(CHANNEL)[0]?.ts,
      error: null,
    });
    expect(h.logsOf('digest_recovered')).toHaveLength(1);
  });

  it('does not post again after a lost answer when another process took the run over during the wait', async () => {
    ({ harness: h } = await start(AFTER));
    const scheduler = slowSlack({ postTimeoutMs: 200, lateWindowMs: 400 });
    h.fake.failNext('chat.postMessage', { status: 502 });
    const fired = scheduler.fire(1, 'schedule');
    await h.fake.waitForCall('chat.postMessage');
    // The other process: its lease-expired takeover of the run, while this one waits out the late window.
    h.db.prepare("UPDATE digest_runs SET claimed_by = 'other-host:1', attempts = attempts + 1").run();
    expect(await fired).toMatchObject({ kind: 'in-progress' });
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
    expect(posts(h)).toHaveLength(0);
    expect(h.logsOf('digest_claim_lost')).toHaveLength(1);
    expect(runs(h)[0]).toMatchObject({ status: 'claimed', attempts: 2 });
  });

  it('after a restore from a backup taken before the week’s digest, records the digest in the channel and posts nothing', async () => {
    ({ harness: h } = await start(AFTER));
    const dir = h.dir;
    const backup = join(dir, 'backup.db');
    h.db.exec(`VACUUM INTO '${backup}'`); // the nightly backup, from before Monday's digest
    await h.rollout.scheduler.fire(1, 'schedule');
    expect(posts(h)).toHaveLength(1);

    // The database is lost that afternoon and restored from the backup: no run for this week.
    await h.rollout.stop();
    h.db.close();
    for (const suffix of ['-wal', '-shm']) rmSync(join(dir, `rollout.db${suffix}`), { force: true });
    copyFileSync(backup, join(dir, 'rollout.db'));
    h = await RolloutHarness.start({
      clock: fixedClock('2026-11-30T22:00:00Z'),
      dir,
      fake: h.fake,
      owns: { dir: true, fake: true },
    });
    expect(runs(h)).toEqual([]);
    await h.rollout.scheduler.sweep();
    expect(posts(h)).toHaveLength(1);
    expect(runs(h)).toEqual([
      expect.objectContaining({
        week_key: '2026-W49',
        status: 'posted',
        message_ts: posts(h)[0]?.response.ts,
        attempts: 1,
      }),
    ]);
    expect(h.logsOf('digest_recovered')).toEqual([
      expect.objectContaining({ ts: posts(h)[0]?.response.ts, why: expect.stringContaining('backup') }),
    ]);
    await h.rollout.scheduler.sweep();
    expect(posts(h)).toHaveLength(1);
  });

  it('posts nothing for a new week it cannot check the channel for, and says what to fix', async () => {
    ({ harness: h } = await start(AFTER));
    h.fake.failNext('conversations.history', { error: 'missing_scope' });
    const result = await h.rollout.scheduler.fire(1, 'schedule');
    expect(result?.kind).toBe('failed');
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(0);
    expect(runs(h)[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('missing_scope') });
    expect(h.logsOf('digest_failed')[0]).toMatchObject({
      level: 'error',
      hint: expect.stringContaining('channels:history'),
      retryAt: '2026-11-30T17:10:00.000Z',
    });
  });

  it('takes a schedule changed by an import without a restart', async () => {
    ({ harness: h } = await start(BEFORE));
    h.rollout.scheduler.reload();
    expect([...h.rollout.scheduler.scheduled().values()]).toEqual(['0 9 * * 1 America/Los_Angeles']);
    importFixture(
      h.db,
      smallProgram({ timezone: 'Europe/Berlin', digest: { channel: CHANNEL, schedule: '30 8 * * 2' } }),
    );
    await h.rollout.scheduler.sweep();
    expect([...h.rollout.scheduler.scheduled().values()]).toEqual(['30 8 * * 2 Europe/Berlin']);
    expect(h.logsOf('digest_scheduled').at(-1)).toMatchObject({
      schedule: '30 8 * * 2',
      timezone: 'Europe/Berlin',
    });
  });
});

describe('the sweep also sends the owners’ reminders', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  it('DMs an owner on the working day before the digest, once, with an Update button', async () => {
    // Friday 27 Nov 2026, 10:00 in Los Angeles: the day before Monday's 09:00 digest is a Sunday, moved to
    // the working day before it.
    h = await RolloutHarness.start({
      clock: fixedClock('2026-11-27T18:00:00Z'),
      seed: (db) => importFixture(db, smallProgram(), new Date('2026-11-20T18:00:00Z')),
    });
    h.fake.addUser('UOWNER01', 'America/Los_Angeles');
    h.fake.addUser('UOWNER02', 'America/Los_Angeles');
    await h.rollout.scheduler.sweep();
    await h.rollout.scheduler.sweep();
    const dms = h.fake.okCallsOf('chat.postMessage').filter((c) => String(c.args.channel).startsWith('D'));
    expect(dms.map((c) => c.args.channel).sort()).toEqual(['DOWNER01', 'DOWNER02']);
    expect(JSON.stringify(dms[0]?.args.blocks)).toContain('workstream_update_open');
    // This week's Monday digest was never posted: the same sweep caught it up, once.
    expect(
      posts(h).map((c) => (c.args.metadata as { event_payload: { week: string } }).event_payload.week),
    ).toEqual(['2026-W48']);
  });
});

describe('the cron schedule itself', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  it('fires on time from node-cron and, ticking every second, still posts one digest a week', async () => {
    h = await RolloutHarness.start({
      seed: (db) =>
        importFixture(
          db,
          smallProgram({ timezone: 'UTC', digest: { channel: CHANNEL, schedule: '* * * * * *' } }),
        ),
    });
    // Each tick of the cron task calls fire(…, 'schedule'): counted, so the test waits for ticks, not time.
    const fire = vi.spyOn(h.rollout.scheduler, 'fire');
    const ticks = () => fire.mock.calls.filter(([, trigger]) => trigger === 'schedule');
    h.rollout.scheduler.reload();
    await h.fake.waitFor(() => posts(h).length === 1, 5000);
    const seen = ticks().length;
    await h.fake.waitFor(() => ticks().length >= seen + 2, 5000); // two more ticks at least
    await Promise.all(fire.mock.results.map((r) => r.value));
    expect(posts(h)).toHaveLength(1);
    expect(runs(h)).toHaveLength(1);
  });
});

describe('isDue', () => {
  const program = (schedule: string, timezone: string) =>
    ({ id: 1, timezone, digest: { channel: CHANNEL, schedule } }) as Parameters<typeof isDue>[0];

  it('is due once the week’s first scheduled time has passed in the program’s zone', () => {
    const p = program('0 9 * * 1', 'America/Los_Angeles');
    expect(isDue(p, undefined, new Date(BEFORE))).toBe(false);
    expect(isDue(p, undefined, new Date(AFTER))).toBe(true);
  });

  it('still gives a spring-forward week its digest when the schedule names a time the clocks skip', () => {
    // 02:30 on Sunday 8 Mar 2026 does not exist in Los Angeles; the digest is due from 03:30 (10:30 UTC).
    const p = program('30 2 * * 0', 'America/Los_Angeles');
    expect(isDue(p, undefined, new Date('2026-03-08T10:29:00Z'))).toBe(false);
    expect(isDue(p, undefined, new Date('2026-03-08T10:31:00Z'))).toBe(true);
  });

  it('waits longer after each failure before trying again', () => {
    const p = program('0 9 * * 1', 'America/Los_Angeles');
    const failed = { status: 'failed', claimedAt: AFTER, attempts: 2 } as Parameters<typeof isDue>[1];
    expect(isDue(p, failed, new Date('2026-11-30T17:14:00Z'))).toBe(false);
    expect(isDue(p, failed, new Date('2026-11-30T17:16:00Z'))).toBe(true);
  });
});
