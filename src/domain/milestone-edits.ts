import { z } from 'zod';
import {
  diffFields,
  type FieldChange,
  type FieldErrors,
  fieldErrors,
  fieldText,
  requiredFieldText,
} from './edit-fields.js';
import type { Milestone } from './program.js';
import { milestoneKey } from './program-file.js';
import { mentionedUserId } from './slack-user.js';
import { planTargetMove, targetDateField } from './target-moves.js';
import { oneLine } from './user-text.js';

/**
 * Validation and change planning for milestones edited from Slack: their name, owner and target date. A
 * moved target needs a reason (the history keeps it beside old → new); the first target becomes the
 * baseline, and a re-baseline (admins only, checked by the service) makes the new target the baseline.
 */

const MILESTONE_FIELDS = ['name', 'owner', 'target', 'baseline'] as const;
export type MilestoneField = (typeof MILESTONE_FIELDS)[number];
/** `reason` and `rebaseline` are the form's own inputs; errors on them are shown beside them. */
export type MilestoneEditField = 'name' | 'owner' | 'target' | 'reason' | 'rebaseline';
export type MilestoneValues = Pick<Milestone, MilestoneField>;

export interface MilestoneAddInput {
  name: string;
  /** A Slack user ID or a team's name; "" or null for nobody. */
  owner?: string | null | undefined;
  /** YYYY-MM-DD; "" or null for none yet. */
  target?: string | null | undefined;
  note?: string | undefined;
}

export interface MilestoneChangesInput {
  name?: string | undefined;
  owner?: string | null | undefined;
  target?: string | null | undefined;
  /** Why the target moved: required when it does, kept as the history's note. */
  reason?: string | undefined;
  /** Make the (new) target the baseline, recorded as a re-baseline. */
  rebaseline?: boolean | undefined;
}

const name = requiredFieldText('workstreamName', 'Name the milestone');
const owner = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const line = oneLine(value);
  return line === '' ? '' : mentionedUserId(line);
}, fieldText('ownerTeam'));
const reason = fieldText('note').default('');

export type MilestoneAddPlan =
  | { ok: false; errors: FieldErrors<MilestoneEditField> }
  | { ok: true; values: MilestoneValues & { key: string }; note: string };

/**
 * A new milestone: its key is made from its name as an import makes one, with a number added when another
 * milestone or a workstream already has it (keys are shared by `depends_on`). Its first target is its baseline.
 */
export function planMilestoneAdd(input: MilestoneAddInput, takenKeys: ReadonlySet<string>): MilestoneAddPlan {
  const parsed = z
    .object({ name, owner: owner.default(''), target: targetDateField.default(null), note: reason })
    .safeParse({ ...input, owner: input.owner ?? '' });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { note, ...values } = parsed.data;
  return {
    ok: true,
    values: { ...values, baseline: values.target, key: freeKey(values.name, takenKeys) },
    note,
  };
}

/** `internal-readiness-gate`, or `internal-readiness-gate-2` (and so on) when that one is taken. */
export function freeKey(name: string, taken: ReadonlySet<string>): string {
  const base = milestoneKey(name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const key = `${base.slice(0, 64 - suffix.length)}${suffix}`;
    if (!taken.has(key)) return key;
  }
}

export type MilestoneEditPlan =
  | { ok: false; errors: FieldErrors<MilestoneEditField> }
  | {
      ok: true;
      next: MilestoneValues;
      changes: FieldChange<MilestoneField>[];
      note: string;
      /** The change asks for a re-baseline (the service lets only admins). */
      rebaseline: boolean;
    };

/**
 * An edit: fields left out stay as they are. A target moved from one date to another (or cleared) needs a
 * reason; a first target also becomes the baseline; `rebaseline` sets the baseline to the target, with a
 * reason too. The changes are in the history's order: name, owner, target, baseline.
 */
export function planMilestoneEdit(current: MilestoneValues, input: MilestoneChangesInput): MilestoneEditPlan {
  const parsed = z
    .object({
      name: name.optional(),
      owner: owner.optional(),
      target: targetDateField.optional(),
      reason,
      rebaseline: z.boolean().default(false),
    })
    .safeParse({ ...input, owner: input.owner === null ? '' : input.owner });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { reason: note, rebaseline, ...submitted } = parsed.data;
  const dates = planTargetMove(current, { target: submitted.target, reason: note, rebaseline });
  if (!dates.ok) return dates;
  const next: MilestoneValues = {
    name: submitted.name ?? current.name,
    owner: submitted.owner ?? current.owner,
    ...dates.next,
  };
  return {
    ok: true,
    next,
    changes: diffFields(MILESTONE_FIELDS, current, next),
    note,
    rebaseline: dates.rebaseline,
  };
}
