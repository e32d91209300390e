import { describe, expect, it } from 'vitest';
import {
  actionFor,
  changeOf,
  chosenValues,
  initialStateValue,
  optionsOf,
  overflowAction,
  sendsChanges,
  stateValueFrom,
} from '../../../../src/playground/page/render/element-state.js';
import type { StateValue } from '../../../../src/playground/protocol.js';

const opt = (value: string) => ({ text: { type: 'plain_text' as const, text: value.toUpperCase() }, value });

const grouped = {
  type: 'static_select',
  action_id: 'pick',
  option_groups: [
    { label: { type: 'plain_text', text: 'One' }, options: [opt('a'), opt('b')] },
    { label: { type: 'plain_text', text: 'Two' }, options: [opt('c')] },
  ],
};

describe('optionsOf', () => {
  it('lists options, or those of every option group in order, and drops malformed ones', () => {
    expect(optionsOf(grouped).map((o) => o.value)).toEqual(['a', 'b', 'c']);
    expect(
      optionsOf({ options: [opt('x'), { value: 'no text' }, null, opt('y')] }).map((o) => o.value),
    ).toEqual(['x', 'y']);
    expect(optionsOf({})).toEqual([]);
  });
});

describe('stateValueFrom', () => {
  it('turns a choice into the value Slack holds, per element type', () => {
    const options = [opt('x'), opt('y'), opt('z')];
    expect(stateValueFrom(grouped, ['c'])).toEqual({ type: 'static_select', selected_option: opt('c') });
    expect(stateValueFrom(grouped, [''])).toEqual({ type: 'static_select', selected_option: null });
    expect(stateValueFrom({ type: 'multi_static_select', options }, ['z', 'x'])).toEqual({
      type: 'multi_static_select',
      selected_options: [opt('z'), opt('x')],
    });
    expect(stateValueFrom({ type: 'checkboxes', options }, ['y', 'gone'])).toEqual({
      type: 'checkboxes',
      selected_options: [opt('y')],
    });
    expect(stateValueFrom({ type: 'radio_buttons', options }, ['x'])).toEqual({
      type: 'radio_buttons',
      selected_option: opt('x'),
    });
    expect(stateValueFrom({ type: 'plain_text_input' }, ['typed'])).toEqual({
      type: 'plain_text_input',
      value: 'typed',
    });
    expect(stateValueFrom({ type: 'plain_text_input' }, [''])).toEqual({
      type: 'plain_text_input',
      value: null,
    });
    expect(stateValueFrom({ type: 'users_select' }, ['U1'])).toEqual({
      type: 'users_select',
      selected_user: 'U1',
    });
    expect(stateValueFrom({ type: 'multi_users_select' }, ['U1', 'U2'])).toEqual({
      type: 'multi_users_select',
      selected_users: ['U1', 'U2'],
    });
    expect(stateValueFrom({ type: 'conversations_select' }, ['C1'])).toEqual({
      type: 'conversations_select',
      selected_conversation: 'C1',
    });
    expect(stateValueFrom({ type: 'channels_select' }, [])).toEqual({
      type: 'channels_select',
      selected_channel: null,
    });
    expect(stateValueFrom({ type: 'datepicker' }, ['2026-11-23'])).toEqual({
      type: 'datepicker',
      selected_date: '2026-11-23',
    });
    expect(stateValueFrom({ type: 'button' }, ['x'])).toBeUndefined();
  });

  it('is undone by chosenValues', () => {
    const values: [Record<string, unknown>, string[]][] = [
      [grouped, ['b']],
      [{ type: 'multi_static_select', options: [opt('x'), opt('y')] }, ['x', 'y']],
      [{ type: 'checkboxes', options: [opt('x')] }, []],
      [{ type: 'plain_text_input' }, ['hello']],
      [{ type: 'users_select' }, ['U1']],
      [{ type: 'multi_users_select' }, ['U1', 'U2']],
      [{ type: 'conversations_select' }, ['C1']],
      [{ type: 'channels_select' }, ['C2']],
      [{ type: 'datepicker' }, []],
    ];
    for (const [element, chosen] of values)
      expect(chosenValues(stateValueFrom(element, chosen))).toEqual(chosen);
  });
});

describe('initialStateValue', () => {
  it('has no value for elements Slack keeps none for', () => {
    expect(initialStateValue({ type: 'button' })).toBeUndefined();
    expect(initialStateValue({ type: 'overflow' })).toBeUndefined();
    expect(initialStateValue({ type: 'static_select', initial_option: { value: 'no text' } })).toEqual({
      type: 'static_select',
      selected_option: null,
    });
  });
});

describe('actionFor', () => {
  const button = {
    type: 'button',
    action_id: 'ws_show',
    value: 'ref',
    text: { type: 'plain_text', text: 'Details' },
  };

  it('sends a click with the element as the app sent it, and nothing selected', () => {
    expect(actionFor(button, 'ws_row:sso')).toEqual({
      actionId: 'ws_show',
      blockId: 'ws_row:sso',
      element: button,
    });
  });

  it('sends a change with what was chosen, as Slack names it', () => {
    const value: StateValue = { type: 'static_select', selected_option: opt('c') };
    expect(actionFor(grouped, 'b', value)).toEqual({
      actionId: 'pick',
      blockId: 'b',
      element: grouped,
      selected: { selected_option: opt('c') },
    });
    expect(
      actionFor({ type: 'timepicker', action_id: 't' }, 'b', { selected_time: '09:30' }).selected,
    ).toEqual({
      selected_time: '09:30',
    });
  });

  it('sends an overflow choice as its selected option, and nothing for an option it does not have', () => {
    const overflow = { type: 'overflow', action_id: 'more', options: [opt('edit'), opt('delete')] };
    expect(overflowAction(overflow, 'b', 'delete')).toEqual({
      actionId: 'more',
      blockId: 'b',
      element: overflow,
      selected: { selected_option: opt('delete') },
    });
    expect(overflowAction(overflow, 'b', 'nope')).toBeUndefined();
  });
});

describe('changeOf', () => {
  const select = { type: 'static_select', action_id: 'pick', options: [opt('a'), opt('b')] };

  it('sends a choice as an action where Slack would, with what was chosen', () => {
    expect(changeOf(select, 'row', ['b'], true)).toEqual({
      value: { type: 'static_select', selected_option: opt('b') },
      action: { actionId: 'pick', blockId: 'row', element: select, selected: { selected_option: opt('b') } },
    });
    const date = { type: 'datepicker', action_id: 'due' };
    expect(changeOf(date, 'row', ['2026-12-01'], true)?.action?.selected).toEqual({
      selected_date: '2026-12-01',
    });
    const boxes = { type: 'checkboxes', action_id: 'c', options: [opt('a'), opt('b')] };
    expect(changeOf(boxes, 'row', ['a', 'b'], true)?.action?.selected).toEqual({
      selected_options: [opt('a'), opt('b')],
    });
  });

  it('only holds the value where the choice waits for the form to be submitted', () => {
    expect(changeOf(select, 'ws_status', ['a'], false)).toEqual({
      value: { type: 'static_select', selected_option: opt('a') },
    });
  });

  it('does nothing for an element that holds no value', () => {
    expect(changeOf({ type: 'button' }, 'row', ['x'], true)).toBeUndefined();
  });
});

describe('sendsChanges', () => {
  it('is true in actions blocks, accessories and input blocks with dispatch_action', () => {
    expect(sendsChanges({ type: 'actions' }, 'element')).toBe(true);
    expect(sendsChanges({ type: 'section' }, 'accessory')).toBe(true);
    expect(sendsChanges({ type: 'input' }, 'element')).toBe(false);
    expect(sendsChanges({ type: 'input', dispatch_action: true }, 'element')).toBe(true);
  });
});
