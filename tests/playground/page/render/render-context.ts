import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { RenderContext } from '../../../../src/playground/page/render/context.js';

/** A reader in Los Angeles on Monday 23 Nov 2026, 10:00, who knows a few people, channels and emoji. */
export function renderContext(over: Partial<RenderContext> = {}): RenderContext {
  return {
    viewer: { id: 'UVIEWER1', tz: 'America/Los_Angeles' },
    users: new Map([
      ['UOWNER01', { name: 'ana' }],
      ['UOWNER02', { name: 'ben' }],
    ]),
    channels: new Map([
      ['C0LEADERS', { name: 'leaders' }],
      ['C0GENERAL', { name: 'general' }],
    ]),
    emoji: {
      wave: '👋',
      white_check_mark: '✅',
      red_circle: '🔴',
      '+1': '👍',
      '+1::skin-tone-2': '👍🏻',
      rocket: '🚀',
    },
    surface: 'message',
    now: new Date('2026-11-23T18:00:00Z'),
    ...over,
  };
}

export const html = (node: VNode) => renderToString(node);

/** The text a reader sees: the markup without tags, with Preact's escapes undone. */
export function visibleText(node: VNode): string {
  return html(node)
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
