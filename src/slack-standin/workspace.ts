/**
 * What the stand-in's workspace holds, as Slack would: people, channels, the messages in them (ephemeral
 * ones visible to one person), canvases, each person's stack of modals and Home tab. The Web API handlers and the
 * client side (what a person does in Slack) both change it; the playground page reads it.
 */

type Obj = Record<string, unknown>;

export interface StandInUser {
  id: string;
  /** The handle, shown as @name. */
  name: string;
  realName: string;
  tz: string;
  /** The person's Slack status, as `users.profile.get` gives it. */
  statusText?: string;
  /** With colons, ':palm_tree:'. */
  statusEmoji?: string;
  /** Unix seconds when the status clears; 0 or unset when it does not. */
  statusExpiration?: number;
}

export interface StandInChannel {
  id: string;
  name: string;
  /** A direct message between Rollout and this person. */
  dmWith?: string;
  /** False when Rollout's bot user is not in the channel (it is, unless told otherwise). */
  botMember?: boolean;
}

export type CanvasAccessLevel = 'read' | 'write' | 'owner';

/** A canvas as Slack keeps it: a channel's own, or a standalone one (perhaps shown as a tab in channels). */
export interface StandInCanvas {
  /** 'F' and digits or capitals, like Slack's file IDs ('F0CANVAS0001'). */
  id: string;
  title: string;
  /** The whole document, as canvas Markdown. */
  markdown: string;
  /** The channel whose own canvas this is (conversations.canvases.create); unset for a standalone one. */
  channel?: string;
  /** Channels where a standalone canvas shows as a tab (canvases.create with channel_id). */
  tabbedIn: string[];
  access: {
    channels: Record<string, CanvasAccessLevel>;
    users: Record<string, CanvasAccessLevel>;
  };
  /** BOT_USER when the app made it, else a person's ID. */
  createdBy: string;
  /** Successful canvases.edit calls on it. */
  edits: number;
  /** Milliseconds, from the stand-in's clock. */
  updatedAt: number;
}

/** What a new canvas is made from: by the app through the Web API, or seeded by a test as a person's. */
export interface NewCanvas {
  channel?: string;
  title: string;
  markdown: string;
  createdBy: string;
  tabbedIn?: string[];
}

export interface StoredMessage {
  ts: string;
  channel: string;
  user: string;
  bot_id?: string;
  text?: string;
  blocks?: unknown;
  metadata?: unknown;
  thread_ts?: string;
  /** Shown to this person only. */
  ephemeralTo?: string;
  edited?: boolean;
}

export interface StoredView {
  id: string;
  hash: string;
  /** Whose view it is. */
  user: string;
  /** Slack's view object as it returns it: the app's view with ids, hash and state filled in. */
  view: Obj;
  /** Inline errors from `response_action: "errors"`, by block_id. */
  errors?: Record<string, string>;
}

/** Where a reply to a response_url lands: who acted, in which channel, on which message. */
export interface ResponseContext {
  user: string;
  channel: string;
  /** The message the interaction came from (or the command's first answer): what replace_original changes. */
  messageTs?: string;
}

/** Slack keeps at most three views in a person's modal stack. */
export const MODAL_STACK_LIMIT = 3;

export const BOT_USER = 'UBOTROLLOUT';
export const BOT_ID = 'BROLLOUT';

export class Workspace {
  readonly users = new Map<string, StandInUser>();
  readonly channels = new Map<string, StandInChannel>();
  readonly messages: StoredMessage[] = [];
  readonly canvases = new Map<string, StandInCanvas>();
  /** Free workspaces refuse standalone canvases the app did not tab into a channel, and their edits. */
  plan: 'paid' | 'free' = 'paid';
  private readonly views = new Map<string, StoredView>();
  /** Each person's open modals, bottom first (view ids). */
  private readonly stacks = new Map<string, string[]>();
  private readonly homes = new Map<string, string>();
  private tsCounter = 0;
  private canvasCounter = 0;
  private viewCounter = 0;
  private hashCounter = 0;

  /** The stand-in's clock, in milliseconds. */
  constructor(readonly now: () => number) {}

  addUser(user: StandInUser): void {
    this.users.set(user.id, user);
  }

  addChannel(channel: StandInChannel): void {
    this.channels.set(channel.id, channel);
  }

  /** The DM channel between Rollout and `user`, made on first use as conversations.open does. */
  dmWith(user: string): StandInChannel {
    const id = `D${user.slice(1)}`;
    let channel = this.channels.get(id);
    if (!channel) {
      channel = { id, name: this.users.get(user)?.name ?? user, dmWith: user };
      this.channels.set(id, channel);
    }
    return channel;
  }

  nextTs(): string {
    this.tsCounter++;
    return `${Math.floor(this.now() / 1000)}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  post(message: Omit<StoredMessage, 'ts'>): StoredMessage {
    const stored: StoredMessage = { ts: this.nextTs(), ...message };
    if (Array.isArray(stored.blocks)) stored.blocks = withIds(stored.blocks, stored.ts);
    this.messages.push(stored);
    return stored;
  }

  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  /** Replaces a message's text and blocks in place (chat.update, replace_original). */
  replace(message: StoredMessage, fields: { text?: unknown; blocks?: unknown }): void {
    message.text = typeof fields.text === 'string' ? fields.text : undefined;
    message.blocks = Array.isArray(fields.blocks) ? withIds(fields.blocks, message.ts) : undefined;
    message.edited = true;
  }

  remove(message: StoredMessage): void {
    const i = this.messages.indexOf(message);
    if (i >= 0) this.messages.splice(i, 1);
  }

  /** What a person sees of a channel: every public message and their own ephemeral ones. */
  visibleTo(user: string): StoredMessage[] {
    return this.messages.filter((m) => m.ephemeralTo === undefined || m.ephemeralTo === user);
  }

  /** Whether Rollout's bot user is in the channel (and so may act there); false for an unknown channel. */
  botIsMember(channel: string): boolean {
    const known = this.channels.get(channel);
    return known !== undefined && known.botMember !== false;
  }

  // --- Canvases --------------------------------------------------------------------------------------

  /** The channel's own canvas, if it has one. */
  channelCanvas(channel: string): StandInCanvas | undefined {
    for (const canvas of this.canvases.values()) if (canvas.channel === channel) return canvas;
    return undefined;
  }

  /** The canvases a channel shows as tabs: its own first, then standalone ones tabbed in it. */
  canvasesIn(channel: string): StandInCanvas[] {
    const own = this.channelCanvas(channel);
    const tabbed = [...this.canvases.values()].filter((c) => c.tabbedIn.includes(channel));
    return own ? [own, ...tabbed] : tabbed;
  }

  /**
   * A new canvas (tests seed a person's with it: "the channel already has a canvas Rollout did not
   * make"). A channel canvas's access follows the channel's membership; a standalone one is its maker's,
   * and editable by the channels it is tabbed in, as Slack shares it there.
   */
  addCanvas(fields: NewCanvas): StandInCanvas {
    if (fields.channel !== undefined && this.channelCanvas(fields.channel))
      throw new Error(`${fields.channel} already has a canvas: Slack keeps one per channel`);
    const tabbedIn = fields.tabbedIn ?? [];
    const canvas: StandInCanvas = {
      id: `F0CANVAS${String(++this.canvasCounter).padStart(4, '0')}`,
      title: fields.title,
      markdown: fields.markdown,
      ...(fields.channel !== undefined ? { channel: fields.channel } : {}),
      tabbedIn: [...tabbedIn],
      access:
        fields.channel !== undefined
          ? { channels: { [fields.channel]: 'write' }, users: {} }
          : {
              channels: Object.fromEntries(tabbedIn.map((c) => [c, 'write' as const])),
              users: { [fields.createdBy]: 'owner' },
            },
      createdBy: fields.createdBy,
      edits: 0,
      updatedAt: this.now(),
    };
    this.canvases.set(canvas.id, canvas);
    return canvas;
  }

  /** Someone deleted the canvas (or the app did, with canvases.delete). */
  deleteCanvas(id: string): boolean {
    return this.canvases.delete(id);
  }

  // --- Views -----------------------------------------------------------------------------------------

  view(id: string): StoredView | undefined {
    return this.views.get(id);
  }

  viewByExternalId(externalId: string): StoredView | undefined {
    for (const v of this.views.values()) if (v.view.external_id === externalId) return v;
    return undefined;
  }

  /** The person's open modals, bottom first. */
  modalsOf(user: string): StoredView[] {
    return (this.stacks.get(user) ?? []).flatMap((id) => this.views.get(id) ?? []);
  }

  homeOf(user: string): StoredView | undefined {
    const id = this.homes.get(user);
    return id ? this.views.get(id) : undefined;
  }

  /** views.open: a new stack with this view at its root. */
  openModal(user: string, view: Obj): StoredView {
    for (const old of this.modalsOf(user)) this.views.delete(old.id);
    const stored = this.store(user, view, undefined);
    this.stacks.set(user, [stored.id]);
    return stored;
  }

  /** views.push: on top of the stack, or undefined when Slack's three are already open. */
  pushModal(user: string, view: Obj): StoredView | undefined {
    const stack = this.stacks.get(user) ?? [];
    if (stack.length >= MODAL_STACK_LIMIT) return undefined;
    const stored = this.store(user, view, stack.at(-1));
    this.stacks.set(user, [...stack, stored.id]);
    return stored;
  }

  /** views.update and response_action "update": same id, new content and hash. */
  updateView(stored: StoredView, view: Obj): StoredView {
    const previous = stored.view.previous_view_id ?? null;
    const root = stored.view.root_view_id ?? stored.id;
    stored.hash = this.nextHash();
    stored.view = viewObject(stored.id, stored.hash, view, previous, root);
    delete stored.errors;
    return stored;
  }

  /** views.publish: the person's Home tab, made on first publish. */
  publishHome(user: string, view: Obj): StoredView {
    const existing = this.homeOf(user);
    if (existing) return this.updateView(existing, view);
    const stored = this.store(user, view, undefined);
    this.homes.set(user, stored.id);
    return stored;
  }

  /** Closes the top modal, or every modal with `all`; returns what was closed, top first. */
  closeModals(user: string, all: boolean): StoredView[] {
    const stack = this.stacks.get(user) ?? [];
    const closing = all ? stack.splice(0).reverse() : stack.splice(-1);
    return closing.flatMap((id) => {
      const v = this.views.get(id);
      this.views.delete(id);
      return v ?? [];
    });
  }

  /**
   * A view the app refers to that this workspace did not show (a test names one in a payload): taken in
   * as Slack would know it, on top of the person's stack when it is a modal.
   */
  adopt(user: string, view: Obj): StoredView {
    const id = String(view.id);
    const known = this.views.get(id);
    if (known) return known;
    const hash = typeof view.hash === 'string' ? view.hash : this.nextHash();
    const stored: StoredView = { id, hash, user, view: { ...view, id, hash } };
    this.views.set(id, stored);
    if (view.type === 'home') this.homes.set(user, id);
    else this.stacks.set(user, [...(this.stacks.get(user) ?? []), id]);
    return stored;
  }

  private store(user: string, view: Obj, previous: string | undefined): StoredView {
    const id = `V${String(++this.viewCounter).padStart(8, '0')}`;
    const hash = this.nextHash();
    const root = previous ? (this.views.get(previous)?.view.root_view_id ?? previous) : id;
    const stored: StoredView = { id, hash, user, view: viewObject(id, hash, view, previous ?? null, root) };
    this.views.set(id, stored);
    return stored;
  }

  private nextHash(): string {
    return `${Math.floor(this.now() / 1000)}.${(++this.hashCounter).toString(36).padStart(8, '0')}`;
  }
}

/** Slack's view object: the app's view with ids, hash, an empty state and block ids filled in. */
function viewObject(id: string, hash: string, view: Obj, previous: unknown, root: unknown): Obj {
  const blocks = Array.isArray(view.blocks) ? withIds(view.blocks, id) : [];
  return {
    id,
    team_id: 'T0001',
    app_id: 'A0ROLLOUT',
    bot_id: BOT_ID,
    private_metadata: '',
    callback_id: '',
    external_id: '',
    clear_on_close: false,
    notify_on_close: false,
    ...view,
    blocks,
    state: { values: {} },
    hash,
    previous_view_id: previous,
    root_view_id: root,
  };
}

/**
 * Slack gives every block a block_id and every interactive element an action_id when the app set none,
 * so that an interaction can name them; these are made from the container and the position.
 */
function withIds(blocks: unknown[], container: string): unknown[] {
  return blocks.map((block, i) => {
    if (typeof block !== 'object' || block === null) return block;
    const b = { ...(block as Obj) };
    if (b.block_id === undefined) b.block_id = `${container}:${i}`;
    const named = (el: unknown, j: number) =>
      typeof el === 'object' && el !== null && (el as Obj).action_id === undefined && 'type' in el
        ? { ...(el as Obj), action_id: `${String(b.block_id)}:${j}` }
        : el;
    if (b.type === 'actions' && Array.isArray(b.elements)) b.elements = b.elements.map(named);
    if (b.type === 'input' && b.element !== undefined) b.element = named(b.element, 0);
    if (b.type === 'section' && b.accessory !== undefined) b.accessory = named(b.accessory, 0);
    return b;
  });
}
