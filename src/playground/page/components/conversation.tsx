import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ActionInput, PlaygroundCanvas, PlaygroundMessage, PlaygroundShortcut } from '../../protocol.js';
import { byDay, conversation } from '../message-order.js';
import type { RenderContext } from '../render/context.js';
import { CanvasPanel } from './canvas-panel.js';
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
  /** The app's message shortcuts, offered in each message's "More actions" menu. */
  shortcuts: readonly PlaygroundShortcut[];
  onShortcut: (message: PlaygroundMessage, callbackId: string) => void;
  /** Sends a slash command typed here; resolves true when the server took it. */
  onCommand: (text: string) => Promise<boolean>;
  /** The canvases shown as tabs beside the messages (none: no tab bar). */
  canvases: readonly PlaygroundCanvas[];
  /** The canvas shown instead of the messages, if one is. */
  canvas: string | undefined;
  /** Shows a canvas, or the messages (undefined). */
  onTab: (canvas: string | undefined) => void;
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
  const open = props.canvases.find((c) => c.id === props.canvas);

  // A new message (count), another channel, or coming back from a canvas is what moves the view.
  useLayoutEffect(() => {
    const el = scroller.current;
    const shown = open ? undefined : props.channel;
    const switched = shownChannel.current !== shown;
    shownChannel.current = shown;
    if (el && (switched || following.current)) el.scrollTop = el.scrollHeight;
  }, [props.channel, count, open]);

  return (
    <section class="conversation" aria-label={props.title}>
      <header class="pane-header">
        <h1 class="pane-title">{props.title}</h1>
        {props.isDm && <span class="app-badge">APP</span>}
        {props.canvases.length > 0 && (
          <div class="pane-tabs" role="tablist" aria-label={`${props.title} tabs`}>
            <Tab selected={!open} onSelect={() => props.onTab(undefined)}>
              Messages
            </Tab>
            {props.canvases.map((c) => (
              <Tab key={c.id} selected={open?.id === c.id} onSelect={() => props.onTab(c.id)}>
                <span class="pane-tab-icon" aria-hidden="true">
                  ▤
                </span>
                {c.title}
              </Tab>
            ))}
          </div>
        )}
      </header>
      {open ? (
        <div role="tabpanel" class="canvas-tabpanel" aria-label={open.title}>
          <CanvasPanel canvas={open} ctx={props.ctx} />
        </div>
      ) : (
        <>
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
                  <Thread
                    key={thread.key}
                    thread={thread}
                    ctx={props.ctx}
                    onAction={props.onAction}
                    shortcuts={props.shortcuts}
                    onShortcut={props.onShortcut}
                  />
                ))}
              </div>
            ))}
          </div>
          <Composer key={props.channel} placeholder={`Message ${props.title}`} onCommand={props.onCommand} />
        </>
      )}
    </section>
  );
}

function Tab(props: { selected: boolean; onSelect: () => void; children: ComponentChildren }) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={props.selected}
      class={props.selected ? 'pane-tab pane-tab--button pane-tab--selected' : 'pane-tab pane-tab--button'}
      onClick={props.onSelect}
    >
      {props.children}
    </button>
  );
}
