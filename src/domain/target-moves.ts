import { z } from 'zod';
import type { FieldErrors } from './edit-fields.js';
import { isCalendarDate } from './local-time.js';
import type { Dated } from './target-dates.js';

/**
 * The one rule for moving a target date from Slack, shared by milestones and workstreams so that a slip is
 * explained the same way everywhere: a first target needs no reason and becomes the baseline; moving or
 * clearing a target needs a reason; a re-baseline (admins only, checked by the services) needs one too.
 */

/** A submitted target: YYYY-MM-DD, or "" / null for none. */
export const targetDateField = z.preprocess(
  (value) => (value === '' ? null : typeof value === 'string' ? value.trim() : value),
  z
    .string({ error: 'Expected a date as YYYY-MM-DD' })
    .refine(isCalendarDate, 'Expected a date as YYYY-MM-DD, such as 2027-01-15')
    .nullable(),
);

export const TARGET_REASON_NEEDED = 'Say why the target moved: it is kept in the history with the change.';
export const BASELINE_REASON_NEEDED =
  'Say why the baseline moves: it is kept in the history with the change.';
export const REBASELINE_NEEDS_TARGET = 'Choose a target date to re-baseline to.';

/** The inputs a target move is judged on, as their errors are keyed. */
export type TargetMoveField = 'reason' | 'rebaseline';

export type TargetMovePlan =
  | { ok: false; errors: FieldErrors<TargetMoveField> }
  | {
      ok: true;
      /** The dates after the change. */
      next: Dated;
      /** The target moved from one date to another, or was cleared (a first target is not a move). */
      moved: boolean;
      /** The baseline is set to the target on request (not a first target's baseline). */
      rebaseline: boolean;
    };

/** `target` undefined leaves the target as it is; `reason` is trimmed already. */
export function planTargetMove(
  current: Dated,
  input: { target?: string | null | undefined; reason: string; rebaseline: boolean },
): TargetMovePlan {
  const target = input.target === undefined ? current.target : input.target;
  const moved = current.target !== null && target !== current.target;
  if ((moved || input.rebaseline) && input.reason === '')
    return {
      ok: false,
      errors: { reason: input.rebaseline ? BASELINE_REASON_NEEDED : TARGET_REASON_NEEDED },
    };
  if (input.rebaseline && target === null)
    return { ok: false, errors: { rebaseline: REBASELINE_NEEDS_TARGET } };
  const baseline = input.rebaseline || current.baseline === null ? target : current.baseline;
  return {
    ok: true,
    next: { target, baseline },
    moved,
    rebaseline: input.rebaseline && baseline !== current.baseline,
  };
}
