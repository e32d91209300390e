import type { ComponentChildren } from 'preact';
import { isObj, isSafeUrl } from './block-json.js';
import type { RenderContext } from './context.js';
import { type MrkdwnNode, parseMrkdwn } from './mrkdwn.js';
import { formatSlackDate } from './slack-date.js';

/** The character of `:name:` (with a skin tone when one is given and known), or undefined for an unknown name. */
export function emojiChar(
  name: string,
  skinTone: number | undefined,
  emoji: RenderContext['emoji'],
): string | undefined {
  const own = (key: string) => (Object.hasOwn(emoji, key) ? emoji[key] : undefined);
  return (skinTone ? own(`${name}::skin-tone-${skinTone}`) : undefined) ?? own(name);
}

const EMOJI = /^:([a-z0-9_+'-]+):(?::skin-tone-([2-6]):)?/i;

/** Plain text with its `:emoji:` shown as characters; unknown names stay as written. */
export function emojify(text: string, emoji: RenderContext['emoji']): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const m = text[i] === ':' ? EMOJI.exec(text.slice(i, i + 200)) : null;
    const char = m?.[1] ? emojiChar(m[1], m[2] ? Number(m[2]) : undefined, emoji) : undefined;
    if (m && char !== undefined) {
      out += char;
      i += m[0].length;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

/** A text object as a string, for where only text may go (`<option>`, `aria-label`). */
export function plainString(obj: unknown, ctx: RenderContext): string {
  if (!isObj(obj) || typeof obj.text !== 'string') return '';
  if (obj.type === 'mrkdwn') return obj.text;
  return obj.emoji === false ? obj.text : emojify(obj.text, ctx.emoji);
}

/** A link that opens in a new tab, or in the page when it is one the page shows (a canvas). */
export function Link({
  url,
  ctx,
  children,
}: {
  url: string;
  ctx: RenderContext;
  children: ComponentChildren;
}) {
  if (!isSafeUrl(url)) return <span class="bk-link bk-link--inert">{children}</span>;
  return (
    <a
      class="bk-link"
      href={url}
      target="_blank"
      rel="noreferrer noopener"
      onClick={(e) => {
        if (ctx.openLink?.(url)) e.preventDefault();
      }}
    >
      {children}
    </a>
  );
}

function nodes(list: MrkdwnNode[], ctx: RenderContext): ComponentChildren[] {
  return list.map((node) => renderNode(node, ctx));
}

function renderNode(node: MrkdwnNode, ctx: RenderContext): ComponentChildren {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'bold':
      return <strong>{nodes(node.children, ctx)}</strong>;
    case 'italic':
      return <em>{nodes(node.children, ctx)}</em>;
    case 'strike':
      return <s>{nodes(node.children, ctx)}</s>;
    case 'code':
      return <code class="bk-code">{node.text}</code>;
    case 'pre':
      return <pre class="bk-pre">{node.text}</pre>;
    case 'quote':
      return <blockquote class="bk-quote">{nodes(node.children, ctx)}</blockquote>;
    case 'br':
      return <br />;
    case 'link':
      return (
        <Link url={node.url} ctx={ctx}>
          {nodes(node.children, ctx)}
        </Link>
      );
    case 'user':
      return <span class="bk-mention">@{ctx.users.get(node.id)?.name ?? node.label ?? node.id}</span>;
    case 'channel':
      return <span class="bk-mention">#{ctx.channels.get(node.id)?.name ?? node.label ?? node.id}</span>;
    case 'usergroup': {
      const label = node.label ?? node.id;
      return <span class="bk-mention">{label.startsWith('@') ? label : `@${label}`}</span>;
    }
    case 'special':
      return <span class="bk-mention bk-mention--special">@{node.name}</span>;
    case 'date': {
      const text = formatSlackDate(node.seconds, node.format, ctx.viewer.tz, ctx.now);
      const time = (
        <time class="bk-date" dateTime={new Date(node.seconds * 1000).toISOString()}>
          {text}
        </time>
      );
      return node.link ? (
        <Link url={node.link} ctx={ctx}>
          {time}
        </Link>
      ) : (
        time
      );
    }
    case 'emoji': {
      const char = emojiChar(node.name, node.skinTone, ctx.emoji);
      const written = `:${node.name}:${node.skinTone ? `:skin-tone-${node.skinTone}:` : ''}`;
      return char === undefined ? (
        written
      ) : (
        <span class="bk-emoji" title={written}>
          {char}
        </span>
      );
    }
  }
}

/** Slack mrkdwn, shown as Slack's client shows it. Everything is text nodes: nothing here is parsed as HTML. */
export function Mrkdwn({ text, ctx }: { text: string; ctx: RenderContext }) {
  return <span class="bk-mrkdwn">{nodes(parseMrkdwn(text), ctx)}</span>;
}

/**
 * A Block Kit text object: `plain_text` as written (but for `:emoji:` unless `emoji: false`), `mrkdwn`
 * through `Mrkdwn`. Anything that is not a text object shows nothing.
 */
export function Text({ obj, ctx }: { obj: unknown; ctx: RenderContext }) {
  if (!isObj(obj) || typeof obj.text !== 'string') return null;
  if (obj.type === 'mrkdwn') return <Mrkdwn text={obj.text} ctx={ctx} />;
  return <span class="bk-plain">{plainString(obj, ctx)}</span>;
}
