import { describe, expect, it } from 'vitest';
import { messageShortcuts } from '../../src/playground/manifest-shortcuts.js';
import { SHORTCUTS } from '../../src/ui/ids.js';

describe('messageShortcuts', () => {
  it('reads the message shortcuts manifest.yml declares, as the app answers them', () => {
    expect(messageShortcuts()).toContainEqual({
      callbackId: SHORTCUTS.recordDecision,
      name: 'Record decision',
      description: expect.any(String),
    });
  });

  it('keeps the manifest’s order and leaves out global shortcuts, which no message menu lists', () => {
    const manifest = [
      'features:',
      '  shortcuts:',
      '    - { name: Second, type: message, callback_id: second }',
      '    - { name: Anywhere, type: global, callback_id: anywhere, description: from the picker }',
      '    - { name: First, type: message, callback_id: first, description: one }',
    ].join('\n');
    expect(messageShortcuts(manifest)).toEqual([
      { callbackId: 'second', name: 'Second', description: '' },
      { callbackId: 'first', name: 'First', description: 'one' },
    ]);
  });

  it('lists none for a manifest without shortcuts', () => {
    expect(messageShortcuts('features:\n  bot_user: { display_name: Rollout }\n')).toEqual([]);
    expect(messageShortcuts('display_information: { name: Rollout }\n')).toEqual([]);
  });

  it('refuses shortcuts it cannot read, rather than showing an empty menu', () => {
    expect(() =>
      messageShortcuts('features:\n  shortcuts:\n    - { name: Broken, type: message }\n'),
    ).toThrow(/callback_id/);
  });
});
