import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config.js';
import { MigrationError } from '../db/migrate.js';
import type { Command, OptionValues } from './command.js';
import { canvasCommand } from './commands/canvas.js';
import { digestCommand } from './commands/digest.js';
import { digestLogCommand } from './commands/digest-log.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { migrateCommand } from './commands/migrate.js';
import { type CliContext, CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './context.js';

const COMMANDS: readonly Command[] = [
  importCommand,
  exportCommand,
  migrateCommand,
  digestCommand,
  digestLogCommand,
  canvasCommand,
];

const COMMON_OPTIONS = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const COMMON_HELP = [
  'Options for every command:',
  '  --db PATH    the SQLite database (default: $DATABASE_PATH, or ./data/rollout.db)',
  '  -h, --help   show help',
];

function usageOf(command: Command): string {
  const options = Object.entries(command.options).map(([name, option]) =>
    option.type === 'boolean' ? ` [--${name}]` : ` [--${name} ${name.toUpperCase()}]`,
  );
  return `rollout ${[command.name, ...command.args].join(' ')}${options.join('')} [--db PATH]`;
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'rollout: admin commands for Rollout; they work on the database alone (only digest --send needs Slack).',
    '',
    'Usage: rollout [--db PATH] COMMAND [ARGS]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    ...COMMON_HELP,
    '',
    'Run rollout COMMAND --help for one command.',
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return [
    `Usage: ${usageOf(command)}`,
    '',
    command.summary,
    '',
    ...command.help,
    '',
    ...COMMON_HELP,
    '',
  ].join('\n');
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return `rollout ${pkg.version}\n`;
}

/** Edit distance, to suggest "import" for "imprt". */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
        (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

function unknownCommand(name: string): string {
  const closest = COMMANDS.map((c) => ({ c, d: distance(name, c.name) })).sort((x, y) => x.d - y.d)[0];
  const hint = closest && closest.d <= 2 ? ` Did you mean "${closest.c.name}"?` : '';
  return (
    `Unknown command "${name}".${hint}\n` +
    `Commands: ${COMMANDS.map((c) => c.name).join(', ')}. Run rollout --help for more.\n`
  );
}

/** The command that the first words of `argv` name, the longest name first ("digest log" over "digest"). */
function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  let found: { command: Command; rest: string[] } | undefined;
  for (const command of COMMANDS) {
    const words = command.name.split(' ');
    if (!words.every((word, i) => argv[i] === word)) continue;
    if (!found || argv.length - words.length < found.rest.length) {
      found = { command, rest: argv.slice(words.length) };
    }
  }
  return found;
}

/**
 * `--db PATH` may come before the command too (`rollout --db x.db import f.yaml`), as with git's global
 * options: moved behind it, it is parsed like any other option.
 */
function withLeadingDbLast(argv: string[]): string[] {
  const [first, second, ...rest] = argv;
  if (first === '--db' && second !== undefined) return [...rest, first, second];
  if (first?.startsWith('--db=')) return [...argv.slice(1), first];
  return argv;
}

function dispatch(commandLine: string[], ctx: CliContext): number | Promise<number> {
  const argv = withLeadingDbLast(commandLine);
  const [name, ...rest] = argv;
  if (name === undefined) {
    ctx.stderr.write(mainHelp());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = rest[0];
    const command = findCommand(rest)?.command;
    if (topic !== undefined && !command) {
      ctx.stderr.write(unknownCommand(topic));
      return EXIT_USAGE;
    }
    ctx.stdout.write(command ? commandHelp(command) : mainHelp());
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    ctx.stdout.write(version());
    return EXIT_OK;
  }
  const found = findCommand(argv);
  if (!found) {
    ctx.stderr.write(unknownCommand(name));
    return EXIT_USAGE;
  }
  const { command } = found;

  let parsed: { values: OptionValues; positionals: string[] };
  try {
    parsed = parseArgs({
      args: found.rest,
      options: { ...COMMON_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    }) as { values: OptionValues; positionals: string[] };
  } catch (error) {
    throw new CliError(`${(error as Error).message}\nUsage: ${usageOf(command)}`, EXIT_USAGE);
  }
  if (parsed.values.help) {
    ctx.stdout.write(commandHelp(command));
    return EXIT_OK;
  }
  const { positionals } = parsed;
  if (positionals.length !== command.args.length) {
    const problem =
      positionals.length < command.args.length
        ? `missing ${command.args.slice(positionals.length).join(' ')}`
        : `unexpected argument "${positionals[command.args.length]}"`;
    throw new CliError(`rollout ${command.name}: ${problem}.\nUsage: ${usageOf(command)}`, EXIT_USAGE);
  }
  return command.run({ args: positionals, values: parsed.values }, ctx);
}

/** Runs one command line and returns the exit code; expected failures become a message, never a stack. */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  try {
    return await dispatch(argv, ctx);
  } catch (error) {
    if (error instanceof CliError) {
      ctx.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ConfigError || error instanceof MigrationError) {
      ctx.stderr.write(`${error.message}\n`);
      return EXIT_FAILURE;
    }
    ctx.stderr.write(
      `rollout failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_FAILURE;
  }
}
