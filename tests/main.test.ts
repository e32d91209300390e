import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { SlackStandIn } from '../src/slack-standin/stand-in.js';
import { damageTable } from './support/damaged-database.js';
import { importFixture, smallProgram } from './support/programs.js';

// The real entry point as `npm start` runs it; dist/ is built by the vitest global setup.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(ROOT, 'dist', 'main.js');

interface Running {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<[number | null, NodeJS.Signals | null]>;
}

const children: ChildProcess[] = [];

/** Starts `node dist/main.js` with exactly this environment (nothing inherited from the test runner). */
function run(env: Record<string, string>, user: { uid?: number; gid?: number } = {}): Running {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npx tsc -p tsconfig.build.json)`);
  // From an empty folder: a developer's `.env` in the repository must not reach the test.
  const child = spawn(process.execPath, [MAIN], {
    cwd: tmpdir(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...user,
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stdout?.resume();
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, stderr: () => stderr, exited };
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Waits for a log line with this `event`; fails at once if the process exits first. */
async function waitForEvent(server: Running, event: string): Promise<Record<string, unknown>> {
  let exited = false;
  void server.exited.then(() => {
    exited = true;
  });
  for (let waited = 0; waited < 15_000; waited += 25) {
    const line = jsonLines(server.stderr()).find((l) => l.event === event);
    if (line) return line;
    if (exited) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no "${event}" log line; the server wrote:\n${server.stderr()}`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('node dist/main.js with a bad environment', () => {
  it('exits with 78 (EX_CONFIG), naming every bad variable and echoing no value', async () => {
    const secretToken = 'xoxp-1234-this-is-a-user-token';
    const server = run({
      SLACK_BOT_TOKEN: secretToken,
      PORT: 'eighty',
      ROLLOUT_ADMINS: 'U012ABCDEF,not-a-user',
      LOG_LEVEL: 'chatty',
    });
    const [code] = await server.exited;
    expect(code).toBe(78);
    const stderr = server.stderr();
    for (const name of ['SLACK_BOT_TOKEN', 'PORT', 'ROLLOUT_ADMINS', 'LOG_LEVEL', 'SLACK_SIGNING_SECRET']) {
      expect(stderr).toContain(`${name}:`);
    }
    for (const value of [secretToken, 'eighty', 'not-a-user', 'chatty']) expect(stderr).not.toContain(value);
  });
});

describe('node dist/main.js with a bot token Slack refuses', () => {
  let fake: SlackStandIn;
  let dir: string;
  beforeAll(async () => {
    fake = await new SlackStandIn().start();
    dir = mkdtempSync(join(tmpdir(), 'rollout-main-'));
  });
  afterAll(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits with 1 and says why in a JSON log line', async () => {
    // A program whose digest is due (its time this week has passed): the start must not get that far.
    const seeded = openDatabase(join(dir, 'rollout.db'));
    migrate(seeded);
    importFixture(
      seeded,
      smallProgram({ timezone: 'UTC', digest: { channel: 'C0LEADERS', schedule: '0 0 * * 1' } }),
      new Date(Date.now() - 8 * 24 * 3600 * 1000),
    );
    seeded.close();
    fake.failNext('auth.test', { error: 'invalid_auth' });
    const server = run({
      SLACK_BOT_TOKEN: 'xoxb-revoked',
      SLACK_SIGNING_SECRET: 'main-test-signing-secret',
      PORT: String(await freePort()),
      DATABASE_PATH: join(dir, 'rollout.db'),
      SLACK_API_URL: fake.apiUrl,
    });
    const [code] = await server.exited;
    expect(code).toBe(1);
    const fatal = jsonLines(server.stderr()).find((l) => l.event === 'fatal');
    expect(fatal).toMatchObject({
      level: 'error',
      error: expect.stringContaining('invalid_auth'),
      hint: expect.stringContaining('SLACK_BOT_TOKEN'),
    });
    // The token is checked before any schedule runs: nothing was posted, nothing recorded as failed.
    expect(fake.callsOf('chat.postMessage')).toHaveLength(0);
    const db = new Database(join(dir, 'rollout.db'), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM digest_runs').pluck().get()).toBe(0);
    db.close();
  });
});

describe('node dist/main.js with a good environment', () => {
  let fake: SlackStandIn;
  let dir: string;
  let port: number;
  let server: Running;

  beforeAll(async () => {
    fake = await new SlackStandIn().start();
    dir = mkdtempSync(join(tmpdir(), 'rollout-main-'));
    port = await freePort();
    server = run({
      SLACK_BOT_TOKEN: 'xoxb-main-test',
      SLACK_SIGNING_SECRET: 'main-test-signing-secret',
      PORT: String(port),
      DATABASE_PATH: join(dir, 'db', 'rollout.db'),
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: 'info',
    });
  });

  afterAll(async () => {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs a JSON "listening" line with its port, then answers GET /healthz', async () => {
    const listening = await waitForEvent(server, 'listening');
    expect(listening).toMatchObject({ level: 'info', port, mode: 'http' });
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('talks to the Web API at SLACK_API_URL with its bot token', async () => {
    const call = await fake.waitForCall('auth.test');
    expect(call.token).toBe('xoxb-main-test');
  });

  it('stops on SIGTERM with exit code 0, leaving a migrated database', async () => {
    await waitForEvent(server, 'listening');
    server.child.kill('SIGTERM');
    const [code, signal] = await server.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(jsonLines(server.stderr()).map((l) => l.event)).toContain('shutdown');

    const db = new Database(join(dir, 'db', 'rollout.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});

describe('node dist/main.js with a database it cannot use', () => {
  let fake: SlackStandIn;
  let dir: string;
  beforeAll(async () => {
    fake = await new SlackStandIn().start();
  });
  afterAll(async () => {
    await fake.stop();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rollout-main-db-'));
    const seeded = openDatabase(join(dir, 'rollout.db'));
    migrate(seeded);
    importFixture(seeded, smallProgram());
    seeded.close();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (user: { uid?: number; gid?: number } = {}) =>
    run(
      {
        SLACK_BOT_TOKEN: 'xoxb-main-test',
        SLACK_SIGNING_SECRET: 'main-test-signing-secret',
        PORT: String(await freePort()),
        DATABASE_PATH: join(dir, 'rollout.db'),
        SLACK_API_URL: fake.apiUrl,
      },
      user,
    );

  it('stops with exit 1 when the file can be read but not written, saying so and naming it', async () => {
    // The folder stays writable (SQLite may add its -wal and -shm files): only the database file is not.
    chmodSync(dir, 0o777);
    chmodSync(join(dir, 'rollout.db'), 0o444);
    // root may write any file: run the server as nobody then, to whom the file is not writable either.
    const server = await start(process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {});
    const [code] = await server.exited;
    expect(code).toBe(1);
    const fatal = jsonLines(server.stderr()).find((l) => l.event === 'fatal');
    expect(fatal?.hint).toContain(`The database at ${join(dir, 'rollout.db')} cannot be written`);
    expect(fatal?.hint).toContain('may write the file and its folder');
    expect(jsonLines(server.stderr()).map((l) => l.event)).not.toContain('listening');
  });

  it('stops with exit 1 when the file has malformed pages, saying it is damaged', async () => {
    damageTable(join(dir, 'rollout.db'), 'history');
    const server = await start();
    const [code] = await server.exited;
    expect(code).toBe(1);
    const fatal = jsonLines(server.stderr()).find((l) => l.event === 'fatal');
    expect(fatal?.hint).toContain(`The database at ${join(dir, 'rollout.db')} is damaged`);
    expect(fatal?.hint).toContain('restore the last backup');
    expect(fake.callsOf('chat.postMessage')).toHaveLength(0);
  });
});
