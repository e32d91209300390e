import type { ContextBlock, InputBlock, KnownBlock, PlainTextOption, SectionBlock, View } from '@slack/types';
import { FIELD_LIMITS } from '../domain/field-limits.js';
import { isSlackUserId } from '../domain/slack-user.js';
import { context, plainText, section } from './blocks.js';
import { INPUT_ACTION } from './ids.js';
import { BLOCK_LIMITS } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** For the listeners, which name modal titles with it; Rollout's own builders import blocks.ts. */
export { plainText } from './blocks.js';

/** How an input block is shown around its element; `optional` is left out where Slack's default (false) holds. */
interface InputFrame {
  optional?: boolean | undefined;
  hint?: string | undefined;
}

function inputBlock(
  blockId: string,
  label: string,
  frame: InputFrame,
  element: InputBlock['element'],
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    ...(frame.optional === undefined ? {} : { optional: frame.optional }),
    label: plainText(label, BLOCK_LIMITS.inputLabel),
    ...(frame.hint ? { hint: plainText(frame.hint, BLOCK_LIMITS.inputHint) } : {}),
    element,
  };
}

/** A select of one option; `optional` is left out unless given. */
export function selectInput(
  blockId: string,
  label: string,
  options: PlainTextOption[],
  initial: string | undefined,
  optional?: boolean,
): InputBlock {
  const shown = keepWithin(options, BLOCK_LIMITS.selectOptions, (o) => o.value === initial);
  const initialOption = shown.find((o) => o.value === initial);
  return inputBlock(
    blockId,
    label,
    { optional },
    {
      type: 'static_select',
      action_id: INPUT_ACTION,
      options: shown,
      ...(initialOption ? { initial_option: initialOption } : {}),
    },
  );
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
  return inputBlock(
    blockId,
    label,
    { optional: opts.optional ?? true, hint: opts.hint },
    {
      type: 'plain_text_input',
      action_id: INPUT_ACTION,
      multiline: opts.multiline ?? false,
      max_length: opts.maxLength,
      ...(opts.placeholder ? { placeholder: plainText(opts.placeholder, BLOCK_LIMITS.placeholder) } : {}),
      ...(opts.initial ? { initial_value: opts.initial.slice(0, opts.maxLength) } : {}),
    },
  );
}

export interface FormModal {
  callbackId: string;
  /** What the form is about, carried to its submission. */
  metadata: string;
  title: string;
  /** The submit button's text. */
  submit: string;
  blocks: KnownBlock[];
}

/** A form: its submit button sends it, Cancel closes it. */
export function formModal(form: FormModal): View {
  return {
    type: 'modal',
    callback_id: form.callbackId,
    private_metadata: form.metadata,
    title: plainText(form.title),
    submit: plainText(form.submit),
    close: plainText('Cancel'),
    blocks: form.blocks,
  };
}

/** On top of a form: the item it changes, in bold, and its program under it. */
export function formHeading(item: string, program: string): SectionBlock {
  return section(undefined, `*${escapeMrkdwn(item)}*\n${escapeMrkdwn(program)}`);
}

/** On top of a list item's form (a risk, a next action): the program's name. */
export function formProgramLine(program: string): ContextBlock {
  return context(undefined, escapeMrkdwn(program));
}

/** The optional note a form keeps in the history with the change it saves. */
export function historyNoteInput(blockId: string, placeholder: string): InputBlock {
  return textInput(blockId, 'Note', {
    maxLength: FIELD_LIMITS.note,
    multiline: true,
    hint: 'Kept in the history with your change.',
    placeholder,
  });
}

/** A modal that only says something (a refusal, a confirmation): no inputs, one Close button. */
export function noticeModal(title: string, mrkdwn: string, close = 'Close'): View {
  return {
    type: 'modal',
    title: plainText(title),
    close: plainText(close),
    blocks: [section(undefined, mrkdwn)],
  };
}

/** The answer to a form sent back exactly as it was: nothing to save, and a note alone is not a change. */
export function nothingToSaveModal(): View {
  return noticeModal(
    'Nothing to save',
    'Nothing changed, so nothing was saved. A note is kept only together with a change.',
  );
}

/** A Slack user picker; `initial` only when it is a user ID (free text is not a user). */
export function userSelectInput(blockId: string, label: string, initial: string | null): InputBlock {
  return inputBlock(
    blockId,
    label,
    { optional: true },
    {
      type: 'users_select',
      action_id: INPUT_ACTION,
      ...(initial && isSlackUserId(initial) ? { initial_user: initial } : {}),
    },
  );
}

/** Slack user pickers of several people; `initial` keeps only user IDs (free text is not a user). */
export function usersSelectInput(
  blockId: string,
  label: string,
  initial: readonly string[],
  optional = true,
): InputBlock {
  const ids = initial.filter(isSlackUserId);
  return inputBlock(
    blockId,
    label,
    { optional },
    { type: 'multi_users_select', action_id: INPUT_ACTION, ...(ids.length ? { initial_users: ids } : {}) },
  );
}

/** A date picker (YYYY-MM-DD). */
export function dateInput(
  blockId: string,
  label: string,
  initial: string | null,
  optional = true,
): InputBlock {
  return inputBlock(
    blockId,
    label,
    { optional },
    {
      type: 'datepicker',
      action_id: INPUT_ACTION,
      ...(initial ? { initial_date: initial } : {}),
    },
  );
}

/** Checkboxes (at most 10); an unchecked box submits nothing, so the block is optional. */
export function checkboxInput(
  blockId: string,
  label: string,
  options: PlainTextOption[],
  checked: readonly string[],
): InputBlock {
  return manyInput('checkboxes', BLOCK_LIMITS.checkboxOptions, blockId, label, options, checked);
}

/** A select of several options (at most 100), optional like checkboxes. */
export function multiSelectInput(
  blockId: string,
  label: string,
  options: PlainTextOption[],
  chosen: readonly string[],
): InputBlock {
  return manyInput('multi_static_select', BLOCK_LIMITS.selectOptions, blockId, label, options, chosen);
}

/** Checkboxes or a multi-select: at most `max` options, those `chosen` kept and shown chosen. */
function manyInput(
  type: 'checkboxes' | 'multi_static_select',
  max: number,
  blockId: string,
  label: string,
  options: PlainTextOption[],
  chosen: readonly string[],
): InputBlock {
  const isChosen = (o: PlainTextOption) => o.value !== undefined && chosen.includes(o.value);
  const shown = keepWithin(options, max, isChosen);
  const initial = shown.filter(isChosen);
  return inputBlock(
    blockId,
    label,
    { optional: true },
    {
      type,
      action_id: INPUT_ACTION,
      options: shown,
      ...(initial.length ? { initial_options: initial } : {}),
    },
  );
}

/**
 * At most `max` options, in their order, keeping those `keep` picks (Slack refuses an initial option that
 * is not among the options): the last unpicked ones make room.
 */
export function keepWithin<T>(options: T[], max: number, keep: (o: T) => boolean): T[] {
  if (options.length <= max) return options;
  const kept = new Set(options.filter(keep).slice(0, max));
  let room = max - kept.size;
  return options.filter((o) => {
    if (kept.has(o)) return true;
    if (keep(o) || room <= 0) return false;
    room--;
    return true;
  });
}
