import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SHORTCUTS } from '../src/ui/ids.js';

const SUBCOMMANDS = [
  'status',
  'update',
  'risks',
  'readiness',
  'actions',
  'decisions',
  'history',
  'digest',
  'help',
];
const BOT_SCOPES = [
  'commands',
  'chat:write',
  'users:read',
  'users.profile:read',
  'im:write',
  'channels:history',
  'groups:history',
  'canvases:write',
  'channels:read',
  'groups:read',
];

interface Manifest {
  display_information: { name: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    slash_commands: { command: string; description?: string; usage_hint?: string }[];
    shortcuts?: { name: string; type: string; callback_id: string; description: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
    org_deploy_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

const readManifest = (): Manifest =>
  parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8')) as Manifest;

/** Slack's schema is draft-07 with two keywords of its own: `_note` (a comment) and `regex` (a pattern). */
function compileSlackSchema(): ValidateFunction {
  const schema = JSON.parse(
    readFileSync(new URL('./fixtures/manifest.schema.1.0.0.json', import.meta.url), 'utf8'),
  ) as object;
  // strictTypes off: Slack's schema puts `minItems` on an item schema that has no `type: array` (harmless).
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  ajv.addKeyword({ keyword: '_note' });
  ajv.addKeyword({
    keyword: 'regex',
    type: 'string',
    schemaType: 'string',
    validate: (pattern: string, value: string) => new RegExp(pattern).test(value),
  });
  ajv.addFormat('uri', { type: 'string', validate: (value: string) => URL.canParse(value) });
  return ajv.compile(schema);
}

describe('manifest.yml', () => {
  let validate: ValidateFunction;
  beforeAll(() => {
    validate = compileSlackSchema();
  });

  it('is valid against Slack’s app manifest schema', () => {
    const valid = validate(readManifest());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is refused by the same validator once broken, so the check above means something', () => {
    const noDescription = readManifest();
    delete noDescription.features.slash_commands[0]?.description;
    expect(validate(noDescription)).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ keyword: 'required', params: { missingProperty: 'description' } }),
    );

    const badColor = {
      ...readManifest(),
      display_information: { name: 'Rollout', background_color: '#12345g' },
    };
    expect(validate(badColor)).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ keyword: 'regex' }));

    const unknownSetting = readManifest() as Manifest & { settings: Record<string, unknown> };
    unknownSetting.settings.socket_mode = true;
    expect(validate(unknownSetting)).toBe(false);
  });

  it('declares /rollout with a usage hint naming every subcommand', () => {
    const commands = readManifest().features.slash_commands;
    expect(commands.map((c) => c.command)).toEqual(['/rollout']);
    for (const sub of SUBCOMMANDS) expect(commands[0]?.usage_hint).toContain(sub);
    expect(commands[0]?.description).toBeTruthy();
  });

  it('declares the message shortcut Rollout answers, with the callback_id its listener registers', () => {
    expect(readManifest().features.shortcuts).toEqual([
      {
        name: 'Record decision',
        type: 'message',
        callback_id: SHORTCUTS.recordDecision,
        description: expect.stringContaining('decision register'),
      },
    ]);
    const tooLong = readManifest();
    const [shortcut] = tooLong.features.shortcuts ?? [];
    if (shortcut) shortcut.name = 'Record decision in Rollout';
    // Slack caps a shortcut's name at 24 characters: the wording would be refused.
    expect(validate(tooLong)).toBe(false);
  });

  it('enables interactivity, the Home tab and the app_home_opened event', () => {
    const m = readManifest();
    expect(m.settings.interactivity.is_enabled).toBe(true);
    expect(m.features.app_home.home_tab_enabled).toBe(true);
    expect(m.settings.event_subscriptions.bot_events).toContain('app_home_opened');
  });

  it('subscribes to every event Rollout listens for, so that Slack sends them', () => {
    const listened = readdirSync(new URL('../src/listeners/events/', import.meta.url))
      .map((file) => readFileSync(new URL(`../src/listeners/events/${file}`, import.meta.url), 'utf8'))
      .flatMap((source) => [...source.matchAll(/app\.event\('([a-z_]+)'/g)].map((m) => m[1]));
    expect(listened).toEqual(
      expect.arrayContaining(['app_home_opened', 'app_uninstalled', 'tokens_revoked']),
    );
    expect([...readManifest().settings.event_subscriptions.bot_events].sort()).toEqual([...listened].sort());
  });

  it('asks for the bot scopes Rollout uses, and not chat:write.public (the digest channel invites the bot)', () => {
    const scopes = readManifest().oauth_config.scopes.bot;
    expect(scopes).toEqual(expect.arrayContaining(BOT_SCOPES));
    expect(scopes).not.toContain('chat:write.public');
  });

  it('runs in Socket Mode, single-workspace, without token rotation', () => {
    const { settings } = readManifest();
    expect(settings.socket_mode_enabled).toBe(true);
    expect(settings.org_deploy_enabled).toBe(false);
    expect(settings.token_rotation_enabled).toBe(false);
  });
});
