import { z } from 'zod';
import {
  type FieldChange,
  type FieldErrors,
  fieldErrors,
  historyValue,
  requiredFieldText,
} from './edit-fields.js';
import { FIELD_LIMITS } from './field-limits.js';
import { isCalendarDate } from './local-time.js';
import type { Decision } from './program.js';
import { isSlackUserId } from './slack-user.js';

/**
 * Validation and change planning for the decision register: adding a decision, changing what it asks,
 * recording its outcome, deferring it and withdrawing it. Inputs are what a modal submits; errors are keyed
 * by input, and the changes by the history's field names (those the importer records too).
 */

/** The inputs of the decision forms: the keys of their errors. */
export type DecisionInputField =
  | 'question'
  | 'workstreams'
  | 'deciders'
  | 'neededBy'
  | 'outcome'
  | 'decidedBy'
  | 'decidedAt'
  | 'link'
  | 'reason';

/** The history's names of a decision's fields, as `rollout import` records them. */
export type DecisionHistoryField =
  | 'question'
  | 'workstreams'
  | 'deciders'
  | 'needed_by'
  | 'state'
  | 'outcome'
  | 'decided_by'
  | 'decided_at'
  | 'link'
  | 'reason';

/** What a decision asks and of whom: what adding sets and editing changes. */
export interface DecisionAsk {
  question: string;
  workstreams: string[];
  deciders: string[];
  neededBy: string | null;
}

export interface DecisionAskInput {
  question?: string | undefined;
  workstreams?: readonly string[] | undefined;
  deciders?: readonly string[] | undefined;
  /** YYYY-MM-DD; "" or null for none. */
  neededBy?: string | null | undefined;
}

export interface DecisionRecordInput {
  outcome: string;
  decidedBy: readonly string[];
  decidedAt: string;
  /** "" or null for none. */
  link?: string | null | undefined;
}

export interface DecisionRecordValues {
  outcome: string;
  decidedBy: string[];
  decidedAt: string;
  link: string | null;
}

export type DecisionPlan<V> =
  | { ok: false; errors: FieldErrors<DecisionInputField> }
  | { ok: true; next: V; changes: FieldChange<DecisionHistoryField>[] };

const question = requiredFieldText('decisionQuestion', 'Say what needs deciding');

const day = (empty: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, empty)
    .refine(isCalendarDate, 'Expected a date as YYYY-MM-DD, such as 2026-03-31');

const optionalDay = z.preprocess(
  (value) => (value === '' ? null : value),
  z.string().trim().refine(isCalendarDate, 'Expected a date as YYYY-MM-DD, such as 2026-03-31').nullable(),
);

const users = (what: string) =>
  z
    .array(z.string())
    .transform((ids) => [...new Set(ids)])
    .refine((ids) => ids.every(isSlackUserId), `Choose ${what} from the people picker`);

function workstreamKeys(keys: readonly string[]) {
  return z
    .array(z.string())
    .transform((chosen) => [...new Set(chosen)])
    .refine((chosen) => chosen.every((k) => keys.includes(k)), 'Choose workstreams of this program');
}

/** A web address people can open: http or https only, so a `javascript:` link cannot pass for one. */
const link = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() || null : value),
  z
    .string()
    .max(FIELD_LIMITS.url, `At most ${FIELD_LIMITS.url} characters`)
    .refine(
      (url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol),
      'Expected a full link such as https://example.slack.com/archives/…',
    )
    .nullable(),
);

const reason = requiredFieldText('decisionReason', 'Say why');

function askSchema(keys: readonly string[]) {
  return z.object({
    question,
    workstreams: workstreamKeys(keys).default([]),
    deciders: users('deciders').default([]),
    neededBy: optionalDay.default(null),
  });
}

const ASK_FIELDS: readonly [keyof DecisionAsk, DecisionHistoryField][] = [
  ['question', 'question'],
  ['workstreams', 'workstreams'],
  ['deciders', 'deciders'],
  ['neededBy', 'needed_by'],
];

/** One change a field for what differs between `before` and `after`, by the history's names. */
function changesOf<V>(
  fields: readonly [keyof V, DecisionHistoryField][],
  before: V,
  after: V,
): FieldChange<DecisionHistoryField>[] {
  const out: FieldChange<DecisionHistoryField>[] = [];
  for (const [key, field] of fields) {
    const oldValue = historyValue(before[key]);
    const newValue = historyValue(after[key]);
    if (oldValue !== newValue) out.push({ field, oldValue, newValue });
  }
  return out;
}

function refused(error: z.ZodError): { ok: false; errors: FieldErrors<DecisionInputField> } {
  return { ok: false, errors: fieldErrors(error) as FieldErrors<DecisionInputField> };
}

/** A new decision is open; deciders and workstreams may be filled in later. */
export function planDecisionAdd(input: DecisionAskInput, keys: readonly string[]): DecisionPlan<DecisionAsk> {
  const parsed = askSchema(keys).safeParse(input);
  if (!parsed.success) return refused(parsed.error);
  return { ok: true, next: parsed.data, changes: [] };
}

/** Changes what a decision asks; fields left out stay as they are. */
export function planDecisionEdit(
  current: Decision,
  input: DecisionAskInput,
  keys: readonly string[],
): DecisionPlan<DecisionAsk> {
  const parsed = z
    .object({
      question: question.optional(),
      workstreams: workstreamKeys(keys).optional(),
      deciders: users('deciders').optional(),
      neededBy: optionalDay.optional(),
    })
    .safeParse(dropUndefined(input));
  if (!parsed.success) return refused(parsed.error);
  const before: DecisionAsk = askOf(current);
  const next: DecisionAsk = { ...before, ...dropUndefined(parsed.data) };
  return { ok: true, next, changes: changesOf(ASK_FIELDS, before, next) };
}

export function askOf(d: Decision): DecisionAsk {
  return { question: d.question, workstreams: d.workstreams, deciders: d.deciders, neededBy: d.neededBy };
}

const recordSchema = z.object({
  outcome: requiredFieldText('decisionOutcome', 'Say what was decided'),
  decidedBy: users('who decided').refine((ids) => ids.length > 0, 'Choose who decided'),
  decidedAt: day('Choose the day it was decided'),
  link: link.default(null),
});

/** Recording a decision: it becomes decided, with its outcome, who and when, and where it was made. */
export function planDecisionRecord(
  current: Decision,
  input: DecisionRecordInput,
): DecisionPlan<DecisionRecordValues> {
  const parsed = recordSchema.safeParse(input);
  if (!parsed.success) return refused(parsed.error);
  const next = parsed.data;
  const changes = changesOf(
    [
      ['state', 'state'],
      ['outcome', 'outcome'],
      ['decidedBy', 'decided_by'],
      ['decidedAt', 'decided_at'],
      ['link', 'link'],
    ],
    {
      state: current.state,
      outcome: current.outcome,
      decidedBy: current.decidedBy,
      decidedAt: current.decidedAt,
      link: current.link,
    },
    { state: 'decided', ...next },
  );
  return { ok: true, next, changes };
}

/** Deferring: a later needed-by date and why; the decision stays pending. */
export function planDecisionDefer(
  current: Decision,
  input: { neededBy: string; reason: string },
): DecisionPlan<{ neededBy: string; reason: string }> {
  const parsed = z.object({ neededBy: day('Choose the new needed-by date'), reason }).safeParse(input);
  if (!parsed.success) return refused(parsed.error);
  const next = parsed.data;
  const changes = changesOf(
    [
      ['state', 'state'],
      ['neededBy', 'needed_by'],
      ['reason', 'reason'],
    ],
    { state: current.state, neededBy: current.neededBy, reason: current.reason },
    { state: 'deferred', ...next },
  );
  return { ok: true, next, changes };
}

/** Withdrawing: nobody needs to decide it any more, and why. */
export function planDecisionWithdraw(
  current: Decision,
  input: { reason: string },
): DecisionPlan<{ reason: string }> {
  const parsed = z.object({ reason }).safeParse(input);
  if (!parsed.success) return refused(parsed.error);
  const next = parsed.data;
  const changes = changesOf(
    [
      ['state', 'state'],
      ['reason', 'reason'],
    ],
    { state: current.state, reason: current.reason },
    { state: 'withdrawn', ...next },
  );
  return { ok: true, next, changes };
}

function dropUndefined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
