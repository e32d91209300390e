import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { query, ROOT, rollout, rolloutProcess, tempDir } from '../support/cli.js';

const MIGRATIONS = readdirSync(join(ROOT, 'migrations'))
  .filter((name) => name.endsWith('.sql'))
  .sort();

let dir: ReturnType<typeof tempDir>;
let env: { DATABASE_PATH: string };

beforeEach(async () => {
  dir = tempDir();
  env = { DATABASE_PATH: dir.file('nested/folder/rollout.db') };
});
afterEach(() => dir.remove());

describe('rollout migrate', () => {
  it('creates the database, applies every migration and names them; a second run applies nothing', async () => {
    const first = await rollout(['migrate'], env);
    const second = await rollout(['migrate'], env);

    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      `${MIGRATIONS.map((name) => `Applied ${name}\n`).join('')}` +
        `Database ${env.DATABASE_PATH} is up to date (${MIGRATIONS.length} migration${MIGRATIONS.length === 1 ? '' : 's'} applied).\n`,
    );
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(`Nothing to apply: database ${env.DATABASE_PATH} is up to date.\n`);
    expect(query(env.DATABASE_PATH, 'SELECT name FROM schema_migrations ORDER BY name')).toEqual(
      MIGRATIONS.map((name) => ({ name })),
    );
  });

  it('lets several processes migrate one new database at once: each succeeds, each file is applied once', async () => {
    const runs = await Promise.all(Array.from({ length: 6 }, () => rolloutProcess(['migrate'], env)));

    for (const run of runs) expect(run.stderr).toBe('');
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
    const applied = runs.flatMap((r) => r.stdout.split('\n').filter((line) => line.startsWith('Applied ')));
    expect(applied.sort()).toEqual(MIGRATIONS.map((name) => `Applied ${name}`).sort());
  });

  it('reports a database it cannot open, without a stack trace', async () => {
    const run = await rollout(['migrate', '--db', dir.path]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Cannot open the database at .*: .+\.\n$/);
  });
});
