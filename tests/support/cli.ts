import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { runCli } from '../../src/cli/run.js';
import { type Clock, systemClock } from '../../src/clock.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Built by `npm run build` or by the vitest global setup (tests/support/global-setup.ts). */
export const CLI = join(ROOT, 'dist/cli/main.js');
export const EXAMPLE = join(ROOT, 'examples/builder-insights.yaml');
/**
 * Where the CLI process runs unless a test says otherwise: an empty folder, so a developer's own `.env` in
 * the repository (the quick start creates one) cannot reach the tests.
 */
export const WORKDIR = mkdtempSync(join(tmpdir(), 'rollout-cwd-'));
process.once('exit', () => rmSync(WORKDIR, { recursive: true, force: true }));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface InProcessOptions {
  /** The clock the command reads "now" from; the real one unless a test fixes it. */
  clock?: Clock;
  /** How long an import waits behind another connection's write lock (5 s, ADMIN_WRITE_WAIT_MS, if not given). */
  writeWaitMs?: number;
}

/**
 * Runs `rollout ARGS` in this process through `runCli`, as `src/cli/main.ts` does, with only the given
 * variables as its environment (no Slack token, so a command that needed one fails here) and its output
 * collected. Without DATABASE_PATH or --db, the default database would be the repository's own
 * `./data/rollout.db`: DATABASE_PATH then points into an empty folder instead, as a process run from there
 * would use.
 */
export async function rollout(
  args: string[],
  env: Record<string, string> = {},
  options: InProcessOptions = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    env: { DATABASE_PATH: join(WORKDIR, 'data/rollout.db'), ...env },
    clock: options.clock ?? systemClock,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    writeWaitMs: options.writeWaitMs,
  });
  return { code, stdout, stderr };
}

/**
 * Runs the installed command, `node dist/cli/main.js ARGS`, as a separate process the way a person would,
 * from `cwd` (an empty folder by default), with only PATH and the given variables in its environment. For
 * the few tests about the process itself (exit codes, `.env`, several processes at once); the rest use
 * `rollout`, in this process.
 */
export function rolloutProcess(
  args: string[],
  env: Record<string, string> = {},
  cwd = WORKDIR,
): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run build)`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
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
