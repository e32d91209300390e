/** `/rollout status "Identity and SSO"` → { sub: 'status', args: ['Identity and SSO'] }. */
export interface CommandText {
  sub: string;
  args: string[];
}

/** Splits on spaces, keeping "double" or “curly” quoted phrases together; the subcommand is lower-cased. */
export function parseCommandText(text: string): CommandText {
  const tokens: string[] = [];
  const re = /"([^"]*)"|“([^”]*)”|(\S+)/g;
  for (const m of text.matchAll(re)) tokens.push(m[1] ?? m[2] ?? m[3] ?? '');
  const [sub = '', ...args] = tokens;
  return { sub: sub.toLowerCase(), args };
}
