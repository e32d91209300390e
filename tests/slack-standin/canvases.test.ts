import {
  type CanvasesEditArguments,
  ErrorCode,
  LogLevel,
  type WebAPICallResult,
  WebClient,
} from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANVAS_MAX_BYTES } from '../../src/slack-standin/canvases.js';
import { SlackStandIn } from '../../src/slack-standin/stand-in.js';
import { BOT_USER } from '../../src/slack-standin/workspace.js';

const CHANNEL = 'C0CANVASES';
const OUTSIDE = 'C0NOTJOINED';
const PERSON = 'U0PERSON';

let fake: SlackStandIn;
/** The app's client as Rollout makes it, but failing at once on a refusal or a 429, so a test sees each. */
let client: WebClient;

beforeEach(async () => {
  fake = await new SlackStandIn().start();
  fake.workspace.addChannel({ id: CHANNEL, name: 'program' });
  fake.workspace.addChannel({ id: OUTSIDE, name: 'elsewhere', botMember: false });
  client = new WebClient('xoxb-test-token', {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
});
afterEach(async () => {
  await fake.stop();
});

/** Slack's error code for a call it refused, through the WebClient as the app sees it. */
async function refusal(call: Promise<WebAPICallResult>): Promise<unknown> {
  const error = (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as { code?: string; data?: { error?: string; response_metadata?: { messages?: string[] } } };
  expect(error?.code).toBe(ErrorCode.PlatformError);
  return error.data?.error;
}

const md = (markdown: string) => ({ type: 'markdown' as const, markdown });

function replaceWith(markdown: string): CanvasesEditArguments['changes'] {
  return [{ operation: 'replace', document_content: md(markdown) }];
}

async function channelCanvas(markdown = '# Plan'): Promise<string> {
  const made = await client.conversations.canvases.create({
    channel_id: CHANNEL,
    title: 'Program',
    document_content: md(markdown),
  });
  return String(made.canvas_id);
}

function canvas(id: string) {
  const found = fake.workspace.canvases.get(id);
  if (!found) throw new Error(`no canvas ${id}`);
  return found;
}

describe('conversations.canvases.create', () => {
  it("makes the channel's canvas, made by the bot, with the content given", async () => {
    fake.now = () => Date.parse('2026-03-02T10:00:00Z');
    const id = await channelCanvas('# Plan\n\nHello');
    expect(id).toMatch(/^F[0-9A-Z]+$/);
    expect(canvas(id)).toMatchObject({
      id,
      title: 'Program',
      markdown: '# Plan\n\nHello',
      channel: CHANNEL,
      tabbedIn: [],
      createdBy: BOT_USER,
      edits: 0,
      updatedAt: Date.parse('2026-03-02T10:00:00Z'),
    });
    expect(fake.workspace.channelCanvas(CHANNEL)?.id).toBe(id);
    expect(fake.workspace.canvasesIn(CHANNEL).map((c) => c.id)).toEqual([id]);
  });

  it('starts empty without document_content', async () => {
    const made = await client.conversations.canvases.create({ channel_id: CHANNEL });
    expect(canvas(String(made.canvas_id)).markdown).toBe('');
  });

  it('refuses a second canvas for the channel, even one a person made', async () => {
    fake.workspace.addCanvas({ channel: CHANNEL, title: 'Notes', markdown: 'theirs', createdBy: PERSON });
    expect(await refusal(client.conversations.canvases.create({ channel_id: CHANNEL }))).toBe(
      'channel_canvas_already_exists',
    );
    expect(fake.workspace.canvases.size).toBe(1);
  });

  it('refuses an unknown channel, a channel the bot is not in, and a missing channel_id', async () => {
    expect(await refusal(client.conversations.canvases.create({ channel_id: 'C0NOSUCH' }))).toBe(
      'channel_not_found',
    );
    expect(await refusal(client.conversations.canvases.create({ channel_id: OUTSIDE }))).toBe(
      'not_in_channel',
    );
    const missing = await client.apiCall('conversations.canvases.create', {}).catch((e: unknown) => e);
    expect((missing as { data: unknown }).data).toMatchObject({
      error: 'invalid_arguments',
      response_metadata: { messages: ['missing channel_id'] },
    });
    expect(fake.workspace.canvases.size).toBe(0);
  });

  it('refuses content that is not canvas Markdown, or over 1 MiB', async () => {
    const notMarkdown = client.apiCall('conversations.canvases.create', {
      channel_id: CHANNEL,
      document_content: { type: 'html', markdown: '<b>x</b>' },
    });
    expect(await refusal(notMarkdown)).toBe('invalid_arguments');
    const huge = client.conversations.canvases.create({
      channel_id: CHANNEL,
      document_content: md('é'.repeat(CANVAS_MAX_BYTES / 2 + 1)),
    });
    expect(await refusal(huge)).toBe('canvas_too_large');
    expect(fake.workspace.canvases.size).toBe(0);
  });
});

describe('canvases.create', () => {
  it('makes a standalone canvas, tabbed in a channel when given one', async () => {
    const alone = await client.canvases.create({ title: 'Alone', document_content: md('x') });
    expect(canvas(String(alone.canvas_id))).toMatchObject({
      title: 'Alone',
      tabbedIn: [],
      createdBy: BOT_USER,
    });
    expect(canvas(String(alone.canvas_id)).channel).toBeUndefined();

    const tabbed = await client.canvases.create({ title: 'Tabbed', channel_id: CHANNEL });
    expect(canvas(String(tabbed.canvas_id))).toMatchObject({ tabbedIn: [CHANNEL], markdown: '' });
    const own = await channelCanvas();
    // The channel's own canvas comes first, whatever the order they were made in.
    expect(fake.workspace.canvasesIn(CHANNEL).map((c) => c.id)).toEqual([own, tabbed.canvas_id]);
  });

  it('refuses an unknown channel', async () => {
    expect(await refusal(client.canvases.create({ channel_id: 'C0NOSUCH' }))).toBe('channel_not_found');
  });

  it('on a free plan, makes only canvases tabbed in a channel', async () => {
    fake.workspace.plan = 'free';
    expect(await refusal(client.canvases.create({ title: 'Alone' }))).toBe(
      'free_teams_cannot_create_non_tabbed_canvases',
    );
    expect((await client.canvases.create({ title: 'Tabbed', channel_id: CHANNEL })).ok).toBe(true);
  });
});

describe('canvases.edit', () => {
  it('replaces the whole document, and counts the edit at the clock’s time', async () => {
    const id = await channelCanvas('# Old');
    fake.now = () => Date.parse('2026-03-02T11:30:00Z');
    await client.canvases.edit({
      canvas_id: id,
      changes: [{ operation: 'replace', document_content: md('# New') }],
    });
    expect(canvas(id)).toMatchObject({
      markdown: '# New',
      edits: 1,
      updatedAt: Date.parse('2026-03-02T11:30:00Z'),
    });
  });

  it('inserts at the start and at the end, each on a line of its own', async () => {
    const id = await channelCanvas('middle');
    await client.canvases.edit({
      canvas_id: id,
      changes: [{ operation: 'insert_at_start', document_content: md('first') }],
    });
    await client.canvases.edit({
      canvas_id: id,
      changes: [{ operation: 'insert_at_end', document_content: md('last') }],
    });
    expect(canvas(id)).toMatchObject({ markdown: 'first\nmiddle\nlast', edits: 2 });
  });

  it('takes one change per call, whole-document operations only, with canvas Markdown', async () => {
    const id = await channelCanvas('# Kept');
    const bad: unknown[] = [
      [
        { operation: 'replace', document_content: md('a') },
        { operation: 'insert_at_end', document_content: md('b') },
      ],
      [],
      [{ operation: 'delete', section_id: 'temp:C:AAA' }],
      [{ operation: 'insert_after', section_id: 'temp:C:AAA', document_content: md('a') }],
      [{ operation: 'replace', section_id: 'temp:C:AAA', document_content: md('a') }],
      [{ operation: 'replace' }],
      [{ operation: 'replace', document_content: { type: 'markdown' } }],
      [{ operation: 'replace', document_content: { type: 'rich_text', markdown: 'a' } }],
      'not json',
    ];
    for (const changes of bad)
      expect(
        await refusal(client.apiCall('canvases.edit', { canvas_id: id, changes })),
        JSON.stringify(changes),
      ).toBe('invalid_arguments');
    expect(await refusal(client.apiCall('canvases.edit', { canvas_id: id }))).toBe('invalid_arguments');
    expect(canvas(id)).toMatchObject({ markdown: '# Kept', edits: 0 });
  });

  it('refuses an unknown or deleted canvas', async () => {
    const id = await channelCanvas();
    const change = replaceWith('x');
    expect(await refusal(client.canvases.edit({ canvas_id: 'F0NOSUCH', changes: change }))).toBe(
      'canvas_not_found',
    );
    fake.workspace.deleteCanvas(id);
    expect(await refusal(client.canvases.edit({ canvas_id: id, changes: change }))).toBe('canvas_not_found');
  });

  it('refuses a document grown past 1 MiB, leaving it as it was', async () => {
    const id = await channelCanvas('a'.repeat(CANVAS_MAX_BYTES - 10));
    const grow = client.canvases.edit({
      canvas_id: id,
      changes: [{ operation: 'insert_at_end', document_content: md('b'.repeat(20)) }],
    });
    expect(await refusal(grow)).toBe('canvas_too_large');
    expect(canvas(id).edits).toBe(0);
    expect(canvas(id).markdown).toHaveLength(CANVAS_MAX_BYTES - 10);
  });

  it('on a free plan, edits channel canvases but not standalone ones', async () => {
    const own = await channelCanvas();
    const tabbed = String((await client.canvases.create({ channel_id: CHANNEL })).canvas_id);
    fake.workspace.plan = 'free';
    const change = replaceWith('free');
    expect((await client.canvases.edit({ canvas_id: own, changes: change })).ok).toBe(true);
    expect(await refusal(client.canvases.edit({ canvas_id: tabbed, changes: change }))).toBe(
      'free_teams_cannot_edit_standalone_canvases',
    );
    expect(canvas(tabbed).edits).toBe(0);
  });

  it('refuses a channel canvas once the bot is not in the channel (restricted_action, as Slack lists it)', async () => {
    const id = await channelCanvas('# Ours');
    const change = replaceWith('# Changed');
    const channel = fake.workspace.channels.get(CHANNEL);
    if (channel) channel.botMember = false;
    expect(await refusal(client.canvases.edit({ canvas_id: id, changes: change }))).toBe('restricted_action');
    // A person's canvas in a channel the bot never joined is no more Rollout's to change.
    const theirs = fake.workspace.addCanvas({
      channel: OUTSIDE,
      title: 'T',
      markdown: 'x',
      createdBy: PERSON,
    });
    expect(await refusal(client.canvases.edit({ canvas_id: theirs.id, changes: change }))).toBe(
      'restricted_action',
    );
    expect(canvas(id).markdown).toBe('# Ours');
  });

  it('edits a person’s channel canvas in a channel the bot is in, as a member may', async () => {
    const theirs = fake.workspace.addCanvas({
      channel: CHANNEL,
      title: 'T',
      markdown: 'x',
      createdBy: PERSON,
    });
    await client.canvases.edit({
      canvas_id: theirs.id,
      changes: [{ operation: 'insert_at_end', document_content: md('y') }],
    });
    expect(canvas(theirs.id)).toMatchObject({ markdown: 'x\ny', edits: 1, createdBy: PERSON });
  });

  it('takes the changes as the JSON a form carries', async () => {
    const id = await channelCanvas();
    const form = new URLSearchParams({
      canvas_id: id,
      changes: JSON.stringify([{ operation: 'replace', document_content: md('from a form') }]),
    });
    const res = await fetch(`${fake.apiUrl}canvases.edit`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer xoxb-test-token',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form.toString(),
    });
    expect(await res.json()).toEqual({ ok: true });
    expect(canvas(id).markdown).toBe('from a form');
  });
});

describe('canvases.access.set', () => {
  it('sets the level for channels or for people', async () => {
    const id = await channelCanvas();
    await client.canvases.access.set({ canvas_id: id, access_level: 'read', channel_ids: [OUTSIDE] });
    await client.apiCall('canvases.access.set', { canvas_id: id, access_level: 'owner', user_ids: [PERSON] });
    expect(canvas(id).access).toEqual({
      channels: { [CHANNEL]: 'write', [OUTSIDE]: 'read' },
      users: { [PERSON]: 'owner' },
    });
  });

  it('takes IDs separated by commas, as a form may send them', async () => {
    const id = await channelCanvas();
    await client.apiCall('canvases.access.set', {
      canvas_id: id,
      access_level: 'write',
      user_ids: 'U0A,U0B',
    });
    expect(canvas(id).access.users).toEqual({ U0A: 'write', U0B: 'write' });
  });

  it('refuses no IDs, both kinds at once, a bad level, and an unknown canvas', async () => {
    const id = await channelCanvas();
    for (const args of [
      { canvas_id: id, access_level: 'write' },
      { canvas_id: id, access_level: 'write', channel_ids: [CHANNEL], user_ids: [PERSON] },
      { canvas_id: id, access_level: 'admin', user_ids: [PERSON] },
      { canvas_id: id, user_ids: [PERSON] },
    ])
      expect(await refusal(client.apiCall('canvases.access.set', args)), JSON.stringify(args)).toBe(
        'invalid_arguments',
      );
    expect(
      await refusal(
        client.canvases.access.set({ canvas_id: 'F0NOSUCH', access_level: 'read', user_ids: [PERSON] }),
      ),
    ).toBe('canvas_not_found');
    expect(canvas(id).access.users).toEqual({});
  });
});

describe('canvases.delete', () => {
  it('deletes a canvas once; the channel may then have a new one', async () => {
    const id = await channelCanvas();
    expect((await client.canvases.delete({ canvas_id: id })).ok).toBe(true);
    expect(fake.workspace.canvases.has(id)).toBe(false);
    expect(fake.workspace.channelCanvas(CHANNEL)).toBeUndefined();
    expect(await refusal(client.canvases.delete({ canvas_id: id }))).toBe('canvas_not_found');
    expect(await channelCanvas()).not.toBe(id);
  });
});

describe('conversations.info', () => {
  it("says whether the bot is a member, and which canvas is the channel's", async () => {
    const before = await client.conversations.info({ channel: CHANNEL });
    expect(before.channel).toEqual({
      id: CHANNEL,
      name: 'program',
      is_channel: true,
      is_im: false,
      is_member: true,
    });

    const id = await channelCanvas('');
    expect((await client.conversations.info({ channel: CHANNEL })).channel).toMatchObject({
      properties: { canvas: { file_id: id, is_empty: true } },
    });
    await client.canvases.edit({
      canvas_id: id,
      changes: [{ operation: 'replace', document_content: md('# x') }],
    });
    expect((await client.conversations.info({ channel: CHANNEL })).channel).toMatchObject({
      properties: { canvas: { file_id: id, is_empty: false } },
    });
    expect((await client.conversations.info({ channel: OUTSIDE })).channel).toMatchObject({
      is_member: false,
    });
  });

  it('refuses an unknown channel', async () => {
    expect(await refusal(client.conversations.info({ channel: 'C0NOSUCH' }))).toBe('channel_not_found');
  });
});

describe('the canvas methods, like every other', () => {
  it('need a bot token', async () => {
    const userClient = new WebClient('xoxp-user-token', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
    });
    expect(await refusal(userClient.canvases.create({ title: 'x' }))).toBe('not_authed');
  });

  it('answer 429 with Retry-After when rate limited, and Rollout’s client waits it out', async () => {
    const id = await channelCanvas();
    const change = replaceWith('# After the wait');
    fake.failNext('canvases.edit', { status: 429, retryAfter: 1 });
    const limited = (await client.canvases
      .edit({ canvas_id: id, changes: change })
      .catch((e: unknown) => e)) as {
      code: string;
      retryAfter: number;
    };
    expect(limited).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 1 });
    expect(canvas(id).edits).toBe(0);

    fake.failNext('canvases.edit', { status: 429, retryAfter: 1 });
    const patient = new WebClient('xoxb-test-token', { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR });
    const started = Date.now();
    expect((await patient.canvases.edit({ canvas_id: id, changes: change })).ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.callsOf('canvases.edit').map((c) => c.status)).toEqual([429, 429, 200]);
    expect(canvas(id)).toMatchObject({ markdown: '# After the wait', edits: 1 });

    fake.failNext('conversations.canvases.create', { status: 429, retryAfter: 2 });
    expect(
      await client.conversations.canvases.create({ channel_id: OUTSIDE }).catch((e: unknown) => e),
    ).toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 2,
    });
  });
});
