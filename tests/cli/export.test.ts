import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLE, rollout, rolloutProcess, tempDir } from '../support/cli.js';
import { historyCount } from '../support/history.js';

let dir: ReturnType<typeof tempDir>;
let env: { DATABASE_PATH: string };

beforeAll(async () => {
  dir = tempDir();
  env = { DATABASE_PATH: dir.file('rollout.db') };
  const imported = await rollout(['import', EXAMPLE], env);
  if (imported.code !== 0) throw new Error(`example import failed: ${imported.stderr}`);
});
afterAll(() => dir.remove());

describe.each(['yaml', 'json'] as const)('rollout export SLUG --format %s', (format) => {
  it('gives a file that imports into a fresh database and exports to the same bytes', async () => {
    const first = await rollout(['export', 'builder-insights', '--format', format], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const file = dir.file(`exported.${format}`);
    writeFileSync(file, first.stdout);
    const fresh = { DATABASE_PATH: dir.file(`fresh-${format}.db`) };

    const imported = await rollout(['import', file], fresh);
    const second = await rollout(['export', 'builder-insights', '--format', format], fresh);

    expect(imported.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it('is the import format: importing it over the same program changes nothing', async () => {
    const file = dir.file(`same.${format}`);
    writeFileSync(file, (await rollout(['export', 'builder-insights', '--format', format], env)).stdout);
    const historyBefore = historyCount(env.DATABASE_PATH);

    const run = await rollout(['import', file], env);

    expect(run.stdout).toMatch(/^Unchanged program builder-insights /);
    expect(historyCount(env.DATABASE_PATH)).toBe(historyBefore);
  });
});

describe('rollout export', () => {
  it('defaults to YAML on stdout, holding every workstream of the example (as a process)', async () => {
    const run = await rolloutProcess(['export', 'builder-insights'], env);

    expect(run.code).toBe(0);
    const data = parse(run.stdout) as {
      slug: string;
      canvas: { channel: string };
      workstreams: { key: string }[];
    };
    expect(data.slug).toBe('builder-insights');
    expect(data.canvas).toEqual({ channel: 'C0LEADERSHIP' });
    expect(data.workstreams.map((w) => w.key)).toEqual([
      'identity-sso',
      'org-aware-access',
      'kanopy-hosting',
      'observability-analytics',
      'readiness-gating',
    ]);
  });

  it('names the known programs when the slug is unknown, and exits 1', async () => {
    const run = await rollout(['export', 'builder-insight'], env);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `No program "builder-insight" in ${env.DATABASE_PATH}. Known programs: builder-insights.\n`,
    );
  });

  it('says so when the database has no program at all', async () => {
    const empty = { DATABASE_PATH: dir.file('empty.db') };
    await rollout(['migrate'], empty);

    const run = await rollout(['export', 'builder-insights'], empty);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('it has no programs yet (add one with rollout import FILE)');
  });

  it('refuses to create a database at a mistyped path', async () => {
    const run = await rollout(['export', 'builder-insights', '--db', dir.file('typo.db')]);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`No database at ${dir.file('typo.db')}. Pass --db PATH or set DATABASE_PATH.\n`);
  });

  it('refuses an unknown format as a usage error', async () => {
    const run = await rollout(['export', 'builder-insights', '--format', 'html'], env);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe('Unknown format "html": expected one of yaml, json, markdown.\n');
  });
});
