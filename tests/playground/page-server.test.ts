import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHANNELS } from '../../src/playground/demo-world.js';
import { type Playground, startPlayground } from '../../src/playground/playground.js';
import type { PlaygroundAnswer, PlaygroundState } from '../../src/playground/protocol.js';
import { textsWith } from '../support/blocks.js';

const OWNER = 'U0IDENTITY';
const MEMBER = 'U0MEMBER';

let dir: string;
let playground: Playground;
const logs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rollout-playground-'));
  playground = await startPlayground({
    port: 0,
    databasePath: join(dir, 'demo.db'),
    logLevel: 'info',
    logSink: { write: (line) => void logs.push(line) },
  });
});

afterAll(async () => {
  await playground.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function state(as: string): Promise<PlaygroundState> {
  const res = await fetch(`${playground.url}/api/state?as=${as}`);
  expect(res.status).toBe(200);
  return (await res.json()) as PlaygroundState;
}

async function post(route: string, body: unknown): Promise<{ status: number; answer: PlaygroundAnswer }> {
  const res = await fetch(`${playground.url}/api/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, answer: (await res.json()) as PlaygroundAnswer };
}

describe('the playground server', () => {
  it('listens on loopback only, with the app and the stand-in on loopback too', () => {
    expect(new URL(playground.url).hostname).toBe('127.0.0.1');
    expect(new URL(playground.slack.url).hostname).toBe('127.0.0.1');
    const listening = logs.map((l) => JSON.parse(l)).find((l) => l.event === 'listening');
    expect(listening).toMatchObject({ mode: 'http' });
  });

  it('serves the page shell with a policy that lets only its own script run', async () => {
    const res = await fetch(playground.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<div id="app"></div>');
    const script = await fetch(`${playground.url}/page/main.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${playground.url}/page/../../package.json`)).status).toBe(404);
  });

  it('starts from the example: its people, its channels, the program imported', async () => {
    const s = await state(OWNER);
    expect(s.users.map((u) => u.id)).toEqual(
      expect.arrayContaining(['U0PROGRAMLEAD', 'U0IDENTITY', 'U0PLATFORM', MEMBER]),
    );
    expect(new Set(s.users.map((u) => u.tz)).size).toBeGreaterThanOrEqual(5);
    expect(s.channels.map((c) => c.name)).toEqual(['general', 'leadership', 'builder-insights-updates']);
    expect(playground.rollout.services.programs.get('builder-insights')?.workstreams).toHaveLength(5);
  });

  it('sends a command as that person; the answer is theirs alone', async () => {
    const sent = await post('command', {
      as: OWNER,
      channel: DEMO_CHANNELS.general,
      text: '/rollout status',
    });
    expect(sent).toEqual({ status: 200, answer: { ok: true } });
    const mine = (await state(OWNER)).messages.filter((m) => m.channel === DEMO_CHANNELS.general);
    expect(mine.some((m) => m.ephemeral && textsWith(m.blocks, 'Identity and SSO').length > 0)).toBe(true);
    const theirs = (await state(MEMBER)).messages.filter((m) => m.channel === DEMO_CHANNELS.general);
    expect(theirs.filter((m) => m.ephemeral)).toEqual([]);
    const inspector = (await state(MEMBER)).inspector;
    expect(inspector.some((e) => e.direction === 'to_app' && e.name === 'slash_command /rollout')).toBe(true);
  });

  it('posts this week’s digest through the scheduler, once: a second press says it is already out', async () => {
    const first = await post('digest', { as: 'U0PROGRAMLEAD' });
    expect(first.status).toBe(200);
    expect(first.answer.ok).toBe(true);
    const second = await post('digest', { as: 'U0PROGRAMLEAD' });
    expect(second.answer).toEqual({ ok: true, message: expect.stringContaining('already in #leadership') });
    const digests = playground.slack.messagesIn(DEMO_CHANNELS.leadership);
    expect(digests).toHaveLength(1);
  });

  it('gives the page every canvas of the workspace, as the stand-in holds it', async () => {
    const seeded = playground.slack.workspace.addCanvas({
      channel: DEMO_CHANNELS.general,
      title: 'Notes',
      markdown: '# Notes',
      createdBy: MEMBER,
    });
    try {
      const canvases = (await state(MEMBER)).canvases;
      expect(canvases).toContainEqual({
        id: seeded.id,
        title: 'Notes',
        markdown: '# Notes',
        channel: DEMO_CHANNELS.general,
        tabbedIn: [],
        updatedAt: seeded.updatedAt,
        edits: 0,
      });
    } finally {
      playground.slack.workspace.deleteCanvas(seeded.id);
    }
    expect((await state(MEMBER)).canvases.map((c) => c.id)).not.toContain(seeded.id);
  });

  it('tells the page when something changed', async () => {
    const controller = new AbortController();
    const res = await fetch(`${playground.url}/api/events`, { signal: controller.signal });
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no stream');
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toMatch(/^data: \{"version":\d+\}/);
    const before = Number(/"version":(\d+)/.exec(first)?.[1]);
    void post('home', { as: OWNER });
    let latest = before;
    while (latest <= before) {
      const chunk = new TextDecoder().decode((await reader.read()).value);
      latest = Number(/"version":(\d+)/.exec(chunk)?.[1]);
    }
    expect(latest).toBeGreaterThan(before);
    controller.abort();
  });

  it('answers a request the page would never send with a 4xx naming what is wrong', async () => {
    expect((await fetch(`${playground.url}/api/state?as=UNOBODY1`)).status).toBe(400);
    const bad = await post('command', { as: OWNER, channel: DEMO_CHANNELS.general });
    expect(bad.status).toBe(400);
    expect(bad.answer.error).toContain('text');
    expect((await post('command', { as: 'U0NOBODY', channel: 'C0GENERAL', text: '/rollout' })).status).toBe(
      400,
    );
    const notJson = await fetch(`${playground.url}/api/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
    expect((await post('nothing', { as: OWNER })).status).toBe(404);
  });

  it('offers the manifest’s message shortcuts, and sends only those', async () => {
    expect((await state(OWNER)).shortcuts).toContainEqual(
      expect.objectContaining({ callbackId: 'decision_record_from_message', name: 'Record decision' }),
    );
    const before = playground.slack.traffic.length;
    const made = await post('shortcut', {
      as: OWNER,
      channel: DEMO_CHANNELS.general,
      ts: '1.000001',
      callbackId: 'delete_everything',
    });
    expect(made.status).toBe(400);
    expect(made.answer.error).toContain('delete_everything');
    expect(playground.slack.traffic).toHaveLength(before);
  });

  it('sends a shortcut on a message as that person; the form it opens is theirs', async () => {
    const said = playground.slack.workspace.post({
      channel: DEMO_CHANNELS.general,
      user: MEMBER,
      text: 'We agreed: Okta OIDC with group claims',
    });
    const sent = await post('shortcut', {
      as: OWNER,
      channel: DEMO_CHANNELS.general,
      ts: said.ts,
      callbackId: 'decision_record_from_message',
    });
    expect(sent).toEqual({ status: 200, answer: { ok: true } });
    await playground.slack.waitFor(() => playground.slack.workspace.modalsOf(OWNER).length > 0);
    expect((await state(OWNER)).modals.at(-1)?.view.callback_id).toBe('decision_record');
    expect((await state(MEMBER)).modals).toEqual([]);
    await post('close', { as: OWNER, viewId: (await state(OWNER)).modals.at(-1)?.id });
    playground.slack.workspace.remove(said);
  });
});
