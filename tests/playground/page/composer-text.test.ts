import { describe, expect, it } from 'vitest';
import { composerIntent } from '../../../src/playground/page/composer-text.js';

describe('composerIntent', () => {
  it('sends a slash command as typed, without surrounding space', () => {
    expect(composerIntent('  /rollout status identity-sso \n')).toEqual({
      kind: 'command',
      text: '/rollout status identity-sso',
    });
  });

  it('does nothing for an empty composer', () => {
    expect(composerIntent(' \n ')).toEqual({ kind: 'empty' });
  });

  it('treats anything else as chat, which is not sent', () => {
    expect(composerIntent('hello /rollout')).toEqual({ kind: 'chat' });
    expect(composerIntent('/ rollout')).toEqual({ kind: 'chat' });
    expect(composerIntent('//rollout')).toEqual({ kind: 'chat' });
  });
});
