import { existsSync } from 'node:fs';
import type { Prefer } from '../../domain/import-merge.js';
import { importProgram } from '../../store/program-import.js';
import { plural } from '../../ui/plural.js';
import { type Command, type OptionValues, stringOption } from '../command.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../context.js';
import { databasePath, withDatabase } from '../database.js';
import { changeLine, conflictLine, SETTLE_HINT } from '../import-report.js';
import { problemLines } from '../problem-list.js';
import { sourceFormatOf } from '../program-source.js';
import { readProgramFile } from '../read-program-file.js';

/** The history actor for changes made by a file, so a reader can tell them from edits made in Slack. */
const IMPORT_ACTOR = 'import';

export const importCommand: Command = {
  name: 'import',
  summary: 'Create or update a program from a YAML or JSON file',
  args: ['FILE'],
  options: { 'dry-run': { type: 'boolean' }, prefer: { type: 'string' } },
  help: [
    'Reads FILE (.yaml, .yml or .json), checks all of it, and creates the program with its slug, or updates it.',
    'If anything is wrong, every problem is listed with where it is in the file and nothing is written.',
    '',
    'An update merges three ways, with what the last import applied as the common base, so that neither the',
    'file nor Slack silently undoes the other: a value the file did not change since the last import keeps',
    "what owners set in Slack; a value nobody changed in Slack takes the file's. A value changed on both",
    'sides (or an item the file removes that was changed in Slack) is a conflict: each is listed (last',
    "import → Slack's value, who, when → the file's), nothing is written and the exit code is 1.",
    'Every change is recorded in the history as made by "import".',
    '',
    "--prefer file    settle every conflict with the file's value",
    '--prefer slack   settle every conflict with the value in Slack',
    '--dry-run        list what would change and what conflicts; write nothing',
    '',
    'Example: rollout import examples/builder-insights.yaml --dry-run',
  ],
  run({ args, values }, ctx) {
    const file = args[0] as string;
    const prefer = preferOption(values);
    const dryRun = values['dry-run'] === true;
    const format = sourceFormatOf(file);
    if (!format) {
      throw new CliError(`Cannot import ${file}: expected a .yaml, .yml or .json file.`, EXIT_USAGE);
    }

    // Everything is checked before the database is opened: a bad file leaves no trace at all.
    const read = readProgramFile(file, format);
    if (read.kind === 'unreadable') throw new CliError(`Cannot import ${file}: ${read.reason}.`);
    if (read.kind === 'invalid') {
      ctx.stderr.write(
        `Cannot import ${file}: ${plural(read.problems.length, 'problem')}, nothing was written.\n` +
          problemLines(read.problems),
      );
      return EXIT_FAILURE;
    }
    for (const note of read.notes) ctx.stderr.write(`Note: ${note}\n`);

    const program = read.program;
    const path = databasePath(stringOption(values, 'db'), ctx);
    // A dry run against no database yet works on an empty one in memory rather than create the file.
    const target = dryRun && path !== ':memory:' && !existsSync(path) ? ':memory:' : path;
    const result = withDatabase(
      target,
      (db) => importProgram(db, program, { actor: IMPORT_ACTOR, now: ctx.clock.now(), prefer, dryRun }),
      { writeLock: true, writeWaitMs: ctx.writeWaitMs },
    );
    const conflicts = result.conflicts.map(conflictLine).join('');
    if (result.conflicts.length && !prefer) {
      ctx.stderr.write(
        `${dryRun ? 'Would not import' : 'Cannot import'} ${file}: ` +
          `${plural(result.conflicts.length, 'conflict')} with changes made in Slack since the last import, ` +
          `nothing was written.\n${conflicts}${SETTLE_HINT}`,
      );
      return EXIT_FAILURE;
    }

    const what = `program ${result.slug} (${program.name}) from ${file}`;
    const changes = plural(result.changes, 'change');
    if (dryRun) {
      ctx.stdout.write(
        result.changes
          ? `Would ${result.created ? 'create' : 'update'} ${what}: ${changes} (dry run, nothing was written).\n` +
              result.entries.map(changeLine).join('')
          : `Unchanged ${what}: the store already matches the file (dry run, nothing was written).\n`,
      );
    } else {
      ctx.stdout.write(
        result.created
          ? `Created ${what}: ${changes} recorded.\n`
          : result.changes
            ? `Updated ${what}: ${changes} recorded.\n`
            : `Unchanged ${what}: the store already matches the file.\n`,
      );
    }
    if (result.conflicts.length) {
      ctx.stdout.write(
        `${dryRun ? 'Would settle' : 'Settled'} ${plural(result.conflicts.length, 'conflict')} ` +
          `with --prefer ${prefer}:\n${conflicts}`,
      );
    }
    return EXIT_OK;
  },
};

function preferOption(values: OptionValues): Prefer | undefined {
  const prefer = stringOption(values, 'prefer');
  if (prefer === undefined || prefer === 'file' || prefer === 'slack') return prefer;
  throw new CliError(`Unknown --prefer "${prefer}": expected file or slack.`, EXIT_USAGE);
}
