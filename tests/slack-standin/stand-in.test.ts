import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  RESPONSE_URL_LIFETIME_MS,
  RESPONSE_URL_USES,
  SlackStandIn,
} from '../../src/slack-standin/stand-in.js';

const CHANNEL = 'C0FAKETEST';

let fake: SlackStandIn;
beforeAll(async () => {
  fake = await new SlackStandIn().start();
});
afterAll(async () => {
  await fake.stop();
});

/** A Web API call as the WebClient makes it: form-encoded, objects as JSON strings, a bearer token. */
async function call(
  method: string,
  args: Record<string, unknown>,
  token = 'xoxb-test-token',
): Promise<{ status: number; json: Record<string, unknown> }> {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(args)) form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  const res = await fetch(`${fake.apiUrl}${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function reply(url: string, body: Record<string, unknown>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const modal = {
  type: 'modal',
  title: { type: 'plain_text', text: 'Test' },
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hello' } }],
};

type Page = { messages: { ts: string }[]; has_more: boolean; response_metadata?: { next_cursor: string } };

describe('response_url', () => {
  it('mints a distinct URL every time, however fast', () => {
    const urls = Array.from({ length: 1000 }, () => fake.responseUrl());
    expect(new Set(urls).size).toBe(1000);
  });

  it('takes a reply with fallback text, and refuses blocks without it as chat.postMessage does', async () => {
    const url = fake.responseUrl();
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }];
    const refused = await reply(url, { response_type: 'ephemeral', blocks });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(refused.json.errors).toContainEqual(expect.stringContaining('fallback text'));

    const taken = await reply(url, { response_type: 'ephemeral', text: 'hi', blocks });
    expect(taken).toEqual({ status: 200, json: { ok: true } });
    expect(fake.responses.filter((r) => url.endsWith(`/response/${r.id}`)).map((r) => r.status)).toEqual([
      400, 200,
    ]);
  });

  it('takes a delete_original, which carries no message', async () => {
    const res = await reply(fake.responseUrl(), { delete_original: true });
    expect(res.status).toBe(200);
  });

  it('answers 404 for a URL it never minted', async () => {
    const res = await reply(`${fake.url}/response/never-minted`, { text: 'hi' });
    expect(res).toEqual({ status: 404, json: { ok: false, error: 'no_such_response_url' } });
  });

  it(`takes ${RESPONSE_URL_USES} replies on one URL and refuses the next, as Slack does`, async () => {
    const url = fake.responseUrl();
    const statuses: number[] = [];
    for (let i = 0; i <= RESPONSE_URL_USES; i++) statuses.push((await reply(url, { text: `#${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect((await reply(url, { text: 'again' })).json).toEqual({ ok: false, error: 'used_url' });
    // Another URL is not affected.
    expect((await reply(fake.responseUrl(), { text: 'fresh' })).status).toBe(200);
  });

  it('refuses a reply once the URL is 30 minutes old (its clock), as Slack does: expired_url', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    fake.now = () => now;
    try {
      const url = fake.responseUrl();
      now += RESPONSE_URL_LIFETIME_MS;
      expect((await reply(url, { text: 'just in time' })).status).toBe(200);
      now += 1;
      expect(await reply(url, { text: 'too late' })).toEqual({
        status: 404,
        json: { ok: false, error: 'expired_url' },
      });
    } finally {
      fake.now = Date.now;
    }
  });
});

describe('users.profile.get', () => {
  it('gives a person’s status as set in the workspace, and user_not_found for a stranger', async () => {
    fake.addUser('UAWAY0001', 'Europe/Berlin');
    fake.setStatus('UAWAY0001', { emoji: ':palm_tree:', text: 'Hiking', expiration: 1_800_000_000 });
    expect((await call('users.profile.get', { user: 'UAWAY0001' })).json).toMatchObject({
      ok: true,
      profile: { status_emoji: ':palm_tree:', status_text: 'Hiking', status_expiration: 1_800_000_000 },
    });
    fake.addUser('UPLAIN001');
    expect((await call('users.profile.get', { user: 'UPLAIN001' })).json).toMatchObject({
      profile: { status_emoji: '', status_text: '', status_expiration: 0 },
    });
    expect((await call('users.profile.get', { user: 'UNOBODY01' })).json).toEqual({
      ok: false,
      error: 'user_not_found',
    });
  });
});

describe('views.push', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a trigger_id the fake never issued', async () => {
    const res = await call('views.push', { trigger_id: '1.2.unknown', view: modal });
    expect(res.json).toEqual({ ok: false, error: 'invalid_trigger_id' });
  });

  it('takes a fresh trigger once, and not again (nor for views.open)', async () => {
    const trigger = fake.mintTrigger();
    expect((await call('views.push', { trigger_id: trigger, view: modal })).json).toMatchObject({ ok: true });
    expect((await call('views.push', { trigger_id: trigger, view: modal })).json).toEqual({
      ok: false,
      error: 'invalid_trigger_id',
    });
    expect((await call('views.open', { trigger_id: trigger, view: modal })).json).toEqual({
      ok: false,
      error: 'invalid_trigger_id',
    });
  });

  it('refuses a trigger used by views.open first', async () => {
    const trigger = fake.mintTrigger();
    expect((await call('views.open', { trigger_id: trigger, view: modal })).json).toMatchObject({ ok: true });
    expect((await call('views.push', { trigger_id: trigger, view: modal })).json).toMatchObject({
      error: 'invalid_trigger_id',
    });
  });

  it('refuses a trigger older than 3 seconds', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const trigger = fake.mintTrigger();
    vi.setSystemTime(Date.now() + 3001);
    expect((await call('views.push', { trigger_id: trigger, view: modal })).json).toEqual({
      ok: false,
      error: 'expired_trigger_id',
    });
  });
});

describe('conversations.history', () => {
  const channel = `${CHANNEL}H`;
  let all: string[];
  beforeAll(() => {
    for (let i = 0; i < 250; i++) fake.addMessageFrom({ user: 'U0SOMEONE' }, channel, { text: `m${i}` });
    all = fake.messagesIn(channel).map((m) => m.ts);
  });

  it('pages newest first with limit and cursor, and says when more remain', async () => {
    const first = (await call('conversations.history', { channel, limit: 200 })).json as unknown as Page;
    expect(first.messages).toHaveLength(200);
    expect(first.messages.map((m) => m.ts)).toEqual([...all].reverse().slice(0, 200));
    expect(first.has_more).toBe(true);
    const cursor = first.response_metadata?.next_cursor;
    expect(cursor).toBeTruthy();

    const second = (await call('conversations.history', { channel, limit: 200, cursor }))
      .json as unknown as Page;
    expect(second.messages.map((m) => m.ts)).toEqual([...all].reverse().slice(200));
    expect(second.has_more).toBe(false);
    expect(second.response_metadata).toBeUndefined();
  });

  it('returns 100 messages when no limit is given', async () => {
    const page = (await call('conversations.history', { channel })).json as unknown as Page;
    expect(page.messages).toHaveLength(100);
    expect(page.has_more).toBe(true);
  });

  it('leaves out a message at exactly `oldest` unless inclusive is set', async () => {
    const oldest = all[247] ?? '';
    const exclusive = (await call('conversations.history', { channel, oldest })).json as unknown as Page;
    expect(exclusive.messages.map((m) => m.ts)).toEqual([all[249], all[248]]);
    const inclusive = (await call('conversations.history', { channel, oldest, inclusive: 'true' }))
      .json as unknown as Page;
    expect(inclusive.messages.map((m) => m.ts)).toEqual([all[249], all[248], all[247]]);
  });

  it('refuses a cursor it did not hand out, and a malformed oldest', async () => {
    expect((await call('conversations.history', { channel, cursor: 'bogus' })).json).toEqual({
      ok: false,
      error: 'invalid_cursor',
    });
    expect((await call('conversations.history', { channel, oldest: 'yesterday' })).json).toEqual({
      ok: false,
      error: 'invalid_ts_oldest',
    });
  });
});

describe('a lost answer', () => {
  it('still checks the token: a call Slack refuses does nothing, even when its answer is lost', async () => {
    const channel = `${CHANNEL}L`;
    fake.failNext('chat.postMessage', { lostAnswer: 502 });
    const res = await call('chat.postMessage', { channel, text: 'hello' }, 'not-a-bot-token');
    expect(res.status).toBe(502);
    expect(fake.messagesIn(channel)).toHaveLength(0);
    expect(fake.callsOf('chat.postMessage').at(-1)?.response).toMatchObject({
      ok: false,
      error: 'not_authed',
      answerLost: true,
    });
  });

  it('with a bot token, does the work and loses only the answer', async () => {
    const channel = `${CHANNEL}M`;
    fake.failNext('chat.postMessage', { lostAnswer: 502 });
    const res = await call('chat.postMessage', { channel, text: 'hello' });
    expect(res.status).toBe(502);
    expect(fake.messagesIn(channel)).toHaveLength(1);
  });
});

describe('the workspace: where answers land', () => {
  const person = 'U0PERSON';
  const channel = 'C0LANDING';
  const message = { text: 'first', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'first' } }] };

  it('shows a reply to one person by default, and to the channel with in_channel', async () => {
    const url = fake.responseUrl(undefined, { user: person, channel });
    await reply(url, message);
    await reply(url, { ...message, text: 'for all', response_type: 'in_channel' });
    const seen = fake.workspace.visibleTo(person).filter((m) => m.channel === channel);
    expect(seen.map((m) => [m.text, m.ephemeralTo])).toEqual([
      ['first', person],
      ['for all', undefined],
    ]);
    expect(fake.workspace.visibleTo('U0OTHER').filter((m) => m.channel === channel)).toHaveLength(1);
  });

  it('replaces the message the interaction came from, or deletes it', async () => {
    const posted = await call('chat.postMessage', { channel: 'C0REPLACE', ...message });
    const ts = String(posted.json.ts);
    const url = fake.responseUrl(undefined, { user: person, channel: 'C0REPLACE', messageTs: ts });
    await reply(url, { replace_original: true, text: 'second' });
    expect(fake.messagesIn('C0REPLACE')).toEqual([
      expect.objectContaining({ ts, text: 'second', blocks: undefined, edited: true }),
    ]);
    await reply(url, { delete_original: true });
    expect(fake.messagesIn('C0REPLACE')).toEqual([]);
  });

  it('gives every block a block_id and every element an action_id, as Slack does', async () => {
    const posted = await call('chat.postMessage', {
      channel,
      text: 'x',
      blocks: [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Go' } }] }],
    });
    const blocks = (
      posted.json.message as { blocks: { block_id: string; elements: { action_id: string }[] }[] }
    ).blocks;
    expect(blocks[0]?.block_id).toBeTruthy();
    expect(blocks[0]?.elements[0]?.action_id).toBeTruthy();
  });

  it('updates only a message it has, and only the app’s own', async () => {
    expect((await call('chat.update', { channel, ts: '1.000001', text: 'x' })).json).toMatchObject({
      ok: false,
      error: 'message_not_found',
    });
    fake.addMessageFrom({ user: 'U0SOMEONE' }, 'C0THEIRS', { text: 'theirs' });
    const [theirs] = fake.messagesIn('C0THEIRS');
    expect(
      (await call('chat.update', { channel: 'C0THEIRS', ts: String(theirs?.ts), text: 'x' })).json,
    ).toMatchObject({ ok: false, error: 'cant_update_message' });
  });
});

describe('the workspace: modals', () => {
  const person = 'U0MODALS';

  it('keeps a stack of three and refuses a fourth with push_limit_reached', async () => {
    const open = await call('views.open', { trigger_id: fake.mintTrigger(person), view: modal });
    expect(open.json.ok).toBe(true);
    for (let i = 0; i < 2; i++)
      expect((await call('views.push', { trigger_id: fake.mintTrigger(person), view: modal })).json.ok).toBe(
        true,
      );
    const fourth = await call('views.push', { trigger_id: fake.mintTrigger(person), view: modal });
    expect(fourth.json).toMatchObject({ ok: false, error: 'push_limit_reached' });
    expect(fake.workspace.modalsOf(person)).toHaveLength(3);
    expect(fake.workspace.modalsOf('U0SOMEONEELSE')).toEqual([]);
  });

  it('updates a view by id with its current hash, refuses a stale hash and an unknown view', async () => {
    const opened = await call('views.open', { trigger_id: fake.mintTrigger(person), view: modal });
    const view = opened.json.view as { id: string; hash: string };
    const changed = { ...modal, title: { type: 'plain_text', text: 'Changed' } };
    const updated = await call('views.update', { view_id: view.id, hash: view.hash, view: changed });
    expect(updated.json).toMatchObject({ ok: true, view: { id: view.id, title: { text: 'Changed' } } });
    expect((updated.json.view as { hash: string }).hash).not.toBe(view.hash);
    const stale = await call('views.update', { view_id: view.id, hash: view.hash, view: modal });
    expect(stale.json).toMatchObject({ ok: false, error: 'hash_conflict' });
    const unknown = await call('views.update', { view_id: 'V0NEVER', view: modal });
    expect(unknown.json).toMatchObject({ ok: false, error: 'not_found' });
  });

  it('publishes a Home tab per person', async () => {
    const home = { type: 'home', blocks: modal.blocks };
    expect((await call('views.publish', { user_id: person, view: home })).json.ok).toBe(true);
    expect(fake.workspace.homeOf(person)?.view.type).toBe('home');
    expect(fake.workspace.homeOf('U0SOMEONEELSE')).toBeUndefined();
  });
});
