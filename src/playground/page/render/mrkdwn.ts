/**
 * Slack's mrkdwn, parsed the way Slack's client reads it. The text is Slack's wire format: `&`, `<` and `>`
 * typed by people arrive as `&amp;`, `&lt;` and `&gt;`, so a raw `<…>` is always a control sequence (link,
 * mention, date) and the entities are decoded only in what ends up as text.
 */

export type MrkdwnNode =
  | { type: 'text'; text: string }
  | { type: 'bold' | 'italic' | 'strike'; children: MrkdwnNode[] }
  | { type: 'code'; text: string }
  | { type: 'pre'; text: string }
  | { type: 'quote'; children: MrkdwnNode[] }
  | { type: 'br' }
  | { type: 'link'; url: string; children: MrkdwnNode[] }
  | { type: 'user'; id: string; label?: string }
  | { type: 'channel'; id: string; label?: string }
  | { type: 'usergroup'; id: string; label?: string }
  | { type: 'special'; name: 'here' | 'channel' | 'everyone' }
  | { type: 'date'; seconds: number; format: string; link?: string; fallback: string }
  | { type: 'emoji'; name: string; skinTone?: number };

export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

export function parseMrkdwn(text: string): MrkdwnNode[] {
  const nodes: MrkdwnNode[] = [];
  // A code block is taken first: nothing inside it is formatting, not even a quote marker or a newline.
  const pre = /```([\s\S]+?)```/g;
  let from = 0;
  for (let m = pre.exec(text); m; m = pre.exec(text)) {
    // The block starts and ends its own line, so the newline beside it would be a blank line too many.
    nodes.push(...parseLines(text.slice(from, m.index).replace(/\r?\n$/, '')));
    nodes.push({
      type: 'pre',
      text: decodeEntities((m[1] ?? '').replace(/^\r?\n/, '').replace(/\r?\n$/, '')),
    });
    from = m.index + m[0].length;
    if (text[from] === '\n') from++;
    else if (text.startsWith('\r\n', from)) from += 2;
  }
  nodes.push(...parseLines(text.slice(from)));
  return nodes;
}

/** A quote marker is `>` as written, or `&gt;` as Slack stores what people type. */
const QUOTE = /^(?:>|&gt;)(?: )?/;
const QUOTE_REST = /^(?:>>>|&gt;&gt;&gt;)(?: )?/;

function parseLines(text: string): MrkdwnNode[] {
  if (text === '') return [];
  const out: MrkdwnNode[] = [];
  let quote: MrkdwnNode[] | undefined;
  let afterLine = false;
  let restQuoted = false;
  for (const raw of text.split('\n')) {
    let line = raw.replace(/\r$/, '');
    let quoted = restQuoted;
    const rest = QUOTE_REST.exec(line);
    if (!restQuoted && rest) {
      // `>>>` quotes everything after it, to the end of the text.
      restQuoted = true;
      quoted = true;
      line = line.slice(rest[0].length);
    } else if (!restQuoted) {
      const one = QUOTE.exec(line);
      if (one) {
        quoted = true;
        line = line.slice(one[0].length);
      }
    }
    if (quoted) {
      if (quote) quote.push({ type: 'br' });
      else {
        quote = [];
        out.push({ type: 'quote', children: quote });
      }
      quote.push(...parseInline(line));
      afterLine = false;
    } else {
      // A quote is a block of its own: the line after it starts on a new line without a break.
      if (afterLine) out.push({ type: 'br' });
      quote = undefined;
      out.push(...parseInline(line));
      afterLine = true;
    }
  }
  return out;
}

/** A character of text, or something already read whole (a `<…>` sequence, inline code, an emoji). */
type Item = string | { atom: MrkdwnNode };

const EMOJI = /^:([a-z0-9_+'-]+):(?::skin-tone-([2-6]):)?/i;
const MARKERS: Record<string, 'bold' | 'italic' | 'strike'> = { '*': 'bold', _: 'italic', '~': 'strike' };

/** Parses one line: inline sequences first, so that a `*` or `_` inside a URL or an emoji name is not a marker. */
export function parseInline(line: string): MrkdwnNode[] {
  const items: Item[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] ?? '';
    if (c === '<') {
      const end = line.indexOf('>', i + 1);
      const inner = end > i + 1 ? line.slice(i + 1, end) : '';
      const node = inner && !inner.includes('<') ? parseAngle(inner) : undefined;
      if (node) {
        items.push({ atom: node });
        i = end + 1;
        continue;
      }
    } else if (c === '`') {
      const end = line.indexOf('`', i + 1);
      if (end > i + 1) {
        items.push({ atom: { type: 'code', text: decodeEntities(line.slice(i + 1, end)) } });
        i = end + 1;
        continue;
      }
    } else if (c === ':') {
      const m = EMOJI.exec(line.slice(i, i + 200));
      if (m?.[1]) {
        const node: MrkdwnNode = { type: 'emoji', name: m[1] };
        if (m[2]) node.skinTone = Number(m[2]);
        items.push({ atom: node });
        i += m[0].length;
        continue;
      }
    }
    items.push(c);
    i++;
  }
  return formatted(items, 0, items.length);
}

const isSpace = (item: Item | undefined) => typeof item === 'string' && /\s/.test(item);
const isWord = (item: Item | undefined) => typeof item === 'string' && /[\p{L}\p{N}]/u.test(item);

/**
 * Markers count only at word boundaries, as in Slack: an opening one follows the start, a space or
 * punctuation and comes before something that is not a space; a closing one mirrors it. So
 * `snake_case_name` and `2*3*4` stay as written.
 */
function formatted(items: Item[], from: number, to: number): MrkdwnNode[] {
  const out: MrkdwnNode[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text: decodeEntities(text) });
    text = '';
  };
  // Whether a closer is valid does not depend on the opener, so once none is found for a marker, none
  // will be for a later one in this range: skipping those keeps a long line of stray markers linear.
  const unclosed = new Set<string>();
  let i = from;
  while (i < to) {
    const item = items[i];
    if (item === undefined) break;
    if (typeof item !== 'string') {
      flush();
      out.push(item.atom);
      i++;
      continue;
    }
    const kind = MARKERS[item];
    const close = kind && !unclosed.has(item) ? closingMarker(items, i, from, to) : NOT_OPENING;
    if (close === NO_CLOSER) unclosed.add(item);
    if (kind && close >= 0) {
      flush();
      out.push({ type: kind, children: formatted(items, i + 1, close) });
      i = close + 1;
      continue;
    }
    text += item;
    i++;
  }
  flush();
  return out;
}

const NOT_OPENING = -1;
const NO_CLOSER = -2;

/** Where the marker at `at` closes, NOT_OPENING when it cannot open, NO_CLOSER when nothing closes it. */
function closingMarker(items: Item[], at: number, from: number, to: number): number {
  const marker = items[at];
  const before = at > from ? items[at - 1] : undefined;
  if (isWord(before) || before === marker) return NOT_OPENING;
  if (at + 1 >= to || isSpace(items[at + 1]) || items[at + 1] === marker) return NOT_OPENING;
  for (let j = at + 2; j < to; j++) {
    if (items[j] !== marker || isSpace(items[j - 1])) continue;
    const after = j + 1 < to ? items[j + 1] : undefined;
    if (!isWord(after) && after !== marker) return j;
  }
  return NO_CLOSER;
}

const SPECIAL = new Set(['here', 'channel', 'everyone']);

/** What is between `<` and `>`, or undefined when it is no sequence Slack knows (shown as written). */
function parseAngle(inner: string): MrkdwnNode | undefined {
  const bar = inner.indexOf('|');
  const head = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : decodeEntities(inner.slice(bar + 1));
  const labelled = <T extends MrkdwnNode>(node: T): T => (label ? { ...node, label } : node);
  if (head.startsWith('@'))
    return head.length > 1 ? labelled({ type: 'user', id: head.slice(1) }) : undefined;
  if (head.startsWith('#'))
    return head.length > 1 ? labelled({ type: 'channel', id: head.slice(1) }) : undefined;
  if (head.startsWith('!')) {
    const [command = '', ...args] = head.slice(1).split('^');
    if (SPECIAL.has(command) && args.length === 0)
      return { type: 'special', name: command as 'here' | 'channel' | 'everyone' };
    if (command === 'subteam' && args[0]) return labelled({ type: 'usergroup', id: args[0] });
    if (command === 'date') return dateNode(args, label);
    return undefined;
  }
  const url = decodeEntities(head);
  if (!url.trim()) return undefined;
  return {
    type: 'link',
    url,
    children: label ? parseInline(inner.slice(bar + 1)) : [{ type: 'text', text: url }],
  };
}

/** `<!date^seconds^format^link|fallback>`: a time each reader sees in their own zone. */
function dateNode(args: string[], fallback: string | undefined): MrkdwnNode {
  const [seconds = '', format = '', link] = args;
  const shown = fallback ?? '';
  if (!/^-?\d+$/.test(seconds) || !format) return { type: 'text', text: shown };
  const node: MrkdwnNode = { type: 'date', seconds: Number(seconds), format, fallback: shown };
  if (link) node.link = decodeEntities(link);
  return node;
}
