import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlaygroundState } from '../../src/playground/protocol.js';
import { textsWith } from '../support/blocks.js';

// `npm run demo` is `node dist/playground/main.js`; dist/ is built by the vitest global setup.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEMO = join(ROOT, 'dist', 'playground', 'main.js');

const dir = mkdtempSync(join(tmpdir(), 'rollout-demo-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Demo {
  child: ChildProcess;
  url: string;
  exited: Promise<[number | null, NodeJS.Signals | null]>;
}

/** Starts the demo as a user does, from the repository, and waits for the line with its URL. */
async function startDemo(args: string[], env: Record<string, string> = {}): Promise<Demo> {
  const child = spawn(process.execPath, [DEMO, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString('utf8');
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const match = /Rollout playground: (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then(([code]) => reject(new Error(`the demo exited with ${code}: ${err}`)));
  });
  return { child, url, exited };
}

async function stateOf(url: string, as: string): Promise<PlaygroundState> {
  return (await (await fetch(`${url}/api/state?as=${as}`)).json()) as PlaygroundState;
}

describe('npm run demo', () => {
  it('serves the page on loopback at the port asked for, and stops on Ctrl-C with exit code 0', async () => {
    const db = join(dir, 'demo.db');
    const demo = await startDemo(['--port', '0', '--db', db]);
    expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(demo.url)).status).toBe(200);
    const state = await stateOf(demo.url, 'U0IDENTITY');
    expect(state.channels.map((c) => c.name)).toContain('leadership');
    demo.child.kill('SIGINT');
    expect(await demo.exited).toEqual([0, null]);
  });

  it('starts afresh from the example each time, unless --keep', async () => {
    const db = join(dir, 'kept.db');
    const first = await startDemo(['--port', '0', '--db', db]);
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual([0, null]);
    // What someone changed in the last run, as it stands in the demo database.
    const file = new Database(db);
    file.prepare("UPDATE workstreams SET blocker = 'kept from last time' WHERE key = 'identity-sso'").run();
    file.close();

    const blockerShown = async (args: string[]) => {
      const demo = await startDemo(['--port', '0', '--db', db, ...args]);
      const res = await fetch(`${demo.url}/api/command`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          as: 'U0IDENTITY',
          channel: 'C0GENERAL',
          text: '/rollout status identity-sso',
        }),
      });
      expect(await res.json()).toEqual({ ok: true });
      const { messages } = await stateOf(demo.url, 'U0IDENTITY');
      demo.child.kill('SIGINT');
      expect(await demo.exited).toEqual([0, null]);
      return textsWith(messages, 'kept from last time').length > 0;
    };
    expect(await blockerShown(['--keep'])).toBe(true);
    expect(await blockerShown([])).toBe(false);
  });

  it('refuses a port that is not a number, naming it', async () => {
    const child = spawn(process.execPath, [DEMO, '--port', 'eighty'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let err = '';
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString('utf8');
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(64);
    expect(err).toContain('"eighty"');
  });
});
