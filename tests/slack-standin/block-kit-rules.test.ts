import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const option = (text: string, value: string) => ({ text: plain(text), value });
const RED = option('Red', 'red');
const GREEN = option('Green', 'green');

/** A modal's input block holding `element`. */
const input = (element: Record<string, unknown>) => [
  { type: 'input', block_id: 'b', label: plain('Pick'), element: { action_id: 'a', ...element } },
];

describe('initial options', () => {
  it('takes a static_select initial_option that is one of its options, whatever the key order', () => {
    const reordered = { value: 'green', text: { text: 'Green', type: 'plain_text' } };
    expect(
      blockKitProblems(
        input({ type: 'static_select', options: [RED, GREEN], initial_option: reordered }),
        'modal',
      ),
    ).toEqual([]);
  });

  it('refuses a static_select initial_option that is not among its options', () => {
    const problems = blockKitProblems(
      input({ type: 'static_select', options: [RED, GREEN], initial_option: option('Blue', 'blue') }),
      'modal',
    );
    expect(problems).toEqual(['blocks[0].element.initial_option: not one of the options']);
  });

  it('refuses an initial_option that matches an option’s value but not its text', () => {
    const problems = blockKitProblems(
      input({ type: 'static_select', options: [RED], initial_option: option('Crimson', 'red') }),
      'modal',
    );
    expect(problems).toEqual(['blocks[0].element.initial_option: not one of the options']);
  });

  it('looks for a static_select initial_option among its option groups too', () => {
    const groups = [{ label: plain('Warm'), options: [RED] }];
    expect(
      blockKitProblems(input({ type: 'static_select', option_groups: groups, initial_option: RED }), 'modal'),
    ).toEqual([]);
  });

  it('checks radio_buttons the same way, mrkdwn options included', () => {
    const bold = { text: { type: 'mrkdwn', text: '*Bold*' }, value: 'bold' };
    expect(
      blockKitProblems(input({ type: 'radio_buttons', options: [bold, RED], initial_option: bold }), 'modal'),
    ).toEqual([]);
    expect(
      blockKitProblems(input({ type: 'radio_buttons', options: [bold], initial_option: GREEN }), 'modal'),
    ).toEqual(['blocks[0].element.initial_option: not one of the options']);
  });

  it('wants each checkbox initial_options entry among the options, and names the stray one', () => {
    expect(
      blockKitProblems(
        input({ type: 'checkboxes', options: [RED, GREEN], initial_options: [GREEN, RED] }),
        'modal',
      ),
    ).toEqual([]);
    expect(
      blockKitProblems(
        input({ type: 'checkboxes', options: [RED, GREEN], initial_options: [RED, option('Blue', 'blue')] }),
        'modal',
      ),
    ).toEqual(['blocks[0].element.initial_options[1]: not one of the options']);
  });
});

describe('placeholders', () => {
  it('takes a plain_text placeholder of up to 150 characters and refuses a longer one', () => {
    const at = (n: number) => input({ type: 'plain_text_input', placeholder: plain('x'.repeat(n)) });
    expect(blockKitProblems(at(150), 'modal')).toEqual([]);
    expect(blockKitProblems(at(151), 'modal')).toEqual([
      'blocks[0].element.placeholder.text: 151 characters, at most 150',
    ]);
  });

  it('checks a select’s placeholder too, and wants it plain_text', () => {
    const problems = blockKitProblems(
      input({ type: 'users_select', placeholder: { type: 'mrkdwn', text: '*who*' } }),
      'modal',
    );
    expect(problems).toEqual(['blocks[0].element.placeholder.type: must be plain_text']);
  });
});

describe('button accessibility_label', () => {
  const button = (label: string) => [
    {
      type: 'actions',
      elements: [{ type: 'button', action_id: 'go', text: plain('Go'), accessibility_label: label }],
    },
  ];

  it('takes up to 75 characters and refuses more', () => {
    expect(blockKitProblems(button('y'.repeat(75)), 'message')).toEqual([]);
    expect(blockKitProblems(button('y'.repeat(76)), 'message')).toEqual([
      'blocks[0].elements[0].accessibility_label: 76 characters, 1 to 75',
    ]);
  });
});

describe('action_id', () => {
  it('refuses two elements with the same action_id in one block', () => {
    const go = { type: 'button', action_id: 'go', text: plain('Go') };
    expect(blockKitProblems([{ type: 'actions', elements: [go, go] }], 'message')).toEqual([
      'blocks[0].elements[1].action_id: duplicate go',
    ]);
  });
});
