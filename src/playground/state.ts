import type { SlackStandIn } from '../slack-standin/stand-in.js';
import type { StandInCanvas, StandInChannel, StoredMessage, StoredView } from '../slack-standin/workspace.js';
import type {
  PlaygroundCanvas,
  PlaygroundMessage,
  PlaygroundShortcut,
  PlaygroundState,
  PlaygroundUser,
  PlaygroundView,
} from './protocol.js';

/** How many traffic entries the inspector shows. */
const INSPECTOR_ENTRIES = 200;

/**
 * The workspace as one person sees it: the demo's channels and their own DM with Rollout, with their own
 * ephemeral messages and nobody else's, their modals and their Home tab.
 */
export function playgroundState(
  slack: SlackStandIn,
  people: readonly PlaygroundUser[],
  channels: readonly StandInChannel[],
  as: string,
  version: number,
  shortcuts: readonly PlaygroundShortcut[] = [],
): PlaygroundState {
  const workspace = slack.workspace;
  const dm = [...workspace.channels.values()].find((c) => c.dmWith === as);
  const shown = new Set([...channels.map((c) => c.id), ...(dm ? [dm.id] : [])]);
  const home = workspace.homeOf(as);
  return {
    version,
    botUserId: 'UBOTROLLOUT',
    users: [...people],
    channels: channels.map(({ id, name }) => ({ id, name })),
    ...(dm ? { dmChannel: dm.id } : {}),
    messages: workspace
      .visibleTo(as)
      .filter((m) => shown.has(m.channel))
      .map(toMessage),
    canvases: [...workspace.canvases.values()].map(toCanvas),
    ...(home ? { home: toView(home) } : {}),
    modals: workspace.modalsOf(as).map(toView),
    inspector: slack.traffic.slice(-INSPECTOR_ENTRIES),
    shortcuts: [...shortcuts],
  };
}

function toMessage(m: StoredMessage): PlaygroundMessage {
  return {
    channel: m.channel,
    ts: m.ts,
    user: m.user,
    ...(m.bot_id ? { botId: m.bot_id } : {}),
    ...(m.text !== undefined ? { text: m.text } : {}),
    ...(Array.isArray(m.blocks) ? { blocks: m.blocks } : {}),
    ephemeral: m.ephemeralTo !== undefined,
    ...(m.thread_ts ? { threadTs: m.thread_ts } : {}),
    ...(m.edited ? { edited: true } : {}),
  };
}

function toCanvas(c: StandInCanvas): PlaygroundCanvas {
  return {
    id: c.id,
    title: c.title,
    markdown: c.markdown,
    ...(c.channel !== undefined ? { channel: c.channel } : {}),
    tabbedIn: [...c.tabbedIn],
    updatedAt: c.updatedAt,
    edits: c.edits,
  };
}

function toView(v: StoredView): PlaygroundView {
  return {
    id: v.id,
    hash: v.hash,
    view: v.view as PlaygroundView['view'],
    ...(v.errors ? { errors: v.errors } : {}),
  };
}
