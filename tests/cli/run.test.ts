import { describe, expect, it } from 'vitest';
import { rollout, rolloutProcess } from '../support/cli.js';

describe('rollout (the command line itself)', () => {
  it('lists the commands on --help and exits 0 (the installed command, as a process)', async () => {
    const run = await rolloutProcess(['--help']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: rollout [--db PATH] COMMAND [ARGS]');
    expect(run.stdout).toMatch(/^ {2}import +Create or update a program from a YAML or JSON file$/m);
    expect(run.stdout).toMatch(/^ {2}export +Print a program as YAML/m);
    expect(run.stdout).toMatch(/^ {2}migrate +Apply the database migrations/m);
    expect(run.stdout).toMatch(/^ {2}digest +Preview a program’s weekly digest/m);
    expect(run.stdout).toMatch(/^ {2}digest log +List each week’s digest run/m);
    expect(run.stdout).toContain('--db PATH');
  });

  it('shows one command’s help with COMMAND --help and with help COMMAND', async () => {
    const flag = await rollout(['export', '--help']);
    const word = await rollout(['help', 'export']);

    expect(flag.code).toBe(0);
    expect(flag.stdout).toMatch(/^Usage: rollout export SLUG \[--format FORMAT\] \[--db PATH\]\n/);
    expect(flag.stdout).toContain('--format markdown');
    expect(word.stdout).toBe(flag.stdout);
  });

  it('finds a two-word command by its words, with its own usage and help', async () => {
    const missing = await rollout(['digest', 'log']);
    const help = await rollout(['help', 'digest', 'log']);

    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'rollout digest log: missing SLUG.\nUsage: rollout digest log SLUG [--db PATH]\n',
    );
    expect(help.stdout).toMatch(/^Usage: rollout digest log SLUG \[--db PATH\]\n/);
    expect((await rollout(['digest', '--help'])).stdout).toMatch(
      /^Usage: rollout digest SLUG \[--as-of AS-OF\] \[--send\] \[--force\] \[--db PATH\]\n/,
    );
  });

  it('answers an unknown command with the closest one and the list, exit 2', async () => {
    const run = await rollout(['imprt', 'file.yaml']);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'Unknown command "imprt". Did you mean "import"?\n' +
        'Commands: import, export, migrate, digest, digest log, canvas. Run rollout --help for more.\n',
    );
  });

  it('prints the usage to stderr and exits 2 without a command (as a process: its exit code)', async () => {
    const run = await rolloutProcess([]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: rollout [--db PATH] COMMAND');
  });

  it('treats a missing argument, an extra one or an unknown option as usage errors (exit 2)', async () => {
    const missing = await rollout(['import']);
    const extra = await rollout(['migrate', 'now']);
    const unknown = await rollout(['export', 'builder-insights', '--fromat', 'json']);

    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'rollout import: missing FILE.\nUsage: rollout import FILE [--dry-run] [--prefer PREFER] [--db PATH]\n',
    );
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('rollout migrate: unexpected argument "now".');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--fromat'");
    expect(unknown.stderr).toContain('Usage: rollout export SLUG');
  });
});
