/**
 * What the playground page and its server say to each other (JSON over HTTP, plus a server-sent event
 * stream that only says "something changed"). The page is a small Slack client: it reads the workspace as
 * one person sees it, and asks the server to do what Slack's client would (send a command, click, submit).
 * Block Kit travels as Slack's own JSON; nothing here is HTML.
 */

/** One person of the demo workspace. */
export interface PlaygroundUser {
  id: string;
  /** Display name, shown as @name. */
  name: string;
  realName: string;
  tz: string;
  /** What this person is in the demo ("Owner, Platform", "Admin", "Member, owns nothing"). */
  role: string;
}

export interface PlaygroundChannel {
  id: string;
  /** Without the #. */
  name: string;
}

/** A message shortcut the app's manifest declares: a message's "More actions" menu lists it. */
export interface PlaygroundShortcut {
  callbackId: string;
  /** As the menu shows it ("Record decision"). */
  name: string;
  description: string;
}

/** A message as the acting person sees it. */
export interface PlaygroundMessage {
  channel: string;
  ts: string;
  /** The author's user ID (Rollout's bot user for the app's messages). */
  user: string;
  /** Set when Rollout (a bot) posted it. */
  botId?: string;
  text?: string;
  blocks?: unknown[];
  /** Shown to this person only ("Only visible to you"). */
  ephemeral: boolean;
  /** Replies to this message, oldest first (a thread). */
  threadTs?: string;
  /** Set once the message was changed after it was posted (chat.update, replace_original). */
  edited?: boolean;
}

/** A canvas of the workspace: a channel's own, or a standalone one (perhaps a tab in channels). */
export interface PlaygroundCanvas {
  id: string;
  title: string;
  /** The document as canvas Markdown; the page parses it and shows it as text, never as HTML. */
  markdown: string;
  /** The channel whose own canvas it is. */
  channel?: string;
  /** Channels where it shows as a tab. */
  tabbedIn: string[];
  /** Milliseconds since the epoch. */
  updatedAt: number;
  /** How many times the app edited it (canvases.edit). */
  edits: number;
}

/** A modal in the acting person's stack, as Slack holds it. */
export interface PlaygroundView {
  id: string;
  hash: string;
  /** Slack's view object: type, title, submit, close, blocks, callback_id, private_metadata… */
  view: Record<string, unknown> & { blocks?: unknown[] };
  /** Errors from `response_action: "errors"`, by block_id. */
  errors?: Record<string, string>;
}

/** A Web API call the app made, or a request the stand-in sent the app, for the inspector. */
export type InspectorEntry = TrafficEntry;

/** Everything the page shows for one acting person. */
export interface PlaygroundState {
  /** Goes up with every change; the event stream sends it. */
  version: number;
  botUserId: string;
  users: PlaygroundUser[];
  channels: PlaygroundChannel[];
  /** The acting person's DM with Rollout (opened by the app with conversations.open), if any. */
  dmChannel?: string;
  /** Messages of every channel and of the acting person's DM with Rollout, as that person sees them. */
  messages: PlaygroundMessage[];
  /** Every canvas of the workspace: channels show theirs as tabs, and a link to any of them opens it. */
  canvases: PlaygroundCanvas[];
  /** The acting person's App Home tab as last published (views.publish), if ever. */
  home?: PlaygroundView;
  /** The acting person's open modals, bottom first (Slack keeps at most three). */
  modals: PlaygroundView[];
  /** The latest calls and requests, newest last (the inspector). */
  inspector: InspectorEntry[];
  /** The app's message shortcuts, from manifest.yml. */
  shortcuts: PlaygroundShortcut[];
}

export type {
  ActionContainer,
  ActionInput,
  SelectedOption,
  StateValue,
  ViewState,
} from '../slack-standin/interactions.js';

import type { ActionContainer, ActionInput, ViewState } from '../slack-standin/interactions.js';
import type { TrafficEntry } from '../slack-standin/stand-in.js';

/** POST /api/command */
export interface CommandRequest {
  as: string;
  channel: string;
  /** Everything typed, starting with the command: "/rollout status". */
  text: string;
}

/** POST /api/action */
export interface ActionRequest {
  as: string;
  container: ActionContainer;
  action: ActionInput;
  /** The view's input values when the action happened in a modal or the Home tab. */
  state?: ViewState;
}

/** POST /api/submit */
export interface SubmitRequest {
  as: string;
  viewId: string;
  state: ViewState;
}

/** POST /api/close */
export interface CloseRequest {
  as: string;
  viewId: string;
}

/** POST /api/shortcut: a message shortcut picked from a message's "More actions" menu. */
export interface ShortcutRequest {
  as: string;
  channel: string;
  ts: string;
  callbackId: string;
}

/** POST /api/home */
export interface HomeRequest {
  as: string;
}

/** The answer to every POST: what happened, in words the page can show when it went wrong. */
export interface PlaygroundAnswer {
  ok: boolean;
  /** Why it failed, as Slack would show it ("Rollout did not respond", "invalid_blocks: …"). */
  error?: string;
  /** What happened, in plain words, where there is something to say ("Posted the digest to #leadership"). */
  message?: string;
}
