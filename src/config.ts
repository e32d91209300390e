import { z } from 'zod';
import type { AwaySigns } from './domain/people-away.js';
import { isSlackUserId } from './domain/slack-user.js';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** Status emoji that mean "away" unless ROLLOUT_AWAY_EMOJI says otherwise. */
export const DEFAULT_AWAY_EMOJI = ':palm_tree:,:face_with_thermometer:,:airplane:';
/** Words in a status text that mean "away" unless ROLLOUT_AWAY_WORDS says otherwise (any case, whole words). */
export const DEFAULT_AWAY_WORDS = 'OOO,out of office,on vacation,on holiday,on leave,off sick,sick leave';

const PORT_MESSAGE = 'expected a port number from 0 to 65535';

/** The placeholders .env.example ships: a copied file that was not filled in is refused by name. */
export const PLACEHOLDER_TOKENS = {
  bot: 'xoxb-your-bot-token',
  app: 'xapp-your-app-token',
} as const;

/** A comma-separated list, each item trimmed, empty ones dropped ("a, b,," is [a, b]). */
const commaList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((raw) =>
      raw
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );

const envSchema = z
  .object({
    SLACK_BOT_TOKEN: z
      .string({ error: 'required: the bot token (xoxb-…) from the app’s OAuth & Permissions page' })
      .regex(/^xoxb-/, 'expected a bot token starting with xoxb-')
      .refine((token) => token !== PLACEHOLDER_TOKENS.bot, {
        message: `replace ${PLACEHOLDER_TOKENS.bot} (the placeholder from .env.example) with the bot token from OAuth & Permissions`,
      }),
    SLACK_SIGNING_SECRET: z.string().min(1, 'expected the signing secret from Basic Information').optional(),
    SLACK_APP_TOKEN: z
      .string()
      .regex(/^xapp-/, 'expected an app-level token starting with xapp- (or leave it unset for HTTP mode)')
      .refine((token) => token !== PLACEHOLDER_TOKENS.app, {
        message: `replace ${PLACEHOLDER_TOKENS.app} (the placeholder from .env.example) with an app-level token from Basic Information, or leave it empty for HTTP mode`,
      })
      .optional(),
    // Digits only: coercion would read a blank or '0x50' as a port.
    PORT: z
      .string()
      .regex(/^\d{1,5}$/, PORT_MESSAGE)
      .transform(Number)
      .pipe(z.number().max(65535, PORT_MESSAGE))
      .default(3000),
    // Unset: every interface, as a server in a container needs; the playground binds 127.0.0.1.
    HOST: z.string().min(1).optional(),
    DATABASE_PATH: z.string().min(1).default('./data/rollout.db'),
    SLACK_API_URL: z
      .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://slack.com/api/' })
      .transform((url) => (url.endsWith('/') ? url : `${url}/`))
      .optional(),
    ROLLOUT_ADMINS: commaList('').refine((ids) => ids.every(isSlackUserId), {
      message: 'expected comma-separated Slack user IDs such as U012ABCDEF',
    }),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    ROLLOUT_AWAY_EMOJI: commaList(DEFAULT_AWAY_EMOJI)
      // Slack reports status_emoji with colons; people write the list either way.
      .transform((names) => names.map((name) => `:${name.replace(/^:|:$/g, '')}:`))
      .refine((names) => names.every((n) => /^:[a-z0-9_+'-]+(::skin-tone-[2-6])?:$/.test(n)), {
        message: 'expected comma-separated emoji names such as :palm_tree:,:airplane:',
      }),
    ROLLOUT_AWAY_WORDS: commaList(DEFAULT_AWAY_WORDS).refine(
      (list) => list.every((w) => /[\p{L}\p{N}]/u.test(w) && w.length <= 50),
      {
        message: 'expected comma-separated words or phrases such as OOO,out of office (50 characters each)',
      },
    ),
  })
  .superRefine(
    (env, ctx) => {
      if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['SLACK_SIGNING_SECRET'],
          message: 'required in HTTP mode (set SLACK_APP_TOKEN instead to use Socket Mode)',
        });
      }
    },
    // Zod skips refinements once a field failed; this one must run anyway so one error names every problem.
    { when: () => true },
  );

/** Every variable Rollout reads, so docs such as .env.example can be checked against it. */
export const ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export interface Config {
  slackBotToken: string;
  slackSigningSecret: string | undefined;
  slackAppToken: string | undefined;
  port: number;
  /** The address to listen on (HTTP mode); every interface when unset. */
  host: string | undefined;
  databasePath: string;
  slackApiUrl: string | undefined;
  rolloutAdmins: readonly string[];
  logLevel: LogLevelName;
  /** Slack status emoji (`:palm_tree:`, with colons) that count as away while set. */
  awayEmoji: readonly string[];
  /** Words or phrases that count as away in a Slack status's text ("OOO", "out of office"). */
  awayWords: readonly string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Rollout cannot start: the environment is not valid.\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; every bad variable is named, no value is echoed (they may be secrets). */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const emptyAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(emptyAsUnset);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  return {
    slackBotToken: e.SLACK_BOT_TOKEN,
    slackSigningSecret: e.SLACK_SIGNING_SECRET,
    slackAppToken: e.SLACK_APP_TOKEN,
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    slackApiUrl: e.SLACK_API_URL,
    rolloutAdmins: e.ROLLOUT_ADMINS,
    logLevel: e.LOG_LEVEL,
    awayEmoji: e.ROLLOUT_AWAY_EMOJI,
    awayWords: e.ROLLOUT_AWAY_WORDS,
  };
}

export interface DatabaseConfig {
  databasePath: string;
}

/** What the admin CLI needs: the database alone, so import/export/migrate run without any Slack token. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv): DatabaseConfig {
  const value = env.DATABASE_PATH === '' ? undefined : env.DATABASE_PATH;
  const parsed = envSchema.shape.DATABASE_PATH.safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `DATABASE_PATH: ${issue.message}`));
  }
  return { databasePath: parsed.data };
}

export interface SlackClientConfig {
  slackBotToken: string;
  slackApiUrl: string | undefined;
}

const slackClientSchema = z.object({
  SLACK_BOT_TOKEN: envSchema.shape.SLACK_BOT_TOKEN,
  SLACK_API_URL: envSchema.shape.SLACK_API_URL,
});

/** ROLLOUT_AWAY_EMOJI and ROLLOUT_AWAY_WORDS alone, for CLI commands that post a digest, as the server reads them. */
export function loadAwaySigns(env: NodeJS.ProcessEnv): AwaySigns {
  const unset = (name: string) => (env[name] === '' ? undefined : env[name]);
  const emoji = envSchema.shape.ROLLOUT_AWAY_EMOJI.safeParse(unset('ROLLOUT_AWAY_EMOJI'));
  const words = envSchema.shape.ROLLOUT_AWAY_WORDS.safeParse(unset('ROLLOUT_AWAY_WORDS'));
  const problems = [
    ...(emoji.success ? [] : emoji.error.issues.map((i) => `ROLLOUT_AWAY_EMOJI: ${i.message}`)),
    ...(words.success ? [] : words.error.issues.map((i) => `ROLLOUT_AWAY_WORDS: ${i.message}`)),
  ];
  if (!emoji.success || !words.success) throw new ConfigError(problems);
  return { emoji: emoji.data, words: words.data };
}

/**
 * LOG_LEVEL alone, for CLI commands that log only when asked: unset means quiet (undefined); a value that
 * is not a level stops the command as it stops the server.
 */
export function loadLogLevel(env: NodeJS.ProcessEnv): LogLevelName | undefined {
  const value = env.LOG_LEVEL;
  if (value === undefined || value === '') return undefined;
  const parsed = z.enum(LOG_LEVELS).safeParse(value);
  if (!parsed.success) throw new ConfigError([`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}`]);
  return parsed.data;
}

/**
 * What a CLI command that talks to Slack needs (`rollout digest --send`): the bot token, and the API URL
 * when it is not Slack's own. No signing secret or port: the CLI receives nothing from Slack.
 */
export function loadSlackClientConfig(env: NodeJS.ProcessEnv): SlackClientConfig {
  const emptyAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = slackClientSchema.safeParse(emptyAsUnset);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  return { slackBotToken: parsed.data.SLACK_BOT_TOKEN, slackApiUrl: parsed.data.SLACK_API_URL };
}
