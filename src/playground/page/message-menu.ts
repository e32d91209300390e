import type { PlaygroundMessage, PlaygroundShortcut } from '../protocol.js';

/**
 * The message shortcuts a message's "More actions" menu offers: the app's own, on a message everyone in
 * the conversation sees. Slack has no such menu on an ephemeral message ("Only visible to you").
 */
export function shortcutsFor(
  message: Pick<PlaygroundMessage, 'ephemeral'>,
  shortcuts: readonly PlaygroundShortcut[],
): readonly PlaygroundShortcut[] {
  return message.ephemeral ? [] : shortcuts;
}

/**
 * Which item of an open menu has focus after a key, as ARIA's menu pattern moves it (wrapping at both
 * ends); undefined for a key the menu leaves alone.
 */
export function menuIndexAfter(key: string, current: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
    case 'PageUp':
      return 0;
    case 'End':
    case 'PageDown':
      return count - 1;
    default:
      return undefined;
  }
}

/**
 * Where a menu opens: below its button when it fits within the scrolling area, else above when it fits
 * there, else on whichever side has more room (so that the last message's menu is not cut off by the
 * composer).
 */
export function menuPlacement(
  anchor: { top: number; bottom: number },
  menuHeight: number,
  area: { top: number; bottom: number },
): 'below' | 'above' {
  const below = area.bottom - anchor.bottom;
  const above = anchor.top - area.top;
  if (menuHeight <= below) return 'below';
  if (menuHeight <= above) return 'above';
  return above > below ? 'above' : 'below';
}
