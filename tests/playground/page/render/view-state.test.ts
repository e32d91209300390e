import { describe, expect, it } from 'vitest';
import { initialViewState } from '../../../../src/playground/page/render/view-state.js';
import { BLOCKS, DECISION_BLOCKS, INPUT_ACTION } from '../../../../src/ui/ids.js';
import { dateInput, userSelectInput } from '../../../../src/ui/modal-parts.js';
import { workstreamUpdateModal } from '../../../../src/ui/workstream-modal.js';
import { program, workstream } from '../../../support/program-objects.js';

const opt = (value: string) => ({ text: { type: 'plain_text' as const, text: value.toUpperCase() }, value });

const input = (block_id: string, element: Record<string, unknown>) => ({
  type: 'input',
  block_id,
  label: { type: 'plain_text', text: block_id },
  element: { action_id: 'a', ...element },
});

describe('initialViewState', () => {
  it('holds what Slack would send for an untouched Rollout form', () => {
    const w = workstream('sso', {
      status: 'blocked',
      risk: 'high',
      state: 'Waiting',
      blocker: 'Okta',
      summary: '',
    });
    const view = workstreamUpdateModal(program(), w);
    const state = initialViewState(view.blocks);
    expect(state[BLOCKS.wsStatus]?.[INPUT_ACTION]).toMatchObject({
      type: 'static_select',
      selected_option: { value: 'blocked', text: { text: 'Blocked' } },
    });
    expect(state[BLOCKS.wsRisk]?.[INPUT_ACTION]).toMatchObject({ selected_option: { value: 'high' } });
    expect(state[BLOCKS.wsState]?.[INPUT_ACTION]).toEqual({ type: 'plain_text_input', value: 'Waiting' });
    expect(state[BLOCKS.wsBlocker]?.[INPUT_ACTION]).toEqual({ type: 'plain_text_input', value: 'Okta' });
    expect(state[BLOCKS.wsSummary]?.[INPUT_ACTION]).toEqual({ type: 'plain_text_input', value: null });
    expect(state[BLOCKS.wsNote]?.[INPUT_ACTION]).toEqual({ type: 'plain_text_input', value: null });
    // No decision holds it up, so the form can name one it needs: the new decision's inputs, empty.
    expect(state[DECISION_BLOCKS.wsDecisionQuestion]?.[INPUT_ACTION]).toEqual({
      type: 'plain_text_input',
      value: null,
    });
    expect(state[DECISION_BLOCKS.wsDecisionDeciders]?.[INPUT_ACTION]).toEqual({
      type: 'multi_users_select',
      selected_users: [],
    });
    expect(state[DECISION_BLOCKS.wsDecisionNeededBy]?.[INPUT_ACTION]).toMatchObject({ type: 'datepicker' });
    // One entry an input block; the heading sections have no element, so no entry. (Counted from the view,
    // so that a field added to the form does not need this test changed.)
    const inputs = view.blocks.flatMap((b) => (b.type === 'input' && b.block_id ? [b.block_id] : []));
    expect(Object.keys(state).sort()).toEqual(inputs.sort());
    expect(inputs.length).toBeLessThan(view.blocks.length);
  });

  it('reads each element’s initial value, or null / [] when it has none', () => {
    const blocks = [
      input('text', { type: 'plain_text_input', initial_value: 'hi' }),
      input('select', { type: 'static_select', options: [opt('x'), opt('y')], initial_option: opt('y') }),
      input('multi', {
        type: 'multi_static_select',
        options: [opt('x'), opt('y')],
        initial_options: [opt('x')],
      }),
      input('user', { type: 'users_select', initial_user: 'U1' }),
      input('users', { type: 'multi_users_select', initial_users: ['U1', 'U2'] }),
      input('conv', { type: 'conversations_select', initial_conversation: 'C1' }),
      input('chan', { type: 'channels_select', initial_channel: 'C2' }),
      input('date', { type: 'datepicker', initial_date: '2026-11-23' }),
      input('boxes', { type: 'checkboxes', options: [opt('x'), opt('y')], initial_options: [opt('y')] }),
      input('radio', { type: 'radio_buttons', options: [opt('x')], initial_option: opt('x') }),
    ];
    expect(initialViewState(blocks)).toEqual({
      text: { a: { type: 'plain_text_input', value: 'hi' } },
      select: { a: { type: 'static_select', selected_option: opt('y') } },
      multi: { a: { type: 'multi_static_select', selected_options: [opt('x')] } },
      user: { a: { type: 'users_select', selected_user: 'U1' } },
      users: { a: { type: 'multi_users_select', selected_users: ['U1', 'U2'] } },
      conv: { a: { type: 'conversations_select', selected_conversation: 'C1' } },
      chan: { a: { type: 'channels_select', selected_channel: 'C2' } },
      date: { a: { type: 'datepicker', selected_date: '2026-11-23' } },
      boxes: { a: { type: 'checkboxes', selected_options: [opt('y')] } },
      radio: { a: { type: 'radio_buttons', selected_option: opt('x') } },
    });
    const unset = blocks.map((b) => ({
      ...b,
      element: Object.fromEntries(Object.entries(b.element).filter(([k]) => !k.startsWith('initial_'))),
    }));
    expect(initialViewState(unset)).toEqual({
      text: { a: { type: 'plain_text_input', value: null } },
      select: { a: { type: 'static_select', selected_option: null } },
      multi: { a: { type: 'multi_static_select', selected_options: [] } },
      user: { a: { type: 'users_select', selected_user: null } },
      users: { a: { type: 'multi_users_select', selected_users: [] } },
      conv: { a: { type: 'conversations_select', selected_conversation: null } },
      chan: { a: { type: 'channels_select', selected_channel: null } },
      date: { a: { type: 'datepicker', selected_date: null } },
      boxes: { a: { type: 'checkboxes', selected_options: [] } },
      radio: { a: { type: 'radio_buttons', selected_option: null } },
    });
  });

  it('reads Rollout’s user and date pickers', () => {
    const state = initialViewState([
      userSelectInput('owner', 'Owner', 'UOWNER01'),
      userSelectInput('nobody', 'Owner', 'not an id'),
      dateInput('due', 'Due', '2026-12-01'),
    ]);
    expect(state).toEqual({
      owner: { [INPUT_ACTION]: { type: 'users_select', selected_user: 'UOWNER01' } },
      nobody: { [INPUT_ACTION]: { type: 'users_select', selected_user: null } },
      due: { [INPUT_ACTION]: { type: 'datepicker', selected_date: '2026-12-01' } },
    });
  });

  it('holds the stateful elements of actions blocks and accessories, not buttons or overflow menus', () => {
    const state = initialViewState([
      {
        type: 'actions',
        block_id: 'row',
        elements: [
          { type: 'button', action_id: 'go', text: { type: 'plain_text', text: 'Go' } },
          { type: 'overflow', action_id: 'more', options: [opt('x')] },
          { type: 'static_select', action_id: 'pick', options: [opt('x')], initial_option: opt('x') },
          { type: 'datepicker', action_id: 'when' },
        ],
      },
      {
        type: 'section',
        block_id: 'sec',
        text: { type: 'mrkdwn', text: 'x' },
        accessory: { type: 'checkboxes', action_id: 'check', options: [opt('x')] },
      },
      { type: 'section', block_id: 'plain', text: { type: 'mrkdwn', text: 'x' } },
      { type: 'divider' },
    ]);
    expect(state).toEqual({
      row: {
        pick: { type: 'static_select', selected_option: opt('x') },
        when: { type: 'datepicker', selected_date: null },
      },
      sec: { check: { type: 'checkboxes', selected_options: [] } },
    });
  });

  it('names blocks and elements the app left unnamed by their position, as the renderer does', () => {
    const state = initialViewState([
      { type: 'divider' },
      { type: 'input', label: { type: 'plain_text', text: 'Name' }, element: { type: 'plain_text_input' } },
      { type: 'actions', elements: [{ type: 'button' }, { type: 'radio_buttons', options: [opt('x')] }] },
    ]);
    expect(state).toEqual({
      'block:1': { 'block:1:0': { type: 'plain_text_input', value: null } },
      'block:2': { 'block:2:1': { type: 'radio_buttons', selected_option: null } },
    });
  });

  it('skips what is not a block or not an element', () => {
    expect(
      initialViewState([null, 'x', { type: 'input', block_id: 'b' }, { type: 'actions', elements: 'no' }]),
    ).toEqual({});
  });
});
