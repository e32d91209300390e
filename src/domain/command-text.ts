/** `/rollout status "Identity and SSO"` → { sub: 'status', args: ['Identity and SSO'] }. */
export interface CommandText {
  sub: string;
  args: string[];
}

/**
 * What is read of a command's text. Slack sends a few thousand characters at most; anything longer did not
 * come from a person typing, and is not worth parsing.
 */
export const COMMAND_TEXT_LIMIT = 4000;

/**
 * Splits on spaces, keeping "double" or “curly” quoted phrases together (a quote left open runs to the
 * end); the subcommand is lower-cased. Text past COMMAND_TEXT_LIMIT is ignored.
 */
export function parseCommandText(text: string): CommandText {
  const [sub = '', ...args] = commandTokens(text.slice(0, COMMAND_TEXT_LIMIT));
  return { sub: sub.toLowerCase(), args };
}

const SPACE = /\s/;

/**
 * The words and quoted phrases of `text`, in one pass. It reads as the regex
 * `"([^"]*)"|“([^”]*)”|["“]([^"”]*)$|(\S+)` would, but that regex looks for a closing quote afresh at every
 * opening one, which is quadratic on text full of unclosed quotes; here each "where is the next closing
 * quote" is answered once and reused until the scan passes it.
 */
export function commandTokens(text: string): string[] {
  const tokens: string[] = [];
  const push = (token: string) => {
    const trimmed = token.trim();
    if (trimmed) tokens.push(trimmed);
  };
  const next = { '"': nextFinder(text, '"'), '”': nextFinder(text, '”') };
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === '“') {
      const close = next[c === '"' ? '"' : '”'](i + 1);
      if (close !== -1) {
        push(text.slice(i + 1, close));
        i = close + 1;
        continue;
      }
      // Left open: it runs to the end, unless a quote of the other kind follows (then it is a plain word).
      if (next[c === '"' ? '”' : '"'](i + 1) === -1) {
        push(text.slice(i + 1));
        break;
      }
    }
    let end = i + 1;
    while (end < text.length && !SPACE.test(text[end] as string)) end++;
    push(text.slice(i, end));
    i = end;
  }
  return tokens;
}

/** `find(from)`: the index of `quote` at or after `from`, or -1; linear over all calls as `from` only grows. */
function nextFinder(text: string, quote: string): (from: number) => number {
  let found = -2;
  return (from) => {
    if (found === -1 || found >= from) return found;
    found = text.indexOf(quote, from);
    return found;
  };
}
