import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rolloutProcess } from './support/cli.js';

describe('.env', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rollout-env-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is read from the working folder, as after `cp .env.example .env`', async () => {
    writeFileSync(
      join(dir, '.env'),
      '# as .env.example has them\nDATABASE_PATH=./from-env.db\nLOG_LEVEL=info\n',
    );
    const run = await rolloutProcess(['migrate'], {}, dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('./from-env.db is up to date');
    expect(existsSync(join(dir, 'from-env.db'))).toBe(true);
  });

  it('gives way to a variable set in the environment', async () => {
    writeFileSync(join(dir, '.env'), 'DATABASE_PATH=./from-env.db\n');
    const run = await rolloutProcess(['migrate'], { DATABASE_PATH: './from-shell.db' }, dir);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'from-shell.db'))).toBe(true);
    expect(existsSync(join(dir, 'from-env.db'))).toBe(false);
  });
});
