import { z } from 'zod';

const slackUserId = /^[UW][A-Z0-9]{2,}$/;

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

const envSchema = z
  .object({
    SLACK_BOT_TOKEN: z
      .string({ error: 'required: the bot token (xoxb-…) from the app’s OAuth & Permissions page' })
      .regex(/^xoxb-/, 'expected a bot token starting with xoxb-'),
    SLACK_SIGNING_SECRET: z.string().min(1, 'expected the signing secret from Basic Information').optional(),
    SLACK_APP_TOKEN: z
      .string()
      .regex(/^xapp-/, 'expected an app-level token starting with xapp- (or leave it unset for HTTP mode)')
      .optional(),
    PORT: z.coerce.number({ error: 'expected a port number' }).int().min(0).max(65535).default(3000),
    DATABASE_PATH: z.string().min(1).default('./data/rollout.db'),
    SLACK_API_URL: z
      .url({ error: 'expected an https URL such as https://slack.com/api/' })
      .transform((url) => (url.endsWith('/') ? url : `${url}/`))
      .optional(),
    ROLLOUT_ADMINS: z
      .string()
      .default('')
      .transform((raw) =>
        raw
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .refine((ids) => ids.every((id) => slackUserId.test(id)), {
        message: 'expected comma-separated Slack user IDs such as U012ABCDEF',
      }),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  })
  .superRefine((env, ctx) => {
    if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'required in HTTP mode (set SLACK_APP_TOKEN instead to use Socket Mode)',
      });
    }
  });

export interface Config {
  slackBotToken: string;
  slackSigningSecret: string | undefined;
  slackAppToken: string | undefined;
  port: number;
  databasePath: string;
  slackApiUrl: string | undefined;
  rolloutAdmins: readonly string[];
  logLevel: LogLevelName;
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
    databasePath: e.DATABASE_PATH,
    slackApiUrl: e.SLACK_API_URL,
    rolloutAdmins: e.ROLLOUT_ADMINS,
    logLevel: e.LOG_LEVEL,
  };
}
