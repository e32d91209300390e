import type { PlaygroundMessage, PlaygroundShortcut } from '../../protocol.js';
import { shortcutsFor } from '../message-menu.js';
import { Blocks } from '../render/blocks.js';
import type { RenderContext } from '../render/context.js';
import { Text } from '../render/mrkdwn-view.js';
import { formatClock, formatFull, tsToDate } from '../time-format.js';
import { MessageActions } from './message-actions.js';

interface MessageProps {
  message: PlaygroundMessage;
  /** The message surface's context; its onAction is set per message here. */
  ctx: RenderContext;
  onAction: NonNullable<RenderContext['onAction']>;
  /** The app's message shortcuts, for the "More actions" menu. */
  shortcuts: readonly PlaygroundShortcut[];
  onShortcut: (callbackId: string) => void;
}

export function Message({ message, ctx, onAction, shortcuts, onShortcut }: MessageProps) {
  const isApp = message.botId !== undefined;
  const author = isApp ? 'Rollout' : `@${ctx.users.get(message.user)?.name ?? message.user}`;
  const messageCtx: RenderContext = { ...ctx, surface: 'message', onAction };
  return (
    <article class={message.ephemeral ? 'message message-ephemeral' : 'message'}>
      <div class={isApp ? 'avatar avatar-app' : 'avatar'} aria-hidden="true">
        {(isApp ? 'R' : (ctx.users.get(message.user)?.name ?? '?').charAt(0)).toUpperCase()}
      </div>
      <div class="message-main">
        {message.ephemeral && <div class="message-ephemeral-note">Only visible to you</div>}
        <div class="message-meta">
          <span class="message-author">{author}</span>
          {isApp && <span class="app-badge">APP</span>}
          <time
            class="message-time"
            dateTime={tsToDate(message.ts).toISOString()}
            title={formatFull(message.ts, ctx.viewer.tz)}
          >
            {formatClock(message.ts, ctx.viewer.tz)}
          </time>
        </div>
        <div class="message-body">
          {message.blocks?.length ? (
            <Blocks blocks={message.blocks} ctx={messageCtx} />
          ) : (
            <Text obj={{ type: 'mrkdwn', text: message.text ?? '' }} ctx={messageCtx} />
          )}
          {message.edited && <span class="message-edited">(edited)</span>}
        </div>
      </div>
      <MessageActions shortcuts={shortcutsFor(message, shortcuts)} onShortcut={onShortcut} />
    </article>
  );
}
