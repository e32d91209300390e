import { describe, expect, it } from 'vitest';
import { isSlackUserId } from '../../src/domain/slack-user.js';
import { mention } from '../../src/ui/mrkdwn.js';

describe('isSlackUserId', () => {
  it('takes user IDs as Slack writes them, old and new, U and W', () => {
    for (const id of ['U012ABCDEF', 'U0G9QF9C6', 'W0123ABCD', 'U05QX2R8L0M', 'U0456'])
      expect(isSlackUserId(id), id).toBe(true);
  });

  it('leaves short capitalised names, actors and lower-case text as names', () => {
    for (const name of ['UXR', 'WEB', 'UTC', 'USER', 'import', 'u012abcdef', 'U', 'X0123ABCD'])
      expect(isSlackUserId(name), name).toBe(false);
  });

  it('so an owner typed as a name is shown as text, never as a mention', () => {
    expect(mention('UXR')).toBe('UXR');
    expect(mention('U012ABCDEF')).toBe('<@U012ABCDEF>');
  });
});
