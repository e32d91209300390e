import { stringify } from 'yaml';
import type { Program } from '../../domain/program.js';
import { programToFile } from '../../domain/program-export.js';
import { programToMarkdown } from '../../domain/program-markdown.js';
import { ProgramRepo } from '../../store/program-repo.js';
import { type Command, stringOption } from '../command.js';
import { CliError, EXIT_OK, EXIT_USAGE } from '../context.js';
import { databasePath, withDatabase } from '../database.js';
import { requireProgram } from '../program-arg.js';

const FORMATS = {
  yaml: (p: Program) => stringify(programToFile(p), { lineWidth: 0 }),
  json: (p: Program) => `${JSON.stringify(programToFile(p), null, 2)}\n`,
  markdown: programToMarkdown,
} satisfies Record<string, (p: Program) => string>;
type Format = keyof typeof FORMATS;

function isFormat(value: string): value is Format {
  return Object.hasOwn(FORMATS, value);
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Print a program as YAML (the import format), JSON or a Markdown status page',
  args: ['SLUG'],
  options: { format: { type: 'string', short: 'f', default: 'yaml' } },
  help: [
    '--format yaml|json   the import format: export, edit, import again (yaml is the default)',
    '--format markdown    a status page in the shape of the page Rollout replaces, for a wiki',
    '',
    'Example: rollout export builder-insights --format markdown > status.md',
  ],
  run({ args, values }, ctx) {
    const slug = args[0] as string;
    const format = stringOption(values, 'format') ?? 'yaml';
    if (!isFormat(format)) {
      throw new CliError(
        `Unknown format "${format}": expected one of ${Object.keys(FORMATS).join(', ')}.`,
        EXIT_USAGE,
      );
    }
    const path = databasePath(stringOption(values, 'db'), ctx);
    const output = withDatabase(
      path,
      (db) => FORMATS[format](requireProgram(new ProgramRepo(db), slug, path)),
      { mustExist: true },
    );
    ctx.stdout.write(output);
    return EXIT_OK;
  },
};
