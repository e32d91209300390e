import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE, query, rollout, rolloutProcess, tempDir } from '../support/cli.js';
import { historyCount as countHistory } from '../support/history.js';

let dir: ReturnType<typeof tempDir>;
let env: { DATABASE_PATH: string };
let other: Database.Database | undefined;

beforeEach(async () => {
  dir = tempDir();
  env = { DATABASE_PATH: dir.file('rollout.db') };
  expect((await rollout(['import', EXAMPLE], env)).code).toBe(0);
});
afterEach(() => {
  if (other?.inTransaction) other.exec('ROLLBACK');
  other?.close();
  other = undefined;
  dir.remove();
});

/** Another process's connection (the server's, say) in the middle of a write, holding the write lock. */
function holdWriteLock(): Database.Database {
  other = new Database(env.DATABASE_PATH);
  other.exec('BEGIN IMMEDIATE');
  other
    .prepare(
      "UPDATE workstreams SET blocker = 'set in Slack meanwhile', version = version + 1 WHERE position = 0",
    )
    .run();
  return other;
}

const historyCount = () => countHistory(env.DATABASE_PATH);

describe('rollout import while another process writes', () => {
  it('waits its turn behind the other write, then imports on top of it', async () => {
    const lock = holdWriteLock();
    const running = rolloutProcess(['import', EXAMPLE], env);
    // Long enough for the command to start and reach the lock; far inside its wait.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    lock.exec('COMMIT');
    const run = await running;

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(query(env.DATABASE_PATH, 'SELECT count(*) AS n FROM programs')).toEqual([{ n: 1 }]);
  });

  it('gives up after its bounded wait: exit 1, a message saying busy, no stack trace, nothing written', async () => {
    const before = historyCount();
    holdWriteLock();
    // The real wait is 5 s (ADMIN_WRITE_WAIT_MS); the giving up is the same after a short one.
    const run = await rollout(['import', EXAMPLE], env, { writeWaitMs: 100 });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^The database at .*rollout\.db is busy: another Rollout process/);
    expect(run.stderr).toContain('Nothing was written; try again.');
    expect(run.stderr).not.toMatch(/SqliteError|database is locked|Migration|\n\s+at /);
    expect(run.stdout).toBe('');
    other?.exec('ROLLBACK');
    expect(historyCount()).toBe(before);
  });
});
