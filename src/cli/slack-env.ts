import type { Logger } from '@slack/logger';
import type { WebClient } from '@slack/web-api';
import { ConfigError, loadLogLevel, loadSlackClientConfig } from '../config.js';
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
  try {
    return createWebClient(loadSlackClientConfig(ctx.env), logger);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new CliError(
      `${usage} talks to Slack, and the environment does not say how:\n${error.problems
        .map((p) => `  - ${p}`)
        .join('\n')}`,
      EXIT_USAGE,
    );
  }
}
