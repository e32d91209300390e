import { z } from 'zod';
import { FIELD_LIMITS } from './field-limits.js';
import { normalizeUserText, type TextField } from './user-text.js';
import { RISK_INFO, RISKS, STATUS_INFO, STATUSES } from './vocabulary.js';

/**
 * Building blocks shared by every edit from Slack: field schemas whose messages a person understands,
 * errors keyed by field (so a modal shows each next to its input), and field-by-field changes.
 */

/** One message per field, ready for `response_action: 'errors'` once mapped to block IDs. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * The first problem of each field. Issues are keyed by the first element of their path, so this fits the
 * flat object schemas of the edit modules; an issue without a path (input that is not an object at all)
 * is left out — the services' typed inputs rule that out.
 */
export function fieldErrors<T>(error: z.ZodError<T>): FieldErrors<keyof T & string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && !(field in out)) out[field] = issue.message;
  }
  return out as FieldErrors<keyof T & string>;
}

/** Trimmed text of at most `max` characters; checked here even when a modal's max_length would stop it. */
export function limitedText(max: number) {
  return z
    .string({ error: 'Expected text' })
    .trim()
    .max(max, { error: (issue) => `At most ${max} characters (this has ${lengthOf(issue.input)})` });
}

/** As `limitedText`, and not empty. */
export function requiredText(max: number, emptyMessage: string) {
  return limitedText(max).min(1, emptyMessage);
}

/**
 * The stored text `field` as a form submits it: one line unless it is a summary (see user-text), within its
 * `FIELD_LIMITS`. A modal's single-line input is no guarantee: a forged submission can still send `\n`.
 */
export function fieldText(field: TextField) {
  return z.preprocess(normalized(field), limitedText(FIELD_LIMITS[field]));
}

/** As `fieldText`, and not empty. */
export function requiredFieldText(field: TextField, emptyMessage: string) {
  return z.preprocess(normalized(field), requiredText(FIELD_LIMITS[field], emptyMessage));
}

function normalized(field: TextField) {
  return (value: unknown) => (typeof value === 'string' ? normalizeUserText(field, value) : value);
}

function lengthOf(input: unknown): number {
  return typeof input === 'string' ? input.length : 0;
}

/** Status by key or label, any case ("Needs decision", "needs-decision"); only the shared vocabulary. */
export const statusField = z.preprocess(
  (value) => (typeof value === 'string' ? normalizeChoice(value) : value),
  z.enum(STATUSES, {
    error: `Choose a status from the list: ${STATUSES.map((s) => STATUS_INFO[s].label).join(', ')}`,
  }),
);

/** A risk level (also a risk's severity): high, medium or low. */
export const riskLevelField = z.preprocess(
  (value) => (typeof value === 'string' ? normalizeChoice(value) : value),
  z.enum(RISKS, { error: `Choose ${orList(RISKS.map((r) => RISK_INFO[r].label))}` }),
);

/** "High, Medium or Low". */
export function orList(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : words.join('');
}

export function normalizeChoice(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** One changed field: values as the history stores and shows them (text, or null for "none"). */
export interface FieldChange<F extends string = string> {
  field: F;
  oldValue: string | null;
  newValue: string | null;
}

/**
 * The text a value is compared and recorded as in the history, by edits and imports alike; lists are
 * joined so a change of owners reads "U1, U2 → U1".
 */
export function historyValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * The fields of `changes` whose value differs from `current`, in `order`. Fields absent from `changes`
 * (undefined) were not submitted and do not count.
 */
export function diffFields<F extends string>(
  order: readonly F[],
  current: Record<F, unknown>,
  changes: Partial<Record<F, unknown>>,
): FieldChange<F>[] {
  const out: FieldChange<F>[] = [];
  for (const field of order) {
    if (changes[field] === undefined) continue;
    const oldValue = historyValue(current[field]);
    const newValue = historyValue(changes[field]);
    if (oldValue !== newValue) out.push({ field, oldValue, newValue });
  }
  return out;
}
