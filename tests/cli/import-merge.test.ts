import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/open.js';
import { createLogger } from '../../src/logger.js';
import { ProgramEdits } from '../../src/services/program-edits.js';
import { WorkstreamUpdates } from '../../src/services/workstream-updates.js';
import { ProgramRepo } from '../../src/store/program-repo.js';
import { EXAMPLE, query, rollout, tempDir } from '../support/cli.js';
import { historyCount } from '../support/history.js';

/** The example's owner of Identity and SSO, and its program lead (an admin). */
const IDENTITY_OWNER = 'U0IDENTITY';
const PROGRAM_LEAD = 'U0PROGRAMLEAD';
const EDITED_AT = '2026-11-03T10:00:00.000Z';
const IDENTITY_RISK = 'identity decisions stay abstract and block entitlement implementation';

let dir: ReturnType<typeof tempDir>;
let env: { DATABASE_PATH: string };

beforeEach(async () => {
  dir = tempDir();
  env = { DATABASE_PATH: dir.file('rollout.db') };
  const created = await rollout(['import', EXAMPLE], env);
  if (created.code !== 0) throw new Error(`example import failed: ${created.stderr}`);
});
afterEach(() => dir.remove());

/**
 * Edits in Slack, through the services the update form and the list buttons call, on the database the CLI
 * writes: the path an owner's change takes once Slack has delivered it.
 */
function inSlack<T>(
  edit: (slack: { updates: WorkstreamUpdates; edits: ProgramEdits; repo: ProgramRepo }) => T,
): T {
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: 'test-signing-secret',
    DATABASE_PATH: env.DATABASE_PATH,
  });
  const db = openDatabase(env.DATABASE_PATH);
  try {
    const deps = {
      config,
      db,
      clock: fixedClock(EDITED_AT),
      logger: createLogger('error', { write: () => {} }),
    };
    const repo = new ProgramRepo(db);
    return edit({ updates: new WorkstreamUpdates(deps, repo), edits: new ProgramEdits(deps, repo), repo });
  } finally {
    db.close();
  }
}

/** Identity and SSO set to Blocked with the update form, by its owner. */
function blockIdentityInSlack(): void {
  const result = inSlack(({ updates, repo }) => {
    const program = repo.get('builder-insights');
    const identity = program?.workstreams.find((w) => w.key === 'identity-sso');
    if (!program || !identity) throw new Error('example program is missing');
    return updates.updateWorkstream({
      programId: program.id,
      key: identity.key,
      actor: IDENTITY_OWNER,
      expectedVersion: identity.version,
      changes: { status: 'blocked' },
    });
  });
  expect(result.kind).toBe('updated');
}

/** The example file with `edit` applied to its text. */
function exampleWith(name: string, edit: (text: string) => string): string {
  const path = dir.file(name);
  writeFileSync(path, edit(readFileSync(EXAMPLE, 'utf8')));
  return path;
}

/** Kanopy hosting moves on in the file; nothing the owners touched. */
const unrelatedChange = (text: string) =>
  text.replace('    status: drafted\n', '    status: needs-validation\n');
/** Identity and SSO's status changed in the file too (its status line is the file's first needs-decision). */
const identityToDiscovery = (text: string) =>
  unrelatedChange(text).replace('    status: needs-decision\n', '    status: in-discovery\n');

const status = (key: string) =>
  query<{ status: string }>(env.DATABASE_PATH, 'SELECT status FROM workstreams WHERE key = ?', key)[0]
    ?.status;

/** Every row of every table the import writes, to show that nothing was written. */
function dump(): Record<string, unknown[]> {
  const tables = query<{ name: string }>(
    env.DATABASE_PATH,
    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  ).map((t) => t.name);
  return Object.fromEntries(
    tables.map((t) => [t, query(env.DATABASE_PATH, `SELECT * FROM "${t}" ORDER BY rowid`)]),
  );
}

describe('rollout import FILE over a program changed in Slack', () => {
  it('keeps a status set in Slack that the file did not change, and applies the file’s unrelated change', async () => {
    blockIdentityInSlack();
    const file = exampleWith('unrelated.yaml', unrelatedChange);

    const run = await rollout(['import', file], env);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Updated program builder-insights (Builder Insights operationalization) from ${file}: 1 change recorded.\n`,
    );
    expect(status('identity-sso')).toBe('blocked');
    expect(status('kanopy-hosting')).toBe('needs-validation');
    // A second import of the same file still leaves the owner's change alone.
    expect((await rollout(['import', file], env)).stdout).toMatch(/^Unchanged program builder-insights /);
    expect(status('identity-sso')).toBe('blocked');
  });

  it('refuses a value changed both in Slack and in the file, naming each side, and writes nothing', async () => {
    blockIdentityInSlack();
    const file = exampleWith('conflict.yaml', identityToDiscovery);
    const before = dump();

    const run = await rollout(['import', file], env);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `Cannot import ${file}: 1 conflict with changes made in Slack since the last import, nothing was written.\n` +
        '  - workstream identity-sso (Identity and SSO), status: last import "needs-decision" → ' +
        `Slack "blocked" (${IDENTITY_OWNER}, 2026-11-03 10:00 UTC) → file "in-discovery"\n` +
        'Keep the values changed in Slack with --prefer slack, take the file’s with --prefer file, or edit the ' +
        'file (rollout export SLUG gives the current values).\n',
    );
    expect(dump()).toEqual(before);
  });

  it('settles conflicts with the file’s values under --prefer file, recorded as the import’s', async () => {
    blockIdentityInSlack();
    const file = exampleWith('conflict.yaml', identityToDiscovery);

    const run = await rollout(['import', file, '--prefer', 'file'], env);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Updated program builder-insights (Builder Insights operationalization) from ${file}: 2 changes recorded.\n` +
        'Settled 1 conflict with --prefer file:\n' +
        '  - workstream identity-sso (Identity and SSO), status: last import "needs-decision" → ' +
        `Slack "blocked" (${IDENTITY_OWNER}, 2026-11-03 10:00 UTC) → file "in-discovery"\n`,
    );
    expect(status('identity-sso')).toBe('in-discovery');
    expect(status('kanopy-hosting')).toBe('needs-validation');
    expect(
      query(
        env.DATABASE_PATH,
        `SELECT old_value AS oldValue, new_value AS newValue, actor FROM history
         WHERE entity_key = 'identity-sso' AND field = 'status' ORDER BY id DESC LIMIT 1`,
      ),
    ).toEqual([{ oldValue: 'blocked', newValue: 'in-discovery', actor: 'import' }]);
    // Settled: the same file again finds nothing left to merge.
    expect((await rollout(['import', file], env)).stdout).toMatch(/^Unchanged program builder-insights /);
  });

  it('settles conflicts with Slack’s values under --prefer slack, still applying the rest of the file', async () => {
    blockIdentityInSlack();
    const file = exampleWith('conflict.yaml', identityToDiscovery);

    const run = await rollout(['import', file, '--prefer', 'slack'], env);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /: 1 change recorded\.\nSettled 1 conflict with --prefer slack:\n {2}- workstream identity-sso/,
    );
    expect(status('identity-sso')).toBe('blocked');
    expect(status('kanopy-hosting')).toBe('needs-validation');
    expect((await rollout(['import', file], env)).stdout).toMatch(/^Unchanged program builder-insights /);
    expect(status('identity-sso')).toBe('blocked');
  });

  it('refuses an unknown --prefer as a usage mistake', async () => {
    const run = await rollout(['import', EXAMPLE, '--prefer', 'mine'], env);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe('Unknown --prefer "mine": expected file or slack.\n');
  });

  it('--dry-run lists what would change and writes nothing', async () => {
    blockIdentityInSlack();
    const file = exampleWith('unrelated.yaml', unrelatedChange);
    const before = dump();

    const run = await rollout(['import', file, '--dry-run'], env);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Would update program builder-insights (Builder Insights operationalization) from ${file}: 1 change ` +
        '(dry run, nothing was written).\n' +
        '  - workstream kanopy-hosting (Kanopy hosting), status: "drafted" → "needs-validation"\n',
    );
    expect(dump()).toEqual(before);
  });

  it('--dry-run lists the conflicts, exits 1 and writes nothing', async () => {
    blockIdentityInSlack();
    const file = exampleWith('conflict.yaml', identityToDiscovery);
    const before = dump();

    const run = await rollout(['import', file, '--dry-run'], env);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^Would not import .*: 1 conflict with changes made in Slack since the last import/,
    );
    expect(run.stderr).toContain('  - workstream identity-sso (Identity and SSO), status: last import ');
    expect(dump()).toEqual(before);
  });

  it('--dry-run against no database yet creates no file', async () => {
    const fresh = { DATABASE_PATH: dir.file('none.db') };

    const run = await rollout(['import', EXAMPLE, '--dry-run'], fresh);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Would create program builder-insights .*: 24 changes \(dry run, nothing was written\)\.\n/,
    );
    expect(readdirSync(dir.path)).not.toContain('none.db');
  });

  it('knows a risk renamed in Slack from a file without ids, and imports its own export as a no-op', async () => {
    blockIdentityInSlack();
    const renamed = inSlack(({ edits, repo }) => {
      const program = repo.get('builder-insights');
      const risk = program?.risks.find((r) => r.text === IDENTITY_RISK);
      if (!program || !risk) throw new Error('example risk is missing');
      return edits.editRisk({
        programId: program.id,
        actor: PROGRAM_LEAD,
        riskId: risk.id,
        expectedVersion: risk.version,
        changes: { text: 'identity decisions block entitlements', severity: 'medium' },
      });
    });
    expect(renamed.kind).toBe('updated');

    // The example file has no ids and still names the risk by its old text and severity.
    const old = await rollout(['import', exampleWith('unrelated.yaml', unrelatedChange)], env);

    expect(old.code).toBe(0);
    expect(
      query(env.DATABASE_PATH, "SELECT text, severity FROM risks WHERE text LIKE 'identity decisions%'"),
    ).toEqual([{ text: 'identity decisions block entitlements', severity: 'medium' }]);
    expect(status('identity-sso')).toBe('blocked');

    const exported = dir.file('exported.yaml');
    writeFileSync(exported, (await rollout(['export', 'builder-insights'], env)).stdout);
    const historyBefore = historyCount(env.DATABASE_PATH);
    const same = await rollout(['import', exported], env);

    expect(same.stdout).toMatch(/^Unchanged program builder-insights /);
    expect(historyCount(env.DATABASE_PATH)).toBe(historyBefore);
  });

  it('calls removing an action that was changed in Slack a conflict', async () => {
    const done = inSlack(({ edits, repo }) => {
      const program = repo.get('builder-insights');
      const action = program?.actions[0];
      if (!program || !action) throw new Error('example action is missing');
      return edits.setNextActionDone({
        programId: program.id,
        actor: PROGRAM_LEAD,
        actionId: action.id,
        expectedVersion: action.version,
        done: true,
      });
    });
    expect(done.kind).toBe('updated');
    const file = exampleWith('dropped.yaml', (text) =>
      text.replace(
        / {2}- text: confirm owner and meeting path for Okta\/identity decisions\n(?: {4}.*\n)*/,
        '',
      ),
    );

    const run = await rollout(['import', file], env);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '  - action 1 "confirm owner and meeting path for Okta/identity decisions": the file removes it, but its ' +
        `done changed in Slack since the last import (${PROGRAM_LEAD}, 2026-11-03 10:00 UTC)\n`,
    );
    expect(query(env.DATABASE_PATH, 'SELECT count(*) AS n FROM actions')).toEqual([{ n: 4 }]);
  });
});

describe('rollout import --help', () => {
  it('explains the merge, --prefer and --dry-run', async () => {
    const run = await rollout(['import', '--help']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: rollout import FILE [--dry-run] [--prefer PREFER] [--db PATH]');
    expect(run.stdout).toContain('--prefer file ');
    expect(run.stdout).toContain('--prefer slack ');
    expect(run.stdout).toContain('--dry-run ');
  });
});
