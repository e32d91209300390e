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
import type { Risk, Status } from './vocabulary.js';

/** What an owner changes on a workstream from Slack; `summary` is the page's "Workstream snapshot". */
const WORKSTREAM_FIELDS = ['status', 'risk', 'state', 'blocker', 'summary'] as const;
export type WorkstreamField = (typeof WORKSTREAM_FIELDS)[number];

/** Every input of the edit, including the note for the log: the keys of `invalid` errors. */
export type WorkstreamUpdateField = WorkstreamField | 'note';

/** As submitted (a modal's raw values); only the fields present are changed. */
export type WorkstreamChangesInput = Partial<Record<WorkstreamField, string>>;

export interface WorkstreamValues {
  status: Status;
  risk: Risk;
  state: string;
  blocker: string;
  summary: string;
}

export const BLOCKED_NEEDS_BLOCKER = 'A blocked workstream needs its main blocker';

const blockerField = fieldText('blocker');

export const workstreamUpdateSchema = z.object({
  status: statusField.optional(),
  risk: riskLevelField.optional(),
  state: fieldText('state').optional(),
  blocker: blockerField.optional(),
  summary: fieldText('summary').optional(),
  note: fieldText('note').default(''),
});

export type WorkstreamUpdatePlan =
  | { ok: false; errors: FieldErrors<WorkstreamUpdateField> }
  | {
      ok: true;
      /** The workstream's values after the edit. */
      next: WorkstreamValues;
      /** Empty when the submission matches what is stored: nothing to write. */
      changes: FieldChange<WorkstreamField>[];
      note: string;
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
  if (!given || Object.keys(errors).length > 0) return { ok: false, errors };

  const { note, ...submitted } = given;
  const next: WorkstreamValues = {
    status: submitted.status ?? current.status,
    risk: submitted.risk ?? current.risk,
    state: submitted.state ?? current.state,
    blocker: submitted.blocker ?? current.blocker,
    summary: submitted.summary ?? current.summary,
  };
  return { ok: true, next, changes: diffFields(WORKSTREAM_FIELDS, current, submitted), note };
}
