import { z } from 'zod';
import {
  diffFields,
  type FieldChange,
  type FieldErrors,
  fieldErrors,
  fieldText,
  normalizeChoice,
  orList,
  requiredFieldText,
  riskLevelField,
} from './edit-fields.js';
import { isCalendarDate } from './local-time.js';
import type { NextAction, Readiness, TopRisk } from './program.js';
import { mentionedUserId } from './slack-user.js';
import { oneLine } from './user-text.js';
import { RISK_STATES, SIGNAL_INFO, SIGNALS } from './vocabulary.js';

/**
 * Validation and change planning for the program's lists: top risks, readiness and next actions.
 * Inputs are what a modal or a button submits (text, or null/"" to clear an optional value); every field is
 * checked, errors are keyed by field, and a workstream named must exist in the program.
 */

/** An edit either is refused field by field, or yields the new values and what changed (maybe nothing). */
export type EditPlan<F extends string, V, E extends string = F> =
  | { ok: false; errors: FieldErrors<E> }
  | { ok: true; next: V; changes: FieldChange<F>[]; note: string };

/** Adding either is refused field by field, or yields the new item's values. */
export type AddPlan<V, E extends string> =
  | { ok: false; errors: FieldErrors<E> }
  | { ok: true; values: V; note: string };

/** A workstream of this program chosen by key; "" or null ties the item to no workstream. */
function workstreamField(workstreamKeys: readonly string[]) {
  return z.preprocess(
    (value) => (value === '' ? null : typeof value === 'string' ? value.trim() : value),
    z
      .string({ error: 'Choose a workstream' })
      .refine((key) => workstreamKeys.includes(key), {
        error: (issue) => `There is no workstream “${String(issue.input)}” in this program`,
      })
      .nullable(),
  );
}

const noteField = fieldText('note').default('');

function refused<E extends string>(errors: FieldErrors<E>): { ok: false; errors: FieldErrors<E> } {
  return { ok: false, errors };
}

// Risks ------------------------------------------------------------------------------------------------

const RISK_FIELDS = ['text', 'severity', 'workstream', 'status'] as const;
export type RiskField = (typeof RISK_FIELDS)[number];
export type RiskEditField = RiskField | 'note';
export type RiskValues = Pick<TopRisk, RiskField>;

export interface RiskAddInput {
  text: string;
  severity: string;
  workstream?: string | null | undefined;
  note?: string | undefined;
}

export interface RiskChangesInput {
  text?: string | undefined;
  severity?: string | undefined;
  workstream?: string | null | undefined;
  /** open or closed */
  status?: string | undefined;
}

const riskText = requiredFieldText('riskText', 'Describe the risk');
const riskStatus = z.preprocess(
  (value) => (typeof value === 'string' ? normalizeChoice(value) : value),
  z.enum(RISK_STATES, { error: 'Choose open or closed' }),
);

function riskAddSchema(workstreamKeys: readonly string[]) {
  return z.object({
    text: riskText,
    severity: riskLevelField,
    workstream: workstreamField(workstreamKeys).default(null),
    note: noteField,
  });
}

function riskEditSchema(workstreamKeys: readonly string[]) {
  return z.object({
    text: riskText.optional(),
    severity: riskLevelField.optional(),
    workstream: workstreamField(workstreamKeys).optional(),
    status: riskStatus.optional(),
    note: noteField,
  });
}

/** A new risk is open. */
export function planRiskAdd(
  input: RiskAddInput,
  workstreamKeys: readonly string[],
): AddPlan<Omit<RiskValues, 'status'>, RiskEditField> {
  const parsed = riskAddSchema(workstreamKeys).safeParse(input);
  if (!parsed.success) return refused(fieldErrors(parsed.error));
  const { note, ...values } = parsed.data;
  return { ok: true, values, note };
}

export function planRiskEdit(
  current: RiskValues,
  input: RiskChangesInput & { note?: string | undefined },
  workstreamKeys: readonly string[],
): EditPlan<RiskField, RiskValues, RiskEditField> {
  const parsed = riskEditSchema(workstreamKeys).safeParse(input);
  if (!parsed.success) return refused(fieldErrors(parsed.error));
  const { note, ...submitted } = parsed.data;
  const next: RiskValues = {
    text: submitted.text ?? current.text,
    severity: submitted.severity ?? current.severity,
    workstream: submitted.workstream === undefined ? current.workstream : submitted.workstream,
    status: submitted.status ?? current.status,
  };
  return { ok: true, next, changes: diffFields(RISK_FIELDS, current, submitted), note };
}

// Readiness --------------------------------------------------------------------------------------------

const READINESS_FIELDS = ['signal', 'note'] as const;
/**
 * `note` is the dimension's own note (the page's "Current signal" text), which already says why; readiness
 * edits carry no separate note for the log.
 */
export type ReadinessField = (typeof READINESS_FIELDS)[number];
export type ReadinessValues = Pick<Readiness, ReadinessField>;
export type ReadinessChangesInput = Partial<Record<ReadinessField, string>>;

const readinessEditSchema = z.object({
  signal: z
    .preprocess(
      (value) => (typeof value === 'string' ? normalizeChoice(value) : value),
      z.enum(SIGNALS, {
        error: `Choose ${orList(SIGNALS.map((s) => SIGNAL_INFO[s].label))}`,
      }),
    )
    .optional(),
  note: fieldText('readinessNote').optional(),
});

export function planReadinessEdit(
  current: ReadinessValues,
  input: ReadinessChangesInput,
): EditPlan<ReadinessField, ReadinessValues> {
  const parsed = readinessEditSchema.safeParse(input);
  if (!parsed.success) return refused(fieldErrors(parsed.error));
  const submitted = parsed.data;
  const next: ReadinessValues = {
    signal: submitted.signal ?? current.signal,
    note: submitted.note ?? current.note,
  };
  return { ok: true, next, changes: diffFields(READINESS_FIELDS, current, submitted), note: '' };
}

// Next actions -----------------------------------------------------------------------------------------

const NEXT_ACTION_FIELDS = ['text', 'owner', 'workstream', 'due', 'done'] as const;
export type NextActionField = (typeof NEXT_ACTION_FIELDS)[number];
export type NextActionEditField = NextActionField | 'note';
export type NextActionValues = Pick<NextAction, NextActionField>;

export interface NextActionAddInput {
  text: string;
  /** A Slack user ID (or a `<@U…>` mention), or free text such as "Platform team"; "" or null for nobody. */
  owner?: string | null | undefined;
  workstream?: string | null | undefined;
  /** YYYY-MM-DD; "" or null for none. */
  due?: string | null | undefined;
  note?: string | undefined;
}

export interface NextActionChangesInput {
  text?: string | undefined;
  owner?: string | null | undefined;
  workstream?: string | null | undefined;
  due?: string | null | undefined;
  done?: boolean | undefined;
}

const nextActionText = requiredFieldText('nextActionText', 'Say what needs doing');

/** A mention (how one arrives in command text) is kept as the bare ID. */
const nextActionOwner = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const line = oneLine(value);
  if (line === '') return null;
  return mentionedUserId(line);
}, fieldText('nextActionOwner').nullable());

const dueDate = z.preprocess(
  (value) => (value === '' ? null : typeof value === 'string' ? value.trim() : value),
  z
    .string({ error: 'Expected a date as YYYY-MM-DD' })
    .refine(isCalendarDate, 'Expected a date as YYYY-MM-DD, such as 2026-03-31')
    .nullable(),
);

function nextActionAddSchema(workstreamKeys: readonly string[]) {
  return z.object({
    text: nextActionText,
    owner: nextActionOwner.default(null),
    workstream: workstreamField(workstreamKeys).default(null),
    due: dueDate.default(null),
    note: noteField,
  });
}

function nextActionEditSchema(workstreamKeys: readonly string[]) {
  return z.object({
    text: nextActionText.optional(),
    owner: nextActionOwner.optional(),
    workstream: workstreamField(workstreamKeys).optional(),
    due: dueDate.optional(),
    done: z.boolean({ error: 'Expected done or not done' }).optional(),
    note: noteField,
  });
}

/** A new action is not done. */
export function planNextActionAdd(
  input: NextActionAddInput,
  workstreamKeys: readonly string[],
): AddPlan<Omit<NextActionValues, 'done'>, NextActionEditField> {
  const parsed = nextActionAddSchema(workstreamKeys).safeParse(input);
  if (!parsed.success) return refused(fieldErrors(parsed.error));
  const { note, ...values } = parsed.data;
  return { ok: true, values, note };
}

export function planNextActionEdit(
  current: NextActionValues,
  input: NextActionChangesInput & { note?: string | undefined },
  workstreamKeys: readonly string[],
): EditPlan<NextActionField, NextActionValues, NextActionEditField> {
  const parsed = nextActionEditSchema(workstreamKeys).safeParse(input);
  if (!parsed.success) return refused(fieldErrors(parsed.error));
  const { note, ...submitted } = parsed.data;
  const pick = <K extends NextActionField>(field: K): NextActionValues[K] =>
    (submitted[field] === undefined ? current[field] : submitted[field]) as NextActionValues[K];
  const next: NextActionValues = {
    text: pick('text'),
    owner: pick('owner'),
    workstream: pick('workstream'),
    due: pick('due'),
    done: pick('done'),
  };
  return { ok: true, next, changes: diffFields(NEXT_ACTION_FIELDS, current, submitted), note };
}
