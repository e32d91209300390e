/** What pressing Enter in the composer does with what was typed. */
export type ComposerIntent =
  | { kind: 'empty' }
  /** Sent to the server as typed (trimmed), starting with the command: "/rollout status". */
  | { kind: 'command'; text: string }
  /** Plain chat: nothing is sent, the composer explains why. */
  | { kind: 'chat' };

/**
 * The playground posts no messages of its own: Slack gives an app only the slash commands typed at it, so
 * faking user chatter would show the app something it never sees in a real workspace.
 */
export const CHAT_HINT =
  'Only slash commands reach apps in this playground; plain messages are not sent. Try /rollout help.';

export function composerIntent(raw: string): ComposerIntent {
  const text = raw.trim();
  if (!text) return { kind: 'empty' };
  // Slack treats "/" followed by a name as a command; a lone "/" or "/ hello" is ordinary text.
  if (/^\/[^\s/]/.test(text)) return { kind: 'command', text };
  return { kind: 'chat' };
}
