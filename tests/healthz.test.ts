import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type RolloutApp } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { migrate } from '../src/db/migrate.js';
import { type Db, openDatabase } from '../src/db/open.js';
import { createLogger } from '../src/logger.js';
import { SlackStandIn } from '../src/slack-standin/stand-in.js';
import { textOf } from './support/blocks.js';
import { damageTable } from './support/damaged-database.js';
import { importFixture, OWNER, smallProgram } from './support/programs.js';
import { RolloutHarness, SIGNING_SECRET } from './support/rollout-server.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rollout-healthz-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A migrated database file with the small program, every connection to it closed. */
function seededFile(): string {
  const path = join(tempDir(), 'rollout.db');
  const db = openDatabase(path);
  migrate(db);
  importFixture(db, smallProgram());
  db.close();
  return path;
}

async function health(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: await res.json() };
}

/** The app as `main` builds it, on a connection the test opened itself. */
async function serve(db: Db): Promise<string> {
  const fake = await new SlackStandIn().start();
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: '0',
    DATABASE_PATH: db.name,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: 'error',
  });
  const rollout: RolloutApp = createApp({
    config,
    db,
    clock: systemClock,
    logger: createLogger('error', { write: () => undefined }),
  });
  const { port } = await rollout.start();
  cleanup.push(async () => {
    await rollout.stop();
    db.close();
    await fake.stop();
  });
  return `http://127.0.0.1:${port}`;
}

describe('GET /healthz', () => {
  it('answers 503 when the database can be read but not written', async () => {
    const url = await serve(new Database(seededFile(), { readonly: true }));
    const { status, body } = await health(url);
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, problem: expect.stringContaining('readonly') });
  });

  it('answers 503 once a request met a malformed page, and stays so', async () => {
    const path = seededFile();
    damageTable(path, 'workstreams');
    const h = await RolloutHarness.start({ dir: join(path, '..') });
    cleanup.push(() => h.stop());

    const res = await h.command(OWNER, 'status');
    expect(textOf(res.json)).toContain('failed on our side');
    const { status, body } = await health(h.url);
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, problem: expect.stringContaining('malformed') });
    expect((await health(h.url)).status).toBe(503);
  });

  it('answers 200, busy, without waiting, while another process holds the write lock', async () => {
    const h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    cleanup.push(() => h.stop());
    const other = openDatabase(join(h.dir, 'rollout.db'));
    cleanup.push(() => {
      other.close();
    });
    other.exec('BEGIN IMMEDIATE');
    cleanup.push(() => {
      other.exec('ROLLBACK');
    });

    expect(await health(h.url)).toEqual({ status: 200, body: { ok: true, busy: true } });
    expect(h.logsOf('database_busy')).toEqual([]);
  });
});
