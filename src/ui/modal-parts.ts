import type { InputBlock, PlainTextOption, View } from '@slack/types';
import { BLOCK_LIMITS, truncate } from './limits.js';

/** Every input's element uses this action_id; the block_id says which field it is. */
export const INPUT_ACTION = 'value';

export function plainText(text: string, max: number = BLOCK_LIMITS.modalTitle) {
  return { type: 'plain_text' as const, text: truncate(text, max), emoji: true };
}

export function option(value: string, label: string, description?: string): PlainTextOption {
  return {
    value,
    text: plainText(label, BLOCK_LIMITS.optionText),
    ...(description ? { description: plainText(description, BLOCK_LIMITS.optionDescription) } : {}),
  };
}

export function selectInput(
  blockId: string,
  label: string,
  options: PlainTextOption[],
  initial: string | undefined,
): InputBlock {
  const initialOption = options.find((o) => o.value === initial);
  return {
    type: 'input',
    block_id: blockId,
    label: plainText(label, 2000),
    element: {
      type: 'static_select',
      action_id: INPUT_ACTION,
      options: options.slice(0, BLOCK_LIMITS.selectOptions),
      ...(initialOption ? { initial_option: initialOption } : {}),
    },
  };
}

export function textInput(
  blockId: string,
  label: string,
  opts: {
    initial?: string;
    maxLength: number;
    multiline?: boolean;
    optional?: boolean;
    hint?: string;
    placeholder?: string;
  },
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? true,
    label: plainText(label, 2000),
    ...(opts.hint ? { hint: plainText(opts.hint, 2000) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: INPUT_ACTION,
      multiline: opts.multiline ?? false,
      max_length: opts.maxLength,
      ...(opts.placeholder ? { placeholder: plainText(opts.placeholder, 150) } : {}),
      ...(opts.initial ? { initial_value: opts.initial.slice(0, opts.maxLength) } : {}),
    },
  };
}

/** A modal that only says something (a refusal, a confirmation): no inputs, one Close button. */
export function noticeModal(title: string, mrkdwn: string, close = 'Close'): View {
  return {
    type: 'modal',
    title: plainText(title),
    close: plainText(close),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, BLOCK_LIMITS.sectionText) } }],
  };
}

/** A Slack user ID as stored for owners (U… or W…), as opposed to a name typed as free text. */
export function isSlackUserId(value: string): boolean {
  return /^[UW][A-Z0-9]{2,}$/.test(value);
}

/** A Slack user picker; `initial` only when it is a user ID (free text is not a user). */
export function userSelectInput(
  blockId: string,
  label: string,
  opts: { initial?: string | null; optional?: boolean; hint?: string },
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? true,
    label: plainText(label, 2000),
    ...(opts.hint ? { hint: plainText(opts.hint, 2000) } : {}),
    element: {
      type: 'users_select',
      action_id: INPUT_ACTION,
      ...(opts.initial && isSlackUserId(opts.initial) ? { initial_user: opts.initial } : {}),
    },
  };
}

/** A date picker (YYYY-MM-DD). */
export function dateInput(
  blockId: string,
  label: string,
  opts: { initial?: string | null; optional?: boolean; hint?: string },
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? true,
    label: plainText(label, 2000),
    ...(opts.hint ? { hint: plainText(opts.hint, 2000) } : {}),
    element: {
      type: 'datepicker',
      action_id: INPUT_ACTION,
      ...(opts.initial ? { initial_date: opts.initial } : {}),
    },
  };
}

/** Checkboxes (at most 10); an unchecked box submits nothing, so the block is optional. */
export function checkboxInput(
  blockId: string,
  label: string,
  options: PlainTextOption[],
  checked: readonly string[],
): InputBlock {
  const initial = options.filter((o) => o.value !== undefined && checked.includes(o.value));
  return {
    type: 'input',
    block_id: blockId,
    optional: true,
    label: plainText(label, 2000),
    element: {
      type: 'checkboxes',
      action_id: INPUT_ACTION,
      options: options.slice(0, 10),
      ...(initial.length ? { initial_options: initial } : {}),
    },
  };
}
