import { describe, expect, it } from 'vitest';
import { menuIndexAfter, menuPlacement, shortcutsFor } from '../../../src/playground/page/message-menu.js';
import type { PlaygroundShortcut } from '../../../src/playground/protocol.js';

const shortcuts: PlaygroundShortcut[] = [
  { callbackId: 'decision_record_from_message', name: 'Record decision', description: '' },
];

describe('shortcutsFor', () => {
  it('offers the app’s message shortcuts on a message everyone sees', () => {
    expect(shortcutsFor({ ephemeral: false }, shortcuts)).toEqual(shortcuts);
  });

  it('offers none on a message only the viewer sees, as Slack has no menu there', () => {
    expect(shortcutsFor({ ephemeral: true }, shortcuts)).toEqual([]);
  });
});

describe('menuIndexAfter', () => {
  it('moves down and up, wrapping at both ends', () => {
    expect(menuIndexAfter('ArrowDown', 0, 3)).toBe(1);
    expect(menuIndexAfter('ArrowDown', 2, 3)).toBe(0);
    expect(menuIndexAfter('ArrowUp', 0, 3)).toBe(2);
    expect(menuIndexAfter('ArrowUp', 2, 3)).toBe(1);
  });

  it('goes to the first or last item with Home and End', () => {
    expect(menuIndexAfter('Home', 2, 3)).toBe(0);
    expect(menuIndexAfter('End', 0, 3)).toBe(2);
  });

  it('starts from the top when focus is on no item yet', () => {
    expect(menuIndexAfter('ArrowDown', -1, 3)).toBe(0);
  });

  it('leaves other keys, and an empty menu, alone', () => {
    expect(menuIndexAfter('Enter', 1, 3)).toBeUndefined();
    expect(menuIndexAfter('a', 1, 3)).toBeUndefined();
    expect(menuIndexAfter('ArrowDown', 0, 0)).toBeUndefined();
  });
});

describe('menuPlacement', () => {
  const area = { top: 100, bottom: 700 };

  it('opens below the button when the menu fits there', () => {
    expect(menuPlacement({ top: 120, bottom: 150 }, 200, area)).toBe('below');
  });

  it('opens above the button near the bottom, so the last message’s menu is not cut off', () => {
    expect(menuPlacement({ top: 600, bottom: 630 }, 200, area)).toBe('above');
  });

  it('takes the roomier side when it fits on neither', () => {
    expect(menuPlacement({ top: 300, bottom: 330 }, 500, area)).toBe('below');
    expect(menuPlacement({ top: 500, bottom: 530 }, 500, area)).toBe('above');
  });
});
