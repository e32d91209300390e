import { z } from 'zod';
import {
  diffFields,
  type FieldChange,
  type FieldErrors,
  fieldErrors,
  fieldText,
  riskLevelField,
  statusField,
} from './edit-fields.js';
import type { Workstream } from './program.js';
import { planTargetMove, type TargetMoveField, targetDateField } from './target-moves.js';
import type { Risk, Status } from './vocabulary.js';

/** What an owner sets as submitted, dates aside; `summary` is the page's "Workstream snapshot". */
const PLAIN_FIELDS = ['status', 'risk', 'state', 'blocker', 'summary'] as const;
type PlainField = (typeof PLAIN_FIELDS)[number];
/** Every field an update may change, in the history's order; the baseline follows the target's rules. */
const WORKSTREAM_FIELDS = [...PLAIN_FIELDS, 'target', 'baseline'] as const;
export type WorkstreamField = (typeof WORKSTREAM_FIELDS)[number];

/** Every input of the edit, including the note for the log: the keys of `invalid` errors. */
export type WorkstreamUpdateField = Exclude<WorkstreamField, 'baseline'> | 'note' | TargetMoveField;

/** As submitted (a modal's raw values); only the fields present are changed. */
export type WorkstreamChangesInput = Partial<Record<PlainField, string>> & {
  /** YYYY-MM-DD; "" or null clears it. */
  target?: string | null | undefined;
  /** Why the target moved: required when an existing one moves or is cleared; the history's note for it. */
  reason?: string | undefined;
  /** Make the (new) target the baseline (the service lets only admins). */
  rebaseline?: boolean | undefined;
};

export interface WorkstreamValues {
  status: Status;
  risk: Risk;
  state: string;
  blocker: string;
  summary: string;
  target: string | null;
  baseline: string | null;
}

/** One changed field, with the history note it is recorded with when not the update's own note. */
export type WorkstreamChange = FieldChange<WorkstreamField> & { note?: string };

export const REASON_WITHOUT_MOVE =
  'The target date did not move: leave this empty, or say it in the note below.';

export const BLOCKED_NEEDS_BLOCKER = 'A blocked workstream needs its main blocker';

const blockerField = fieldText('blocker');

export const workstreamUpdateSchema = z.object({
  status: statusField.optional(),
  risk: riskLevelField.optional(),
  state: fieldText('state').optional(),
  blocker: blockerField.optional(),
  summary: fieldText('summary').optional(),
  target: targetDateField.optional(),
  note: fieldText('note').default(''),
  reason: fieldText('note').default(''),
  rebaseline: z.boolean().default(false),
});

const datesSchema = workstreamUpdateSchema.pick({ target: true, reason: true, rebaseline: true });

export type WorkstreamUpdatePlan =
  | { ok: false; errors: FieldErrors<WorkstreamUpdateField> }
  | {
      ok: true;
      /** The workstream's values after the edit. */
      next: WorkstreamValues;
      /** Empty when the submission matches what is stored: nothing to write. */
      changes: WorkstreamChange[];
      note: string;
      /** The change asks for a re-baseline (the service lets only admins). */
      rebaseline: boolean;
    };

/**
 * Validates a submission against the workstream as stored and works out what changes. Every field is
 * checked before anything is decided, so a person sees all their mistakes at once.
 */
export function planWorkstreamUpdate(
  current: Pick<Workstream, WorkstreamField>,
  input: WorkstreamChangesInput & { note?: string | undefined },
): WorkstreamUpdatePlan {
  const parsed = workstreamUpdateSchema.safeParse(input);
  const errors: FieldErrors<WorkstreamUpdateField> = parsed.success ? {} : fieldErrors(parsed.error);
  const given = parsed.success ? parsed.data : undefined;

  // Judged on the result, so clearing the blocker of a blocked workstream is refused as well; each side is
  // read on its own so the message shows even when another field (say, the note) is refused too.
  const status = input.status === undefined ? current.status : statusField.safeParse(input.status).data;
  const blocker = input.blocker === undefined ? current.blocker : blockerField.safeParse(input.blocker).data;
  const touchesBlock = input.status !== undefined || input.blocker !== undefined;
  if (touchesBlock && status === 'blocked' && blocker === '') errors.blocker = BLOCKED_NEEDS_BLOCKER;
  const asked = datesSchema.safeParse(input);
  const dates = asked.success ? planTargetMove(current, asked.data) : undefined;
  if (dates && !dates.ok) Object.assign(errors, dates.errors);
  if (!given || !dates?.ok || Object.keys(errors).length > 0) return { ok: false, errors };

  const { note, reason, ...submitted } = given;
  const next: WorkstreamValues = {
    status: submitted.status ?? current.status,
    risk: submitted.risk ?? current.risk,
    state: submitted.state ?? current.state,
    blocker: submitted.blocker ?? current.blocker,
    summary: submitted.summary ?? current.summary,
    ...dates.next,
  };
  const changes = diffFields(WORKSTREAM_FIELDS, current, next).map((c) =>
    withDateNote(c, note, reason, dates),
  );
  // A reason no date change keeps would be lost without a word.
  if (reason !== '' && !changes.some((c) => c.field === 'target' || c.field === 'baseline'))
    return { ok: false, errors: { reason: REASON_WITHOUT_MOVE } };
  return { ok: true, next, changes, note, rebaseline: dates.rebaseline };
}

/**
 * The target's history entry keeps the reason (the digest shows it beside the move); a re-baseline's entry
 * says it is one. A first target, which needs no reason, falls back on the update's note.
 */
function withDateNote(
  c: FieldChange<WorkstreamField>,
  note: string,
  reason: string,
  dates: { rebaseline: boolean },
): WorkstreamChange {
  if (c.field !== 'target' && c.field !== 'baseline') return c;
  const why = reason || note;
  if (c.field === 'baseline' && dates.rebaseline) return { ...c, note: `Re-baselined: ${why}` };
  return { ...c, note: why };
}
