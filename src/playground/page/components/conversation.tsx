import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ActionInput, PlaygroundMessage } from '../../protocol.js';
import { byDay, conversation } from '../message-order.js';
import type { RenderContext } from '../render/context.js';
import { Composer } from './composer.js';
import { Thread } from './thread.js';

interface ConversationProps {
  channel: string;
  /** "#leadership", or "Rollout" for the DM. */
  title: string;
  isDm: boolean;
  messages: readonly PlaygroundMessage[];
  ctx: RenderContext;
  onAction: (message: PlaygroundMessage, action: ActionInput) => void;
  /** Sends a slash command typed here; resolves true when the server took it. */
  onCommand: (text: string) => Promise<boolean>;
}

/** How close to the bottom counts as "reading the latest", in pixels. */
const NEAR_BOTTOM = 80;

export function Conversation(props: ConversationProps) {
  const days = byDay(conversation(props.messages, props.channel), props.ctx.viewer.tz, props.ctx.now);
  const count = props.messages.length;
  const scroller = useRef<HTMLDivElement>(null);
  // Follows new messages like Slack, unless the person scrolled up to read older ones.
  const following = useRef(true);

  const shownChannel = useRef<string | undefined>(undefined);

  // A new message (count) or another channel is what moves the view.
  useLayoutEffect(() => {
    const el = scroller.current;
    const switched = shownChannel.current !== props.channel;
    shownChannel.current = props.channel;
    if (el && (switched || following.current)) el.scrollTop = el.scrollHeight;
  }, [props.channel, count]);

  return (
    <section class="conversation" aria-label={props.title}>
      <header class="pane-header">
        <h1 class="pane-title">{props.title}</h1>
        {props.isDm && <span class="app-badge">APP</span>}
      </header>
      <div
        class="conversation-scroll"
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          following.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM;
        }}
      >
        {days.length === 0 && (
          <p class="conversation-empty">
            No messages here yet. Type <code>/rollout help</code> below to see what Rollout can do.
          </p>
        )}
        {days.map((day) => (
          <div key={day.day} class="day">
            <div class="day-divider">
              <span>{day.label}</span>
            </div>
            {day.threads.map((thread) => (
              <Thread key={thread.key} thread={thread} ctx={props.ctx} onAction={props.onAction} />
            ))}
          </div>
        ))}
      </div>
      <Composer key={props.channel} placeholder={`Message ${props.title}`} onCommand={props.onCommand} />
    </section>
  );
}
