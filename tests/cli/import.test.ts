import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { EXAMPLE, query, ROOT, rollout, rolloutProcess, tempDir } from '../support/cli.js';
import { historyCount as countHistory } from '../support/history.js';
import { smallProgram } from '../support/programs.js';

let dir: ReturnType<typeof tempDir>;
let env: { DATABASE_PATH: string };

beforeEach(async () => {
  dir = tempDir();
  env = { DATABASE_PATH: dir.file('rollout.db') };
});
afterEach(() => dir.remove());

const programCount = () =>
  query<{ n: number }>(env.DATABASE_PATH, 'SELECT count(*) AS n FROM programs')[0]?.n;
const historyCount = () => countHistory(env.DATABASE_PATH);

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
  it('creates the program from the example file and says so in one line', async () => {
    // The installed command, from the repository, with the path as the README gives it.
    const run = await rolloutProcess(['import', 'examples/builder-insights.yaml'], env, ROOT);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'Created program builder-insights (Builder Insights operationalization) from ' +
        'examples/builder-insights.yaml: 24 changes recorded.\n',
    );
    expect(query(env.DATABASE_PATH, 'SELECT slug, name FROM programs')).toEqual([
      { slug: 'builder-insights', name: 'Builder Insights operationalization' },
    ]);
    expect(query(env.DATABASE_PATH, 'SELECT DISTINCT actor FROM history')).toEqual([{ actor: 'import' }]);
  });

  it('lists every problem of a bad file with its path, exits 1 and writes nothing', async () => {
    expect((await rollout(['migrate'], env)).code).toBe(0);
    const bad = dir.file('bad.yaml');
    writeFileSync(bad, fileWithProblems());

    const run = await rollout(['import', bad], env);

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

  it('reports YAML syntax errors with their line and column, before touching the database', async () => {
    const bad = dir.file('broken.yaml');
    writeFileSync(bad, 'slug: builder-insights\nname: Builder: Insights\nworkstreams:\n  - key: [identity\n');

    const run = await rollout(['import', bad], env);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Cannot import .*broken\.yaml: 2 problems, nothing was written\.\n/);
    expect(run.stderr).toContain(
      '  - line 2, column 7: YAML syntax error: Nested mappings are not allowed in compact mappings\n',
    );
    expect(run.stderr).toMatch(/ {2}- line 5, column 1: YAML syntax error: Flow sequence .* end with a \]\n/);
    expect(existsSync(env.DATABASE_PATH)).toBe(false);
  });

  it('reports JSON syntax errors with their line and column', async () => {
    const bad = dir.file('broken.json');
    writeFileSync(bad, '{\n  "slug": "builder-insights",\n  "name": "Builder Insights",,\n}\n');

    const run = await rollout(['import', bad], env);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ {2}- line 3, column 30: JSON syntax error: /);
    expect(existsSync(env.DATABASE_PATH)).toBe(false);
  });

  it('reads JSON files the same way as YAML', async () => {
    const file = dir.file('program.json');
    writeFileSync(file, JSON.stringify(smallProgram()));

    const run = await rollout(['import', file], env);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Created program builder-insights /);
  });

  it('records the changes of a re-import in the history under the actor "import"', async () => {
    expect((await rollout(['import', EXAMPLE], env)).code).toBe(0);
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

    const run = await rollout(['import', changed], env);

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

  it('says when a re-import changes nothing', async () => {
    await rollout(['import', EXAMPLE], env);
    const before = historyCount();

    const run = await rollout(['import', EXAMPLE], env);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Unchanged program builder-insights .*: the store already matches the file\.\n$/,
    );
    expect(historyCount()).toBe(before);
  });

  it('leaves the stored program untouched when a re-import is bad', async () => {
    expect((await rollout(['import', EXAMPLE], env)).code).toBe(0);
    const exportBefore = (await rollout(['export', 'builder-insights'], env)).stdout;
    const historyBefore = historyCount();
    const bad = dir.file('bad-update.yaml');
    // A good change (a new name) next to a bad one: the good one must not be applied either.
    writeFileSync(
      bad,
      readFileSync(EXAMPLE, 'utf8')
        .replace('name: Builder Insights operationalization', 'name: Renamed program')
        .replace('    status: drafted\n', '    status: nearly-done\n'),
    );

    const run = await rollout(['import', bad], env);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('  - workstreams[2].status: expected one of ');
    expect((await rollout(['export', 'builder-insights'], env)).stdout).toBe(exportBefore);
    expect(historyCount()).toBe(historyBefore);
  });

  it('refuses a file that is neither YAML nor JSON, and a file that does not exist', async () => {
    const text = dir.file('program.txt');
    writeFileSync(text, 'slug: x');

    const wrongKind = await rollout(['import', text], env);
    const missing = await rollout(['import', dir.file('nope.yaml')], env);

    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toBe(`Cannot import ${text}: expected a .yaml, .yml or .json file.\n`);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`Cannot import ${dir.file('nope.yaml')}: no such file.\n`);
  });

  it('writes to the database named by --db rather than DATABASE_PATH', async () => {
    const other = dir.file('other.db');

    expect((await rollout(['import', EXAMPLE, '--db', other], env)).code).toBe(0);

    expect(query(other, 'SELECT slug FROM programs')).toEqual([{ slug: 'builder-insights' }]);
    expect(existsSync(env.DATABASE_PATH)).toBe(false);
  });

  it('takes --db before the command as well, in either spelling', async () => {
    const before = dir.file('before.db');
    const joined = dir.file('joined.db');

    expect((await rollout(['--db', before, 'import', EXAMPLE], env)).code).toBe(0);
    expect((await rollout([`--db=${joined}`, 'import', EXAMPLE], env)).code).toBe(0);

    expect(query(before, 'SELECT slug FROM programs')).toEqual([{ slug: 'builder-insights' }]);
    expect(query(joined, 'SELECT slug FROM programs')).toEqual([{ slug: 'builder-insights' }]);
    expect(existsSync(env.DATABASE_PATH)).toBe(false);
  });
});

describe('rollout import FILE: reading the file', () => {
  /** Runs an import that must be refused before the database is created, and returns its stderr. */
  const refused = async (file: string) => {
    const run = await rollout(['import', file], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(env.DATABASE_PATH)).toBe(false);
    return run.stderr;
  };

  it('refuses a file that is not UTF-8, naming the byte, instead of storing "�"', async () => {
    const latin1 = dir.file('latin1.yaml');
    writeFileSync(latin1, Buffer.from(stringify({ ...smallProgram(), name: 'Café rollout' }), 'latin1'));
    const byte = Buffer.from(stringify({ ...smallProgram(), name: 'Caf' }), 'latin1').indexOf('Caf') + 3;

    expect(await refused(latin1)).toBe(
      `Cannot import ${latin1}: not valid UTF-8 at byte ${byte} (0xE9, line 2, column 10); save the file as UTF-8.\n`,
    );
  });

  it('refuses a directory, a missing file and an empty file in one line each', async () => {
    const folder = dir.file('folder.yaml');
    mkdirSync(folder);
    const empty = dir.file('empty.yaml');
    writeFileSync(empty, '');
    const comments = dir.file('comments.json');
    writeFileSync(comments, '\n\n');

    expect(await refused(folder)).toBe(`Cannot import ${folder}: it is a directory, not a file.\n`);
    expect(await refused(dir.file('missing.yaml'))).toBe(
      `Cannot import ${dir.file('missing.yaml')}: no such file.\n`,
    );
    expect(await refused(empty)).toBe(
      `Cannot import ${empty}: 1 problem, nothing was written.\n` +
        '  - the file is empty: a program file needs at least slug and name\n',
    );
    expect(await refused(comments)).toContain('the file is empty');
  });

  it('refuses a file over 5 MB before parsing it', async () => {
    const big = dir.file('big.yaml');
    // Not YAML at all: a parse would report a syntax error instead of the size.
    writeFileSync(big, `slug: [${'x'.repeat(5 * 1024 * 1024)}`);

    expect(await refused(big)).toBe(
      `Cannot import ${big}: the file is 5.0 MB; a program file may be at most 5 MB.\n`,
    );
  });

  it('refuses several YAML documents and an alias bomb as located problems', async () => {
    const several = dir.file('several.yaml');
    writeFileSync(several, `${stringify(smallProgram())}---\n${stringify(smallProgram())}`);
    const bomb = dir.file('bomb.yaml');
    const row = (name: string, of: string) => `${name}: &${name} [${Array(9).fill(of).join(', ')}]\n`;
    writeFileSync(
      bomb,
      `slug: x\n${row('a', 'lol')}${row('b', '*a')}${row('c', '*b')}${row('d', '*c')}${row('e', '*d')}`,
    );
    const secondAt = stringify(smallProgram()).split('\n').length;

    expect(await refused(several)).toContain(
      `  - line ${secondAt}, column 1: a second YAML document starts here; a program file holds one program, in one document\n`,
    );
    expect(await refused(bomb)).toBe(
      `Cannot import ${bomb}: 1 problem, nothing was written.\n` +
        '  - line 3, column 8: too many aliases: the *aliases in this file expand to too much data; write the values out\n',
    );
  });

  it('refuses a depends_on cycle, an abbreviated time zone and an hour out of range, naming each', async () => {
    const [identity, kanopy, gating] = smallProgram().workstreams ?? [];
    const bad = dir.file('cycle.yaml');
    writeFileSync(
      bad,
      stringify({
        ...smallProgram(),
        timezone: 'PST',
        digest: { channel: 'C0LEADERS', schedule: '0 25 * * 1' },
        workstreams: [
          { ...identity, depends_on: ['readiness-gating'] },
          kanopy,
          { ...gating, depends_on: ['identity-sso'] },
        ],
      }),
    );

    expect((await refused(bad)).split('\n').slice(1).sort()).toEqual(
      [
        '',
        '  - digest.schedule: "0 25 * * 1" is not a valid schedule: hour 25 is out of range 0–23',
        '  - timezone: "PST" is an abbreviation, not a time zone: use a region name such as America/Los_Angeles, or UTC',
        '  - workstreams[0].depends_on: depends_on cycle: identity-sso → readiness-gating → identity-sso',
      ].sort(),
    );
  });

  it('lists the first 50 problems and says how many more there are', async () => {
    const [identity] = smallProgram().workstreams ?? [];
    const bad = dir.file('many.yaml');
    const workstreams = Array.from({ length: 60 }, (_, i) => ({
      ...identity,
      key: `w${i}`,
      status: 'stuck',
    }));
    writeFileSync(bad, stringify({ ...smallProgram(), workstreams, risks: [], actions: [] }));

    const lines = (await refused(bad)).trimEnd().split('\n');

    expect(lines[0]).toBe(`Cannot import ${bad}: 60 problems, nothing was written.`);
    expect(lines).toHaveLength(52);
    expect(lines[50]).toMatch(/^ {2}- workstreams\[49\]\.status: expected one of /);
    expect(lines[51]).toBe('  … and 10 more');
  });

  it('stores a time zone in its canonical spelling', async () => {
    const file = dir.file('lower.yaml');
    writeFileSync(file, stringify({ ...smallProgram(), timezone: 'america/los_angeles' }));

    expect((await rollout(['import', file], env)).code).toBe(0);
    expect(query(env.DATABASE_PATH, 'SELECT timezone FROM programs')).toEqual([
      { timezone: 'America/Los_Angeles' },
    ]);
  });

  it('imports a schedule that fires more than once a week, noting that one digest a week is posted', async () => {
    const file = dir.file('daily.yaml');
    writeFileSync(
      file,
      stringify({ ...smallProgram(), digest: { channel: 'C0LEADERS', schedule: '0 9 * * *' } }),
    );

    const run = await rollout(['import', file], env);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Created program builder-insights /);
    expect(run.stderr).toBe(
      'Note: digest.schedule "0 9 * * *" fires more than once a week; one digest a week is posted, at the first ' +
        'of those times in the week (Monday to Sunday, in the program’s time zone).\n',
    );
    expect(query(env.DATABASE_PATH, 'SELECT digest_schedule FROM programs')).toEqual([
      { digest_schedule: '0 9 * * *' },
    ]);
  });
});
