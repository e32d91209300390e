/** What a person does in the stand-in's Slack client, in Slack's own shapes (the playground page sends these). */

/** The value of one input in a view's state, as Slack sends it in `view.state.values[block][action]`. */
export type StateValue =
  | { type: 'plain_text_input'; value: string | null }
  | { type: 'static_select'; selected_option: SelectedOption | null }
  | { type: 'multi_static_select'; selected_options: SelectedOption[] }
  | { type: 'users_select'; selected_user: string | null }
  | { type: 'multi_users_select'; selected_users: string[] }
  | { type: 'conversations_select'; selected_conversation: string | null }
  | { type: 'channels_select'; selected_channel: string | null }
  | { type: 'datepicker'; selected_date: string | null }
  | { type: 'checkboxes'; selected_options: SelectedOption[] }
  | { type: 'radio_buttons'; selected_option: SelectedOption | null };

export interface SelectedOption {
  text: { type: 'plain_text' | 'mrkdwn'; text: string; emoji?: boolean };
  value: string;
  description?: { type: 'plain_text' | 'mrkdwn'; text: string };
}

/** `view.state.values`: block_id → action_id → value. */
export type ViewState = Record<string, Record<string, StateValue>>;

/** What was clicked or chosen: the element's action_id and block_id, and what Slack would send for it. */
export interface ActionInput {
  actionId: string;
  blockId: string;
  /** The element as it stands in the blocks (type, text, value, style…). */
  element: Record<string, unknown>;
  /** For a select, overflow, radio or checkbox change: the chosen option(s) or user/date/conversation. */
  selected?: Omit<StateValue, 'type'>;
}

/** Where an action happened: a message in a channel or DM, a modal, or the Home tab. */
export type ActionContainer =
  | { type: 'message'; channel: string; ts: string }
  | { type: 'view'; viewId: string };
