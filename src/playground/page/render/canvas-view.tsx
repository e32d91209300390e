import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import {
  type CanvasBlock,
  type CanvasInline,
  type CanvasList,
  type CellAlign,
  parseCanvas,
} from './canvas-markdown.js';
import type { RenderContext } from './context.js';
import { Link } from './mrkdwn-view.js';

function inlines(list: CanvasInline[], ctx: RenderContext): ComponentChildren[] {
  return list.map((node) => inline(node, ctx));
}

function inline(node: CanvasInline, ctx: RenderContext): ComponentChildren {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'bold':
      return <strong>{inlines(node.children, ctx)}</strong>;
    case 'italic':
      return <em>{inlines(node.children, ctx)}</em>;
    case 'strike':
      return <s>{inlines(node.children, ctx)}</s>;
    case 'code':
      return <code class="canvas-code">{node.text}</code>;
    case 'br':
      return <br />;
    case 'link':
      return (
        <Link url={node.url} ctx={ctx}>
          {inlines(node.children, ctx)}
        </Link>
      );
    case 'user':
      return <span class="canvas-mention">@{ctx.users.get(node.id)?.name ?? node.id}</span>;
    case 'channel':
      return <span class="canvas-mention">#{ctx.channels.get(node.id)?.name ?? node.id}</span>;
  }
}

const ALIGN_CLASS: Record<CellAlign, string | undefined> = {
  left: 'canvas-align-left',
  center: 'canvas-align-center',
  right: 'canvas-align-right',
  none: undefined,
};

function List({ list, ctx }: { list: CanvasList; ctx: RenderContext }) {
  const items = list.items.map((item, i) => {
    const checklist = item.checked !== undefined;
    const cls = checklist ? (item.checked ? 'canvas-check canvas-check--done' : 'canvas-check') : undefined;
    return (
      <li key={i} class={cls}>
        {/* Disabled: the page ticks nothing for anyone. Styled like Slack's box rather than a grey one. */}
        {checklist && <input type="checkbox" class="canvas-checkbox" checked={item.checked} disabled />}
        <span class="canvas-item-text">{inlines(item.children, ctx)}</span>
        {item.lists.map((nested, j) => (
          <List key={j} list={nested} ctx={ctx} />
        ))}
      </li>
    );
  });
  const checklist = list.items.every((item) => item.checked !== undefined);
  const cls = checklist ? 'canvas-list canvas-list--check' : 'canvas-list';
  return list.ordered ? (
    <ol class={cls} start={list.start}>
      {items}
    </ol>
  ) : (
    <ul class={cls}>{items}</ul>
  );
}

function Block({ block, ctx }: { block: CanvasBlock; ctx: RenderContext }) {
  switch (block.type) {
    case 'heading': {
      const children = inlines(block.children, ctx);
      if (block.level === 1) return <h1 class="canvas-h1">{children}</h1>;
      if (block.level === 2) return <h2 class="canvas-h2">{children}</h2>;
      return <h3 class="canvas-h3">{children}</h3>;
    }
    case 'paragraph':
      return <p class="canvas-p">{inlines(block.children, ctx)}</p>;
    case 'list':
      return <List list={block} ctx={ctx} />;
    case 'table':
      return (
        <div class="canvas-table-wrap">
          <table class="canvas-table">
            <thead>
              <tr>
                {block.header.map((cell, i) => (
                  <th key={i} class={ALIGN_CLASS[block.align[i] ?? 'none']}>
                    {inlines(cell, ctx)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} class={ALIGN_CLASS[block.align[i] ?? 'none']}>
                      {inlines(cell, ctx)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'divider':
      return <hr class="canvas-divider" />;
    case 'quote':
      return <blockquote class="canvas-quote">{inlines(block.children, ctx)}</blockquote>;
    case 'code':
      return <pre class="canvas-pre">{block.text}</pre>;
  }
}

/**
 * A canvas's Markdown, shown as Slack shows a canvas. Everything is elements and text nodes made from the
 * parsed tree: nothing of the document is ever read as HTML.
 */
export function CanvasDocument({ markdown, ctx }: { markdown: string; ctx: RenderContext }) {
  const blocks = useMemo(() => parseCanvas(markdown), [markdown]);
  if (!blocks.length) return <p class="canvas-empty">This canvas is empty.</p>;
  return (
    <div class="canvas-doc">
      {blocks.map((block, i) => (
        <Block key={i} block={block} ctx={ctx} />
      ))}
    </div>
  );
}
