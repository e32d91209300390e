import type { Checkboxes, MultiStaticSelect, MultiUsersSelect, StaticSelect } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';
import { option } from '../../src/ui/blocks.js';
import {
  checkboxInput,
  dateInput,
  formHeading,
  keepWithin,
  multiSelectInput,
  selectInput,
  usersSelectInput,
} from '../../src/ui/modal-parts.js';
import { BIDI, BIDI_SHOWN, FORGED, FORGED_SHOWN } from '../support/forged-text.js';

const options = (n: number) => Array.from({ length: n }, (_, i) => option(`v${i}`, `Option ${i}`));

describe('keepWithin', () => {
  it('keeps everything that fits, and otherwise the picked ones plus the first of the rest, in order', () => {
    const items = [1, 2, 3, 4, 5, 6];
    expect(keepWithin(items, 10, (n) => n === 6)).toEqual(items);
    expect(keepWithin(items, 3, (n) => n === 6)).toEqual([1, 2, 6]);
    expect(keepWithin(items, 3, (n) => n > 1)).toEqual([2, 3, 4]);
  });
});

describe('selectInput and checkboxInput', () => {
  it('keep a chosen option that lies past Slack’s 100 among the options, as its initial option', () => {
    const block = selectInput('b', 'Pick', options(150), 'v120');
    const select = block.element as StaticSelect;
    expect(select.options).toHaveLength(100);
    expect(select.initial_option?.value).toBe('v120');
    expect(select.options?.some((o) => o.value === 'v120')).toBe(true);
    expect(blockKitProblems([block], 'modal')).toEqual([]);
  });

  it('keep checked boxes past the tenth among the 10 options Slack allows', () => {
    const block = checkboxInput('c', 'Tick', options(14), ['v1', 'v12']);
    const boxes = block.element as Checkboxes;
    expect(boxes.options.map((o) => o.value)).toEqual([
      'v0',
      'v1',
      'v2',
      'v3',
      'v4',
      'v5',
      'v6',
      'v7',
      'v8',
      'v12',
    ]);
    expect(boxes.initial_options?.map((o) => o.value)).toEqual(['v1', 'v12']);
    expect(blockKitProblems([block], 'modal')).toEqual([]);
  });
});

describe('multiSelectInput and usersSelectInput', () => {
  it('keep chosen options past Slack’s 100 among the options, chosen; the block is optional', () => {
    const block = multiSelectInput('m', 'Pick some', options(150), ['v3', 'v140']);
    const select = block.element as MultiStaticSelect;
    expect(block.optional).toBe(true);
    expect(select.options).toHaveLength(100);
    expect(select.initial_options?.map((o) => o.value)).toEqual(['v3', 'v140']);
    expect(blockKitProblems([block], 'modal')).toEqual([]);
  });

  it('prefill only Slack user IDs, and say whether the block may be left empty', () => {
    const block = usersSelectInput('u', 'Who', ['U0123ABCD', 'not an id'], false);
    expect(block.optional).toBe(false);
    expect((block.element as MultiUsersSelect).initial_users).toEqual(['U0123ABCD']);
    expect(
      (usersSelectInput('u', 'Who', ['nobody']).element as MultiUsersSelect).initial_users,
    ).toBeUndefined();
    expect(blockKitProblems([block], 'modal')).toEqual([]);
  });
});

describe('optional', () => {
  it('is left out of a select unless given, and is true for a date unless said', () => {
    expect('optional' in selectInput('s', 'Pick', options(2), undefined)).toBe(false);
    expect(selectInput('s', 'Pick', options(2), undefined, false).optional).toBe(false);
    expect(dateInput('d', 'When', null).optional).toBe(true);
    expect(dateInput('d', 'When', null, false).optional).toBe(false);
  });
});

describe('option and formHeading', () => {
  it('show a typed name on one line, without bidi controls', () => {
    expect(option('ws', `Identity\n${BIDI}`, `Team\r\nA${BIDI}`)).toEqual({
      value: 'ws',
      text: { type: 'plain_text', text: `Identity ${BIDI_SHOWN}`, emoji: true },
      description: { type: 'plain_text', text: `Team A${BIDI_SHOWN}`, emoji: true },
    });
    expect(formHeading(FORGED, `Program\n${BIDI}`).text?.text).toBe(
      `*${FORGED_SHOWN}*\nProgram ${BIDI_SHOWN}`,
    );
  });
});
