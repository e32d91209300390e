import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
} from '@slack/types';
import { oneLine } from '../domain/user-text.js';
import { BLOCK_LIMITS, truncate } from './limits.js';
import type { SlackMessage } from './message.js';

/**
 * The one way Rollout writes Block Kit: every builder of a message, view or form goes through these, and
 * each applies Slack's limits (BLOCK_LIMITS) for what it builds, so no caller cuts text or ids itself.
 * Texts given as mrkdwn must already be escaped (`escapeMrkdwn`); plain texts are put on one line here.
 */

/** Plain text (a header, a button, a label, an option): on one line, cut to `max`. */
export function plainText(text: string, max: number = BLOCK_LIMITS.modalTitle): PlainTextElement {
  return { type: 'plain_text', text: truncate(oneLine(text), max), emoji: true };
}

/** An mrkdwn text object, cut to `max` (a section's text unless said). */
export function mrkdwn(text: string, max: number = BLOCK_LIMITS.sectionText): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(text, max) };
}

/** `block_id` when there is one, cut to Slack's 255. */
function blockId(id: string | undefined): { block_id?: string } {
  return id === undefined ? {} : { block_id: truncate(id, BLOCK_LIMITS.blockId) };
}

export function header(id: string | undefined, text: string): HeaderBlock {
  return { type: 'header', ...blockId(id), text: plainText(text, BLOCK_LIMITS.headerText) };
}

/** A section of mrkdwn text, with an optional accessory (a button) beside it. */
export function section(id: string | undefined, text: string, accessory?: Button): SectionBlock {
  return { type: 'section', ...blockId(id), text: mrkdwn(text), ...(accessory ? { accessory } : {}) };
}

/** A section of labelled two-column fields (mrkdwn): at most 10, each cut to Slack's 2000. */
export function fieldsSection(id: string | undefined, fields: readonly string[]): SectionBlock {
  return {
    type: 'section',
    ...blockId(id),
    fields: fields.slice(0, BLOCK_LIMITS.sectionFields).map((f) => mrkdwn(f, BLOCK_LIMITS.fieldText)),
  };
}

/** A context line of mrkdwn: small grey text under or between blocks. */
export function context(id: string | undefined, text: string): ContextBlock {
  return { type: 'context', ...blockId(id), elements: [mrkdwn(text, BLOCK_LIMITS.contextText)] };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

/** A row of buttons: at most 25. */
export function actions(id: string | undefined, buttons: readonly Button[]): ActionsBlock {
  return { type: 'actions', ...blockId(id), elements: buttons.slice(0, BLOCK_LIMITS.actionsElements) };
}

export interface ButtonOptions {
  style?: 'primary' | 'danger';
  /** What a screen reader says instead of the text, e.g. "Details of Identity and SSO". */
  label?: string;
}

/** A button: `value` is an encoded payload (action-values.ts), and must stay within 2000 characters. */
export function button(actionId: string, text: string, value: string, opts: ButtonOptions = {}): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: plainText(text, BLOCK_LIMITS.buttonText),
    value,
    ...(opts.style ? { style: opts.style } : {}),
    ...(opts.label ? { accessibility_label: truncate(oneLine(opts.label), BLOCK_LIMITS.buttonText) } : {}),
  };
}

/** An option of a select or checkboxes: label and description cut to Slack's 75. */
export function option(value: string, label: string, description?: string): PlainTextOption {
  return {
    value,
    text: plainText(label, BLOCK_LIMITS.optionText),
    ...(description ? { description: plainText(description, BLOCK_LIMITS.optionDescription) } : {}),
  };
}

/** A message: its blocks, and the fallback text (notifications, screen readers) cut to Slack's 4000. */
export function message(text: string, blocks: KnownBlock[]): SlackMessage {
  return { text: truncate(text, BLOCK_LIMITS.fallbackText), blocks };
}
