import type { Logger } from '@slack/logger';
import type { WebClient } from '@slack/web-api';
import { ConfigError, loadAwaySigns, loadLogLevel, loadSlackClientConfig } from '../config.js';
import type { AwaySigns } from '../domain/people-away.js';
import { createLogger } from '../logger.js';
import { createWebClient } from '../slack-client.js';
import type { CliContext } from './context.js';
import { CliError, EXIT_USAGE } from './context.js';

/** Quiet unless LOG_LEVEL asks: the command's own message says what happened. */
export function cliLogger(ctx: CliContext): Logger {
  const level = loadLogLevel(ctx.env);
  if (level) return createLogger(level, ctx.stderr, 'rollout-cli');
  return createLogger('error', { write: () => undefined }, 'rollout-cli');
}

/**
 * A Web API client from the environment, for a command that talks to Slack; `usage` is the command as
 * typed ("rollout digest --send"), for the message naming what is missing.
 */
export function slackClientFromEnv(ctx: CliContext, usage: string, logger: Logger): WebClient {
  return fromEnv(
    () => createWebClient(loadSlackClientConfig(ctx.env), logger),
    (problems) =>
      `${usage} talks to Slack, and the environment does not say how:\n${problems
        .map((p) => `  - ${p}`)
        .join('\n')}`,
  );
}

/** What in a Slack status means away, as the server reads it; a bad list stops the command, naming it. */
export function awaySignsFromEnv(ctx: CliContext): AwaySigns {
  return fromEnv(
    () => loadAwaySigns(ctx.env),
    (problems) => problems.join('\n'),
  );
}

/** What `load` reads of the environment; a ConfigError stops the command (exit 2) with `say`'s message. */
function fromEnv<T>(load: () => T, say: (problems: string[]) => string): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new CliError(say(error.problems), EXIT_USAGE);
  }
}
