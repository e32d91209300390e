import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_VARIABLES, loadConfig, loadLogLevel } from '../src/config.js';

const SECRET = 'very-secret-signing-value';
const httpEnv = { SLACK_BOT_TOKEN: 'xoxb-123-abc', SLACK_SIGNING_SECRET: SECRET };

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to refuse this environment');
}

describe('loadConfig', () => {
  it('reads a complete HTTP-mode environment', () => {
    const config = loadConfig({
      ...httpEnv,
      PORT: '8080',
      DATABASE_PATH: '/var/lib/rollout/rollout.db',
      SLACK_API_URL: 'https://slack.example.com/api/',
      ROLLOUT_ADMINS: 'U012ABCDEF, W034GHIJKL',
      LOG_LEVEL: 'warn',
      ROLLOUT_AWAY_EMOJI: 'palm_tree, :sick:',
      ROLLOUT_AWAY_WORDS: 'OOO, en congé',
    });
    expect(config).toEqual({
      slackBotToken: 'xoxb-123-abc',
      slackSigningSecret: SECRET,
      slackAppToken: undefined,
      port: 8080,
      databasePath: '/var/lib/rollout/rollout.db',
      slackApiUrl: 'https://slack.example.com/api/',
      rolloutAdmins: ['U012ABCDEF', 'W034GHIJKL'],
      logLevel: 'warn',
      awayEmoji: [':palm_tree:', ':sick:'],
      awayWords: ['OOO', 'en congé'],
    });
  });

  it('counts :palm_tree:, :face_with_thermometer: and :airplane: as away unless ROLLOUT_AWAY_EMOJI says otherwise', () => {
    expect(loadConfig(httpEnv).awayEmoji).toEqual([':palm_tree:', ':face_with_thermometer:', ':airplane:']);
    expect(loadConfig({ ...httpEnv, ROLLOUT_AWAY_EMOJI: '' }).awayEmoji).toHaveLength(3);
    expect(loadConfig({ ...httpEnv, ROLLOUT_AWAY_EMOJI: ':beach_with_umbrella:,,' }).awayEmoji).toEqual([
      ':beach_with_umbrella:',
    ]);
    expect(configError({ ...httpEnv, ROLLOUT_AWAY_EMOJI: 'palm tree' }).problems).toEqual([
      expect.stringMatching(/^ROLLOUT_AWAY_EMOJI: expected comma-separated emoji names/),
    ]);
  });

  it('counts OOO, out of office and the like in a status text as away unless ROLLOUT_AWAY_WORDS says otherwise', () => {
    expect(loadConfig(httpEnv).awayWords).toEqual([
      'OOO',
      'out of office',
      'on vacation',
      'on holiday',
      'on leave',
      'off sick',
      'sick leave',
    ]);
    expect(loadConfig({ ...httpEnv, ROLLOUT_AWAY_WORDS: 'vacances, ,' }).awayWords).toEqual(['vacances']);
    expect(configError({ ...httpEnv, ROLLOUT_AWAY_WORDS: 'OOO,--' }).problems).toEqual([
      expect.stringMatching(/^ROLLOUT_AWAY_WORDS: expected comma-separated words or phrases/),
    ]);
  });

  it('defaults PORT to 3000, DATABASE_PATH to ./data/rollout.db, LOG_LEVEL to info, no admins', () => {
    const config = loadConfig(httpEnv);
    expect(config.port).toBe(3000);
    expect(config.databasePath).toBe('./data/rollout.db');
    expect(config.logLevel).toBe('info');
    expect(config.rolloutAdmins).toEqual([]);
    expect(config.slackApiUrl).toBeUndefined();
    expect(config.host).toBeUndefined();
  });

  it('listens on the address in HOST when one is given (the playground keeps to loopback)', () => {
    expect(loadConfig({ ...httpEnv, HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
  });

  it('treats an empty variable as unset, as a copied .env.example leaves them', () => {
    const config = loadConfig({ ...httpEnv, PORT: '', SLACK_APP_TOKEN: '', SLACK_API_URL: '' });
    expect(config.port).toBe(3000);
    expect(config.slackAppToken).toBeUndefined();
  });

  it('uses Socket Mode with SLACK_APP_TOKEN and then needs no signing secret', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-abc' });
    expect(config.slackAppToken).toBe('xapp-1-abc');
    expect(config.slackSigningSecret).toBeUndefined();
  });

  it('adds the trailing slash the Web API client needs to SLACK_API_URL', () => {
    expect(loadConfig({ ...httpEnv, SLACK_API_URL: 'http://127.0.0.1:9999/api' }).slackApiUrl).toBe(
      'http://127.0.0.1:9999/api/',
    );
  });

  it('names every bad variable in one error and echoes none of their values', () => {
    const badToken = 'xoxp-user-token-should-stay-secret';
    const badAppToken = 'xoxb-not-an-app-token-secret';
    const error = configError({
      SLACK_BOT_TOKEN: badToken,
      PORT: '70000',
      ROLLOUT_ADMINS: 'U012ABCDEF,bob-secret-name',
      LOG_LEVEL: 'loud',
      SLACK_API_URL: 'ftp://files.example.com/',
    });
    const named = error.problems.map((p) => p.split(':')[0]);
    expect(named.sort()).toEqual(
      [
        'LOG_LEVEL',
        'PORT',
        'ROLLOUT_ADMINS',
        'SLACK_API_URL',
        'SLACK_BOT_TOKEN',
        'SLACK_SIGNING_SECRET',
      ].sort(),
    );
    for (const value of [badToken, '70000', 'bob-secret-name', 'loud', 'files.example.com']) {
      expect(error.message).not.toContain(value);
    }

    const appTokenError = configError({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: badAppToken });
    expect(appTokenError.problems).toEqual([expect.stringMatching(/^SLACK_APP_TOKEN: .*xapp-/)]);
    expect(appTokenError.message).not.toContain(badAppToken);
  });

  it('asks for the signing secret in HTTP mode, saying how to use Socket Mode instead', () => {
    const error = configError({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(error.problems).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET: .*SLACK_APP_TOKEN/)]);
  });

  it('reports a missing bot token as missing', () => {
    const error = configError({ SLACK_SIGNING_SECRET: SECRET });
    expect(error.problems).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN: required/)]);
    expect(error.message).not.toContain(SECRET);
  });

  it.each(['abc', ' ', '80.5', '-1', '0x50', '65536'])('refuses PORT=%j', (port) => {
    expect(configError({ ...httpEnv, PORT: port }).problems).toEqual([expect.stringMatching(/^PORT: /)]);
  });
});

describe('loadLogLevel', () => {
  it('is unset when LOG_LEVEL is missing or empty, and refuses what is not a level, as the server does', () => {
    expect(loadLogLevel({})).toBeUndefined();
    expect(loadLogLevel({ LOG_LEVEL: '' })).toBeUndefined();
    expect(loadLogLevel({ LOG_LEVEL: 'warn' })).toBe('warn');
    expect(() => loadLogLevel({ LOG_LEVEL: 'warning' })).toThrow(ConfigError);
    expect(() => loadLogLevel({ LOG_LEVEL: 'warning' })).toThrow(
      /LOG_LEVEL: expected one of debug, info, warn, error/,
    );
  });
});

describe('.env.example', () => {
  const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
  const keys = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);

  it('lists every variable the config reads, and no other', () => {
    expect(ENV_VARIABLES.length).toBeGreaterThan(0);
    expect([...keys].sort()).toEqual([...ENV_VARIABLES].sort());
  });

  it('as copied, is refused naming both placeholder tokens, and agrees with the manifest’s Socket Mode', () => {
    const copied = Object.fromEntries(
      [...example.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    const manifest = readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8');
    expect(manifest).toMatch(/socket_mode_enabled: true/);
    expect(copied.SLACK_APP_TOKEN).toMatch(/^xapp-/);
    expect(configError(copied).problems).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN: replace xoxb-your-bot-token/),
      expect.stringMatching(/^SLACK_APP_TOKEN: replace xapp-your-app-token/),
    ]);
  });

  it('explains each variable in a comment right above it', () => {
    const lines = example.split('\n');
    for (const key of ENV_VARIABLES) {
      const at = lines.findIndex((line) => line.startsWith(`${key}=`));
      expect(lines[at - 1], key).toMatch(/^# \S/);
    }
  });
});
