import { plural } from '../../ui/plural.js';
import { type Command, stringOption } from '../command.js';
import { EXIT_OK } from '../context.js';
import { databasePath, withDatabase } from '../database.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply the database migrations not yet applied',
  args: [],
  options: {},
  help: [
    'Creates the database if needed and applies, in order, each migration it does not have yet.',
    'The server and the other commands do this on start too; run it on its own before a deploy.',
  ],
  run({ values }, ctx) {
    const path = databasePath(stringOption(values, 'db'), ctx);
    const applied = withDatabase(path, (_db, applied) => applied);
    for (const name of applied) ctx.stdout.write(`Applied ${name}\n`);
    ctx.stdout.write(
      applied.length
        ? `Database ${path} is up to date (${plural(applied.length, 'migration')} applied).\n`
        : `Nothing to apply: database ${path} is up to date.\n`,
    );
    return EXIT_OK;
  },
};
