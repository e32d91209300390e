import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { EXAMPLE, query, ROOT, rollout, tempDir } from '../support/cli.js';
import { smallProgram } from '../support/programs.js';

let dir: ReturnType<typeof tempDir>;
let env: { DATABASE_PATH: string };

beforeEach(() => {
  dir = tempDir();
  env = { DATABASE_PATH: dir.file('rollout.db') };
});
afterEach(() => dir.remove());

const programCount = () =>
  query<{ n: number }>(env.DATABASE_PATH, 'SELECT count(*) AS n FROM programs')[0]?.n;
const historyCount = () => query<{ n: number }>(env.DATABASE_PATH, 'SELECT count(*) AS n FROM history')[0]?.n;

/** A file in the shape of the seed page with four problems a person could make at once. */
function fileWithProblems(): string {
  const file = smallProgram();
  const [identity, kanopy, gating] = file.workstreams ?? [];
  return stringify({
    ...file,
    name: undefined,
    workstreams: [
      { ...identity, depends_on: ['org-access'] },
      { ...kanopy, name: undefined },
      { ...gating, status: 'stuck' },
    ],
    risks: [{ text: 'org truth stays ambiguous', severity: 'high', workstream: 'org-access' }],
  });
}

describe('rollout import FILE', () => {
  it('creates the program from the example file and says so in one line', () => {
    // From the repository, with the path as the README gives it.
    const run = rollout(['import', 'examples/builder-insights.yaml'], env, ROOT);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'Created program builder-insights (Builder Insights operationalization) from ' +
        'examples/builder-insights.yaml: 19 changes recorded.\n',
    );
    expect(query(env.DATABASE_PATH, 'SELECT slug, name FROM programs')).toEqual([
      { slug: 'builder-insights', name: 'Builder Insights operationalization' },
    ]);
    expect(query(env.DATABASE_PATH, 'SELECT DISTINCT actor FROM history')).toEqual([{ actor: 'import' }]);
  });

  it('lists every problem of a bad file with its path, exits 1 and writes nothing', () => {
    expect(rollout(['migrate'], env).code).toBe(0);
    const bad = dir.file('bad.yaml');
    writeFileSync(bad, fileWithProblems());

    const run = rollout(['import', bad], env);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`Cannot import ${bad}: 5 problems, nothing was written.`);
    expect(lines.slice(1).sort()).toEqual(
      [
        '  - name: required',
        '  - workstreams[0].depends_on[0]: no workstream has key "org-access"',
        '  - workstreams[1].name: required',
        '  - workstreams[2].status: expected one of in-discovery, drafted, needs-decision, needs-validation, blocked, done',
        '  - risks[0].workstream: no workstream has key "org-access"',
      ].sort(),
    );
    expect(programCount()).toBe(0);
    expect(historyCount()).toBe(0);
  });

  it('reports YAML syntax errors with their line and column, before touching the database', () => {
    const bad = dir.file('broken.yaml');
    writeFileSync(bad, 'slug: builder-insights\nname: Builder: Insights\nworkstreams:\n  - key: [identity\n');

    const run = rollout(['import', bad], env);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Cannot import .*broken\.yaml: 2 problems, nothing was written\.\n/);
    expect(run.stderr).toContain(
      '  - line 2, column 7: YAML syntax error: Nested mappings are not allowed in compact mappings\n',
    );
    expect(run.stderr).toMatch(/ {2}- line 5, column 1: YAML syntax error: Flow sequence .* end with a \]\n/);
    expect(existsSync(env.DATABASE_PATH)).toBe(false);
  });

  it('reports JSON syntax errors with their line and column', () => {
    const bad = dir.file('broken.json');
    writeFileSync(bad, '{\n  "slug": "builder-insights",\n  "name": "Builder Insights",,\n}\n');

    const run = rollout(['import', bad], env);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ {2}- line 3, column 30: JSON syntax error: /);
    expect(existsSync(env.DATABASE_PATH)).toBe(false);
  });

  it('reads JSON files the same way as YAML', () => {
    const file = dir.file('program.json');
    writeFileSync(file, JSON.stringify(smallProgram()));

    const run = rollout(['import', file], env);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Created program builder-insights /);
  });

  it('records the changes of a re-import in the history under the actor "import"', () => {
    expect(rollout(['import', EXAMPLE], env).code).toBe(0);
    const changed = dir.file('changed.yaml');
    writeFileSync(
      changed,
      readFileSync(EXAMPLE, 'utf8')
        .replace('    status: drafted\n', '    status: needs-validation\n')
        .replace(
          'blocker: final runtime boundary and deployment expectations',
          'blocker: security sign-off on the ingress path',
        ),
    );

    const run = rollout(['import', changed], env);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Updated program builder-insights (Builder Insights operationalization) from ${changed}: 2 changes recorded.\n`,
    );
    const rows = query(
      env.DATABASE_PATH,
      `SELECT field, old_value AS oldValue, new_value AS newValue, actor FROM history
       WHERE entity = 'workstream' AND entity_key = 'kanopy-hosting' AND field != 'created' ORDER BY id`,
    );
    expect(rows).toEqual([
      { field: 'status', oldValue: 'drafted', newValue: 'needs-validation', actor: 'import' },
      {
        field: 'blocker',
        oldValue: 'final runtime boundary and deployment expectations',
        newValue: 'security sign-off on the ingress path',
        actor: 'import',
      },
    ]);
    expect(
      query(env.DATABASE_PATH, "SELECT updated_by FROM workstreams WHERE key = 'kanopy-hosting'"),
    ).toEqual([{ updated_by: 'import' }]);
  });

  it('says when a re-import changes nothing', () => {
    rollout(['import', EXAMPLE], env);
    const before = historyCount();

    const run = rollout(['import', EXAMPLE], env);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Unchanged program builder-insights .*: the store already matches the file\.\n$/,
    );
    expect(historyCount()).toBe(before);
  });

  it('leaves the stored program untouched when a re-import is bad', () => {
    expect(rollout(['import', EXAMPLE], env).code).toBe(0);
    const exportBefore = rollout(['export', 'builder-insights'], env).stdout;
    const historyBefore = historyCount();
    const bad = dir.file('bad-update.yaml');
    // A good change (a new name) next to a bad one: the good one must not be applied either.
    writeFileSync(
      bad,
      readFileSync(EXAMPLE, 'utf8')
        .replace('name: Builder Insights operationalization', 'name: Renamed program')
        .replace('    status: drafted\n', '    status: nearly-done\n'),
    );

    const run = rollout(['import', bad], env);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('  - workstreams[2].status: expected one of ');
    expect(rollout(['export', 'builder-insights'], env).stdout).toBe(exportBefore);
    expect(historyCount()).toBe(historyBefore);
  });

  it('refuses a file that is neither YAML nor JSON, and a file that does not exist', () => {
    const text = dir.file('program.txt');
    writeFileSync(text, 'slug: x');

    const wrongKind = rollout(['import', text], env);
    const missing = rollout(['import', dir.file('nope.yaml')], env);

    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toBe(`Cannot import ${text}: expected a .yaml, .yml or .json file.\n`);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`Cannot import ${dir.file('nope.yaml')}: no such file.\n`);
  });

  it('writes to the database named by --db rather than DATABASE_PATH', () => {
    const other = dir.file('other.db');

    expect(rollout(['import', EXAMPLE, '--db', other], env).code).toBe(0);

    expect(query(other, 'SELECT slug FROM programs')).toEqual([{ slug: 'builder-insights' }]);
    expect(existsSync(env.DATABASE_PATH)).toBe(false);
  });

  it('takes --db before the command as well, in either spelling', () => {
    const before = dir.file('before.db');
    const joined = dir.file('joined.db');

    expect(rollout(['--db', before, 'import', EXAMPLE], env).code).toBe(0);
    expect(rollout([`--db=${joined}`, 'import', EXAMPLE], env).code).toBe(0);

    expect(query(before, 'SELECT slug FROM programs')).toEqual([{ slug: 'builder-insights' }]);
    expect(query(joined, 'SELECT slug FROM programs')).toEqual([{ slug: 'builder-insights' }]);
    expect(existsSync(env.DATABASE_PATH)).toBe(false);
  });
});
