import { describe, expect, it } from 'vitest';
import { MessageActions } from '../../../src/playground/page/components/message-actions.js';
import type { PlaygroundShortcut } from '../../../src/playground/protocol.js';
import { html } from './render/render-context.js';

const record: PlaygroundShortcut = {
  callbackId: 'decision_record_from_message',
  name: 'Record decision',
  description: 'Record the decision this message made',
};

describe('MessageActions', () => {
  it('is a closed menu button named More actions', () => {
    const out = html(<MessageActions shortcuts={[record]} onShortcut={() => undefined} />);
    expect(out).toContain('aria-label="More actions"');
    expect(out).toContain('aria-haspopup="menu"');
    expect(out).toContain('aria-expanded="false"');
    // Closed, the menu is not in the page at all.
    expect(out).not.toContain('role="menu"');
    expect(out).not.toContain('Record decision');
  });

  it('is left out when there is nothing to offer', () => {
    expect(html(<MessageActions shortcuts={[]} onShortcut={() => undefined} />)).toBe('');
  });
});
