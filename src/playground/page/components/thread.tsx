import { useState } from 'preact/hooks';
import type { ActionInput, PlaygroundMessage, PlaygroundShortcut } from '../../protocol.js';
import type { ThreadedMessage } from '../message-order.js';
import type { RenderContext } from '../render/context.js';
import { Message } from './message.js';

interface ThreadProps {
  thread: ThreadedMessage;
  ctx: RenderContext;
  onAction: (message: PlaygroundMessage, action: ActionInput) => void;
  shortcuts: readonly PlaygroundShortcut[];
  onShortcut: (message: PlaygroundMessage, callbackId: string) => void;
}

/** A message with its thread's replies under it, indented; open by default so nothing is hidden. */
export function Thread({ thread, ctx, onAction, shortcuts, onShortcut }: ThreadProps) {
  const [open, setOpen] = useState(true);
  const count = thread.replies.length;
  const repliesId = `replies-${thread.key}`;
  return (
    <div class="thread">
      <Message
        message={thread.message}
        ctx={ctx}
        onAction={(a) => onAction(thread.message, a)}
        shortcuts={shortcuts}
        onShortcut={(id) => onShortcut(thread.message, id)}
      />
      {count > 0 && (
        <div class="thread-replies">
          <button
            type="button"
            class="thread-toggle"
            aria-expanded={open}
            aria-controls={repliesId}
            onClick={() => setOpen(!open)}
          >
            {count === 1 ? '1 reply' : `${count} replies`}
          </button>
          {open && (
            <div id={repliesId} class="thread-reply-list">
              {thread.replies.map((reply) => (
                <Message
                  key={`${reply.ts}${reply.ephemeral ? '-ephemeral' : ''}`}
                  message={reply}
                  ctx={ctx}
                  onAction={(a) => onAction(reply, a)}
                  shortcuts={shortcuts}
                  onShortcut={(id) => onShortcut(reply, id)}
                />
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
