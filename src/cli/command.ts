import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './context.js';

export type OptionValues = Record<string, string | boolean | undefined>;

/** One `rollout` subcommand: what `--help` shows about it, and what it does. */
export interface Command {
  name: string;
  /** One line, for the command list of `rollout --help`. */
  summary: string;
  /**
   * The command's words and positional arguments: `name` may be two words (`digest log`), the longer name
   * winning; `args` are named as the help shows them (`FILE`, `SLUG`), all required.
   */
  args: string[];
  /** The command's own options; `--db` and `--help` are common to all. */
  options: NonNullable<ParseArgsConfig['options']>;
  /** Lines of `rollout NAME --help` after the usage line. */
  help: string[];
  /** The exit code; a command that talks to Slack returns it once the call is done. */
  run(input: { args: string[]; values: OptionValues }, ctx: CliContext): number | Promise<number>;
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
