import type { Clock } from '../clock.js';

/** What a command is handed; `main.ts` passes the real process, tests could pass anything else. */
export interface CliContext {
  env: NodeJS.ProcessEnv;
  clock: Clock;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** How long a write waits behind another process's write lock; ADMIN_WRITE_WAIT_MS unless a test says less. */
  writeWaitMs?: number | undefined;
}

export const EXIT_OK = 0;
/** The command ran but could not do its job: a bad file, an unknown program, a database problem. */
export const EXIT_FAILURE = 1;
/** The command line itself is wrong: unknown command or option, missing argument. */
export const EXIT_USAGE = 2;

/** An expected failure: its message is for the person at the terminal, no stack trace. */
export class CliError extends Error {
  override name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
  }
}
