import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CanvasKeeper, type CanvasTiming } from '../../src/services/canvas-keeper.js';
import { CanvasPages } from '../../src/services/canvas-pages.js';
import { SlackStandIn } from '../../src/slack-standin/stand-in.js';
import { BOT_USER } from '../../src/slack-standin/workspace.js';
import { ProgramRepo } from '../../src/store/program-repo.js';
import { importFixture, smallProgram } from '../support/programs.js';
import { type ServiceEnv, serviceEnv } from '../support/service-deps.js';

const CHANNEL = 'C0PAGE';

/** The real timing divided by ten: the same ratios, in test time. */
const FAST: CanvasTiming = {
  pollMs: 50,
  minIntervalMs: 400,
  recheckMs: 60_000,
  backoffMs: 300,
  maxBackoffMs: 1_000,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the canvas keeper', () => {
  let env: ServiceEnv;
  let fake: SlackStandIn;
  let client: WebClient;
  const keepers: CanvasKeeper[] = [];

  /** A program file with the canvas channel and the given blocker on its first workstream. */
  const file = (blocker = 'approved Okta path and claims model') => {
    const base = smallProgram({ canvas: { channel: CHANNEL } });
    const [first, ...rest] = base.workstreams ?? [];
    return { ...base, workstreams: [{ ...first, blocker } as NonNullable<typeof first>, ...rest] };
  };
  /** An accepted change, as an import makes one (the keeper watches the database, whoever writes it). */
  const change = (blocker: string) => importFixture(env.db, file(blocker), env.clock.now());
  const keeper = (timing: Partial<CanvasTiming> = FAST) => {
    const k = new CanvasKeeper({ ...env.deps, canvasTiming: timing }, new ProgramRepo(env.db), client);
    keepers.push(k);
    return k;
  };
  const page = () => new CanvasPages(env.deps).page(env.program()).markdown;
  const canvas = () => fake.workspace.channelCanvas(CHANNEL);
  const edits = () => fake.okCallsOf('canvases.edit');
  const logged = (event: string) => env.logs.filter((l) => l.event === event);

  beforeEach(async () => {
    env = serviceEnv(file());
    fake = await new SlackStandIn().start();
    fake.workspace.addChannel({ id: CHANNEL, name: 'program-page' });
    client = new WebClient('xoxb-test-token', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  });
  afterEach(async () => {
    await Promise.all(keepers.splice(0).map((k) => k.stop()));
    await fake.stop();
    env.close();
  });

  it('makes the channel’s canvas with the page on start, then sends nothing while nothing changes', async () => {
    keeper().start();

    const made = await fake.waitFor(() => canvas());
    expect(made.createdBy).toBe(BOT_USER);
    expect(made.title).toBe('Builder Insights operationalization');
    expect(made.markdown).toBe(page());
    expect(made.markdown).toContain('| Identity and SSO |');
    await sleep(300);
    expect(fake.callsOf('conversations.canvases.create')).toHaveLength(1);
    expect(edits()).toHaveLength(0);
    expect(logged('canvas_created')[0]).toMatchObject({ program: 'builder-insights', channel: CHANNEL });
  });

  it('shows a change within the window, in one edit', async () => {
    keeper().start();
    await fake.waitFor(() => canvas());

    change('waiting on the security review');

    await fake.waitFor(() => canvas()?.markdown.includes('waiting on the security review'), 3000);
    expect(edits()).toHaveLength(1);
    expect(canvas()?.markdown).toBe(page());
  });

  it('coalesces a burst: 20 saves in the time of 5 s become at most 3 edits, the last version on the canvas', async () => {
    keeper().start();
    await fake.waitFor(() => canvas());

    // 5 s of saves at the real timing is 500 ms at this one.
    const started = Date.now();
    for (let i = 1; i <= 20; i++) {
      change(`blocker version ${i}`);
      await sleep(25);
    }
    const burst = Date.now() - started;
    await fake.waitFor(() => canvas()?.markdown.includes('blocker version 20'), 3000);
    await sleep(FAST.minIntervalMs + 200);

    // One edit per minIntervalMs the burst lasted, plus the last: 3 for 500 ms. A loaded machine that
    // stretched the burst may allow one more, never more than the interval lets through.
    expect(edits().length).toBeGreaterThanOrEqual(1);
    expect(edits().length).toBeLessThanOrEqual(Math.max(3, 1 + Math.ceil(burst / FAST.minIntervalMs)));
    expect(canvas()?.markdown).toBe(page());
  });

  it('waits as long as Slack’s Retry-After says before editing again', async () => {
    keeper().start();
    await fake.waitFor(() => canvas());
    fake.failNext('canvases.edit', { status: 429, retryAfter: 1 });

    change('after the rate limit');
    await fake.waitFor(() => canvas()?.markdown.includes('after the rate limit'), 4000);

    const [limited, next] = fake.callsOf('canvases.edit');
    expect(limited?.status).toBe(429);
    expect(next?.response.ok).toBe(true);
    const times = fake.traffic.filter((t) => t.name === 'canvases.edit').map((t) => Date.parse(t.at));
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(950);
    expect(logged('canvas_rate_limited')[0]).toMatchObject({ retry_after_ms: 1000 });
  });

  it('catches up after a restart: a change made while no server ran reaches the canvas', async () => {
    const first = keeper();
    first.start();
    await fake.waitFor(() => canvas());
    await first.stop();

    change('changed while the server was down');
    keeper().start();

    await fake.waitFor(() => canvas()?.markdown.includes('changed while the server was down'), 2000);
    expect(fake.callsOf('conversations.canvases.create')).toHaveLength(1);
    expect(edits()).toHaveLength(1);
  });

  it('makes the canvas again when someone deleted it, and says so', async () => {
    keeper().start();
    const gone = await fake.waitFor(() => canvas());
    fake.workspace.deleteCanvas(gone.id);

    change('after the canvas was deleted');
    const again = await fake.waitFor(
      () => canvas()?.markdown.includes('after the canvas was deleted') && canvas(),
    );

    expect(again.id).not.toBe(gone.id);
    expect(logged('canvas_failed')[0]).toMatchObject({
      reason: 'canvas_not_found',
      canvas: gone.id,
      channel: CHANNEL,
    });
  });

  it('uses a standalone canvas tabbed in the channel when the channel already has someone else’s', async () => {
    const theirs = fake.workspace.addCanvas({
      channel: CHANNEL,
      title: 'Team notes',
      markdown: '# Our notes',
      createdBy: 'U0SOMEONE1',
    });
    keeper().start();

    // Read-only for the channel: the page is made from the data, so an edit by hand would be overwritten.
    const ours = await fake.waitFor(() =>
      [...fake.workspace.canvases.values()].find(
        (c) => c.createdBy === BOT_USER && c.access.channels[CHANNEL] === 'read',
      ),
    );
    expect(ours.channel).toBeUndefined();
    expect(ours.tabbedIn).toEqual([CHANNEL]);
    expect(ours.markdown).toBe(page());
    expect(theirs.markdown).toBe('# Our notes');
    expect(logged('canvas_channel_taken')).toHaveLength(1);

    change('kept on the standalone canvas');
    await fake.waitFor(() => ours.markdown.includes('kept on the standalone canvas'), 2000);
    expect(theirs.markdown).toBe('# Our notes');
  });

  it('logs what to do when the bot is not in the channel, backs off, and makes the canvas once it is', async () => {
    fake.workspace.channels.set(CHANNEL, { id: CHANNEL, name: 'program-page', botMember: false });
    keeper().start();

    await fake.waitFor(() => logged('canvas_failed').length > 0);
    expect(logged('canvas_failed')[0]).toMatchObject({
      reason: 'not_in_channel',
      hint: 'invite the bot to the channel (/invite @Rollout)',
      program: 'builder-insights',
    });
    await sleep(250);
    expect(fake.callsOf('conversations.canvases.create')).toHaveLength(1);

    fake.workspace.channels.set(CHANNEL, { id: CHANNEL, name: 'program-page' });
    await fake.waitFor(() => canvas(), 3000);
    expect(canvas()?.markdown).toBe(page());
  });

  it('says free workspaces cannot edit standalone canvases', async () => {
    fake.workspace.addCanvas({ channel: CHANNEL, title: 'Theirs', markdown: 'x', createdBy: 'U0SOMEONE1' });
    keeper().start();
    const ours = await fake.waitFor(() =>
      [...fake.workspace.canvases.values()].find((c) => c.createdBy === BOT_USER),
    );
    fake.workspace.plan = 'free';

    change('on a free plan');
    await fake.waitFor(() => logged('canvas_failed').length > 0, 3000);

    expect(logged('canvas_failed')[0]).toMatchObject({
      reason: 'free_teams_cannot_edit_standalone_canvases',
      hint: expect.stringContaining('free workspaces cannot edit standalone canvases'),
    });
    expect(ours.markdown).not.toContain('on a free plan');
  });

  it('adopts the channel’s canvas after a create whose answer was lost, rather than making a second', async () => {
    fake.failNext('conversations.canvases.create', { lostAnswer: 500 });
    keeper().start();

    await fake.waitFor(() => logged('canvas_failed').length > 0);
    await fake.waitFor(() => edits().length > 0, 3000);

    expect(fake.workspace.canvasesIn(CHANNEL)).toHaveLength(1);
    expect(fake.callsOf('conversations.canvases.create')).toHaveLength(1);
    expect(canvas()?.markdown).toBe(page());
  });
});
