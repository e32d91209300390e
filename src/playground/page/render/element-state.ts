import type { ActionInput, SelectedOption, StateValue } from '../../protocol.js';
import { isObj, type Obj, objs, str } from './block-json.js';

/**
 * What an interactive element holds and what Slack sends when it changes, apart from any DOM: the
 * components only turn a choice into values (option values, user IDs, a date) and hand them here.
 */

const isOption = (v: unknown): v is SelectedOption =>
  isObj(v) && isObj(v.text) && typeof v.text.text === 'string' && typeof v.value === 'string';

/** An element's options, those of its option groups included, in order. */
export function optionsOf(element: Obj): SelectedOption[] {
  const groups = objs(element.option_groups);
  const all =
    groups.length > 0 ? groups.flatMap((g) => (Array.isArray(g.options) ? g.options : [])) : element.options;
  return Array.isArray(all) ? all.filter(isOption) : [];
}

const option = (v: unknown): SelectedOption | null => (isOption(v) ? v : null);
const options = (v: unknown): SelectedOption[] => (Array.isArray(v) ? v.filter(isOption) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s) => typeof s === 'string') : []);

/** The value Slack holds for an element before anyone touches it, or undefined for an element without one. */
export function initialStateValue(element: Obj): StateValue | undefined {
  switch (element.type) {
    case 'plain_text_input':
      return { type: 'plain_text_input', value: str(element.initial_value) ?? null };
    case 'static_select':
      return { type: 'static_select', selected_option: option(element.initial_option) };
    case 'multi_static_select':
      return { type: 'multi_static_select', selected_options: options(element.initial_options) };
    case 'users_select':
      return { type: 'users_select', selected_user: str(element.initial_user) ?? null };
    case 'multi_users_select':
      return { type: 'multi_users_select', selected_users: strings(element.initial_users) };
    case 'conversations_select':
      return {
        type: 'conversations_select',
        selected_conversation: str(element.initial_conversation) ?? null,
      };
    case 'channels_select':
      return { type: 'channels_select', selected_channel: str(element.initial_channel) ?? null };
    case 'datepicker':
      return { type: 'datepicker', selected_date: str(element.initial_date) ?? null };
    case 'checkboxes':
      return { type: 'checkboxes', selected_options: options(element.initial_options) };
    case 'radio_buttons':
      return { type: 'radio_buttons', selected_option: option(element.initial_option) };
    default:
      return undefined;
  }
}

/**
 * The value an element holds once these are chosen: option values for selects, checkboxes and radio
 * buttons, user or conversation IDs for their pickers, the typed text or the YYYY-MM-DD date. Nothing
 * chosen (an empty list, or one empty string) is Slack's null or [].
 */
export function stateValueFrom(element: Obj, chosen: readonly string[]): StateValue | undefined {
  const picked = chosen.filter((v) => v !== '');
  const first = picked[0] ?? null;
  const find = (value: string) => optionsOf(element).find((o) => o.value === value);
  const found = picked.map(find).filter((o) => o !== undefined);
  switch (element.type) {
    case 'plain_text_input':
      return { type: 'plain_text_input', value: first };
    case 'static_select':
      return { type: 'static_select', selected_option: found[0] ?? null };
    case 'multi_static_select':
      return { type: 'multi_static_select', selected_options: found };
    case 'users_select':
      return { type: 'users_select', selected_user: first };
    case 'multi_users_select':
      return { type: 'multi_users_select', selected_users: picked };
    case 'conversations_select':
      return { type: 'conversations_select', selected_conversation: first };
    case 'channels_select':
      return { type: 'channels_select', selected_channel: first };
    case 'datepicker':
      return { type: 'datepicker', selected_date: first };
    case 'checkboxes':
      return { type: 'checkboxes', selected_options: found };
    case 'radio_buttons':
      return { type: 'radio_buttons', selected_option: found[0] ?? null };
    default:
      return undefined;
  }
}

/** The values a held state stands for, the inverse of `stateValueFrom` (what the controls show). */
export function chosenValues(value: StateValue | undefined): string[] {
  if (!value) return [];
  switch (value.type) {
    case 'plain_text_input':
      return value.value === null ? [] : [value.value];
    case 'static_select':
    case 'radio_buttons':
      return value.selected_option ? [value.selected_option.value] : [];
    case 'multi_static_select':
    case 'checkboxes':
      return value.selected_options.map((o) => o.value);
    case 'users_select':
      return value.selected_user ? [value.selected_user] : [];
    case 'multi_users_select':
      return value.selected_users;
    case 'conversations_select':
      return value.selected_conversation ? [value.selected_conversation] : [];
    case 'channels_select':
      return value.selected_channel ? [value.selected_channel] : [];
    case 'datepicker':
      return value.selected_date ? [value.selected_date] : [];
  }
}

/**
 * What Slack sends for a click or a choice: the element as the app sent it, and for a change what was
 * chosen (`selected_option`, `selected_users`, `selected_date`… as in the state, without its type).
 */
export function actionFor(element: Obj, blockId: string, selected?: StateValue | Obj): ActionInput {
  const action: ActionInput = { actionId: str(element.action_id) ?? '', blockId, element };
  if (selected) {
    const { type: _type, ...rest } = selected;
    action.selected = rest;
  }
  return action;
}

/**
 * What a choice in an element does: the value the view now holds, and the action to send when the element
 * sends its changes (`send`), as Slack does for one in an actions block or accessory, or with dispatch_action.
 */
export function changeOf(
  element: Obj,
  blockId: string,
  chosen: readonly string[],
  send: boolean,
): { value: StateValue; action?: ActionInput } | undefined {
  const value = stateValueFrom(element, chosen);
  if (!value) return undefined;
  return send ? { value, action: actionFor(element, blockId, value) } : { value };
}

/** Whether the elements of a block send their changes to the app as they happen, not only on submit. */
export function sendsChanges(block: Obj, place: 'element' | 'accessory'): boolean {
  if (place === 'accessory') return true;
  return block.type === 'actions' || (block.type === 'input' && block.dispatch_action === true);
}

/** An overflow menu's choice: Slack sends the option, as for a select. */
export function overflowAction(element: Obj, blockId: string, value: string): ActionInput | undefined {
  const chosen = optionsOf(element).find((o) => o.value === value);
  return chosen ? actionFor(element, blockId, { selected_option: chosen }) : undefined;
}
