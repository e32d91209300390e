import type { FIELD_LIMITS } from './field-limits.js';

/**
 * What people type is shown inside Rollout's own structure (a digest line, a list row, a table cell). These
 * rules keep it from forging that structure, wherever it comes from (a form, a forged submission, an import)
 * and wherever it is shown.
 */

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what follows them,
 * so a name can read differently from what it is; the implicit marks (U+200E, U+200F, U+061C) can move the
 * punctuation beside them. None carries meaning of its own, so all are dropped.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** `\s` leaves out NEL (U+0085), which some renderers still take as a line break. */
const WHITESPACE_RUN = /[\s\u0085]+/g;

/** Every way of ending a line that a renderer may honour. */
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Text for a one-line field: without line breaks, runs of whitespace as one space, and no bidi controls. A
 * line break in a blocker or a risk would let it start what reads as a line of Rollout's own.
 */
export function oneLine(text: string): string {
  return withoutBidiControls(text).replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Text for a multi-line field (a snapshot): its lines kept, each one's whitespace as in a one-line field, at
 * most one blank line in a row, and no bidi controls. Shown, it must still be marked as quoted.
 */
export function multiLine(text: string): string {
  return withoutBidiControls(text)
    .split(LINE_BREAK)
    .map((line) => line.replace(WHITESPACE_RUN, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The stored texts, by their `FIELD_LIMITS` name. */
export type TextField = keyof typeof FIELD_LIMITS;

/**
 * Which stored texts may hold several lines: only the summaries, which are prose. Everything else is shown
 * inline somewhere (a digest bullet, a table cell, a history entry) and so is one line.
 */
const MULTI_LINE_FIELDS: ReadonlySet<TextField> = new Set<TextField>(['programSummary', 'summary']);

export function isMultiLine(field: TextField): boolean {
  return MULTI_LINE_FIELDS.has(field);
}

/** A stored text as it should be kept: `multiLine` for the summaries, `oneLine` for everything else. */
export function normalizeUserText(field: TextField, text: string): string {
  return isMultiLine(field) ? multiLine(text) : oneLine(text);
}
