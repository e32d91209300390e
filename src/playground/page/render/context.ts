import type { ActionInput, StateValue, ViewState } from '../../protocol.js';

export interface RenderContext {
  viewer: { id: string; tz: string };
  /** For <@U…> and users_select options. */
  users: ReadonlyMap<string, { name: string }>;
  /** For <#C…> and conversations_select options. */
  channels: ReadonlyMap<string, { name: string }>;
  /** Slack short name (without colons) → emoji character. */
  emoji: Readonly<Record<string, string>>;
  surface: 'message' | 'modal' | 'home';
  /** "Now", for Today/Yesterday in dates. */
  now: Date;
  /** A button click, or a change of a select/overflow/datepicker/radio/checkbox that sits in an actions block or a section accessory, or in an input block with dispatch_action: true. */
  onAction?: (action: ActionInput) => void;
  /** Input values of a modal or the Home tab: inputs show the value held here and write changes back. */
  state?: { values: ViewState; set(blockId: string, actionId: string, value: StateValue): void };
  /**
   * Opens a link inside the page when it is one the page can show (a canvas of the workspace); true when
   * it did, and the browser must not follow it.
   */
  openLink?: (url: string) => boolean;
  /** Errors beside input blocks, by block_id (Slack's response_action: "errors"). */
  errors?: Readonly<Record<string, string>>;
}
