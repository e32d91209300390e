import { readFileSync } from 'node:fs';
import { parseProgramFile } from '../../domain/program-file.js';
import { importProgram } from '../../store/program-import.js';
import { plural } from '../../ui/plural.js';
import { type Command, stringOption } from '../command.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../context.js';
import { databasePath, withDatabase } from '../database.js';
import { parseSource, sourceFormatOf } from '../program-source.js';

/** The history actor for changes made by a file, so a reader can tell them from edits made in Slack. */
const IMPORT_ACTOR = 'import';

export const importCommand: Command = {
  name: 'import',
  summary: 'Create or update a program from a YAML or JSON file',
  args: ['FILE'],
  options: {},
  help: [
    'Reads FILE (.yaml, .yml or .json), checks all of it, and makes the program with its slug match the file:',
    'created if new, updated otherwise, every difference recorded in the history as made by "import".',
    'If anything is wrong, every problem is listed with where it is in the file and nothing is written.',
    '',
    'Example: rollout import examples/builder-insights.yaml',
  ],
  run({ args, values }, ctx) {
    const file = args[0] as string;
    const format = sourceFormatOf(file);
    if (!format) {
      throw new CliError(`Cannot import ${file}: expected a .yaml, .yml or .json file.`, EXIT_USAGE);
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
      throw new CliError(`Cannot import ${file}: ${reason}.`);
    }

    // Everything is checked before the database is opened: a bad file leaves no trace at all.
    const source = parseSource(text, format);
    const parsed = source.ok ? parseProgramFile(source.data) : source;
    if (!parsed.ok) {
      ctx.stderr.write(
        `Cannot import ${file}: ${plural(parsed.problems.length, 'problem')}, nothing was written.\n` +
          parsed.problems.map((p) => `  - ${p}\n`).join(''),
      );
      return EXIT_FAILURE;
    }

    const program = parsed.program;
    const result = withDatabase(databasePath(stringOption(values, 'db'), ctx), (db) =>
      importProgram(db, program, { actor: IMPORT_ACTOR, now: ctx.clock.now() }),
    );
    const what = `program ${result.slug} (${program.name}) from ${file}`;
    ctx.stdout.write(
      result.created
        ? `Created ${what}: ${plural(result.changes, 'change')} recorded.\n`
        : result.changes
          ? `Updated ${what}: ${plural(result.changes, 'change')} recorded.\n`
          : `Unchanged ${what}: the store already matches the file.\n`,
    );
    return EXIT_OK;
  },
};
