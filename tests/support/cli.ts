import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Built by the vitest global setup (tests/support/global-setup.ts). */
export const CLI = join(ROOT, 'dist/cli/main.js');
export const EXAMPLE = join(ROOT, 'examples/builder-insights.yaml');
/**
 * Where the CLI runs unless a test says otherwise: an empty folder, so a developer's own `.env` in the
 * repository (the quick start creates one) cannot reach the tests.
 */
export const WORKDIR = mkdtempSync(join(tmpdir(), 'rollout-cwd-'));
process.once('exit', () => rmSync(WORKDIR, { recursive: true, force: true }));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node dist/cli/main.js ARGS` as a person would, from `cwd` (an empty folder by default), with only
 * PATH and the given variables in its environment: no Slack token, so a command that needed one fails here.
 */
export function rollout(args: string[], env: Record<string, string> = {}, cwd = WORKDIR): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npx tsc -p tsconfig.build.json)`);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `rollout` without blocking this process: for commands that call a SlackStandIn served from the test itself
 * (spawnSync would stop the fake from answering).
 */
export function rolloutAsync(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npx tsc -p tsconfig.build.json)`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: WORKDIR,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A temporary folder for database files and program files; `remove()` in afterEach/afterAll. */
export function tempDir(): { path: string; file(name: string): string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'rollout-cli-'));
  return {
    path,
    file: (name) => join(path, name),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** Reads the database file the CLI wrote, as an operator with sqlite3 would. */
export function query<T>(dbPath: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
