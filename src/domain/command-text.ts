/** `/rollout status "Identity and SSO"` → { sub: 'status', args: ['Identity and SSO'] }. */
export interface CommandText {
  sub: string;
  args: string[];
}

/**
 * Splits on spaces, keeping "double" or “curly” quoted phrases together (a quote left open runs to the
 * end); the subcommand is lower-cased.
 */
export function parseCommandText(text: string): CommandText {
  const tokens: string[] = [];
  const re = /"([^"]*)"|“([^”]*)”|["“]([^"”]*)$|(\S+)/g;
  for (const m of text.matchAll(re)) {
    const token = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (token) tokens.push(token);
  }
  const [sub = '', ...args] = tokens;
  return { sub: sub.toLowerCase(), args };
}
