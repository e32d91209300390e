import type { KnownBlock, View } from '@slack/types';
import type { FieldChange } from '../domain/edit-fields.js';
import { FIELD_LIMITS } from '../domain/field-limits.js';
import { historyFieldLabel } from '../domain/history-fields.js';
import type { MilestoneEditField } from '../domain/milestone-edits.js';
import type { Milestone, Program } from '../domain/program.js';
import { isSlackUserId } from '../domain/slack-user.js';
import { encodeItemOf, encodeProgramRef } from './action-values.js';
import { dayLabel, targetLine } from './date-labels.js';
import { MILESTONE_BLOCKS, MILESTONE_VIEWS } from './ids.js';
import {
  dateInput,
  formModal,
  formProgramLine,
  noticeModal,
  textInput,
  userSelectInput,
} from './modal-parts.js';
import { escapeMrkdwn, mention } from './mrkdwn.js';
import { rebaselineInput } from './target-inputs.js';

/** Where each field's inline error is shown; the owner's is on the typed name, the only input that can be wrong. */
export const MILESTONE_FIELD_BLOCKS: Record<MilestoneEditField, string> = {
  name: MILESTONE_BLOCKS.name,
  owner: MILESTONE_BLOCKS.ownerName,
  target: MILESTONE_BLOCKS.target,
  reason: MILESTONE_BLOCKS.reason,
  rebaseline: MILESTONE_BLOCKS.rebaseline,
};

/**
 * The milestone form: adding one (no `milestone`), or editing one prefilled, which carries the version it
 * was opened on. Moving the target asks why; `mayRebaseline` (admins) adds the box that makes the new
 * target the baseline, so that only an admin can make a slip stop showing.
 */
export function milestoneModal(program: Program, milestone?: Milestone, mayRebaseline = false): View {
  const owner = milestone?.owner ?? '';
  const blocks: KnownBlock[] = [
    formProgramLine(program.name),
    textInput(MILESTONE_BLOCKS.name, 'Milestone', {
      initial: milestone?.name,
      maxLength: FIELD_LIMITS.workstreamName,
      optional: false,
      placeholder: 'e.g. Internal readiness gate',
    }),
    userSelectInput(MILESTONE_BLOCKS.owner, 'Owner', owner || null),
    textInput(MILESTONE_BLOCKS.ownerName, 'Owner not in Slack', {
      initial: owner && !isSlackUserId(owner) ? owner : undefined,
      maxLength: FIELD_LIMITS.ownerTeam,
      hint: 'A team, when the owner is not someone to pick above. Leave empty otherwise.',
      placeholder: 'e.g. Product',
    }),
    dateInput(MILESTONE_BLOCKS.target, 'Target date', milestone?.target ?? null),
  ];
  if (milestone) {
    blocks.push(
      textInput(MILESTONE_BLOCKS.reason, 'Reason', {
        maxLength: FIELD_LIMITS.note,
        multiline: true,
        hint: `Needed when the target moves; kept in the history. Now: ${targetLine(milestone)}.`,
        placeholder: 'Why the date moves',
      }),
    );
    if (mayRebaseline) blocks.push(rebaselineInput(MILESTONE_BLOCKS.rebaseline, milestone.baseline));
  } else {
    blocks.push(
      textInput(MILESTONE_BLOCKS.reason, 'Note', {
        maxLength: FIELD_LIMITS.note,
        multiline: true,
        hint: 'Kept in the history with the new milestone.',
        placeholder: 'Where it comes from (optional)',
      }),
    );
  }
  return formModal({
    callbackId: milestone ? MILESTONE_VIEWS.edit : MILESTONE_VIEWS.add,
    metadata: milestone ? encodeItemOf(program, milestone) : encodeProgramRef(program.slug),
    title: milestone ? 'Edit milestone' : 'Add milestone',
    submit: milestone ? 'Save' : 'Add',
    blocks,
  });
}

/** How a milestone's stored value reads in a confirmation, escaped; none is "—". */
function valueText(field: string, value: string | null): string {
  if (value === null || value === '') return '—';
  if (field === 'owner') return mention(value);
  if (field === 'target' || field === 'baseline') return dayLabel(value);
  return escapeMrkdwn(value);
}

/** What the submitter sees once an edit is saved. */
export function milestoneSavedModal(milestone: Milestone, changes: readonly FieldChange[]): View {
  const lines = changes.map(
    (c) =>
      `*${historyFieldLabel(c.field)}:* ${valueText(c.field, c.oldValue)} → ${valueText(c.field, c.newValue)}`,
  );
  return noticeModal(
    'Saved',
    `:white_check_mark: *${escapeMrkdwn(milestone.name)}* is updated.\n${lines.join('\n')}`,
    'Done',
  );
}

/** What the submitter sees once a new milestone is saved. */
export function milestoneAddedModal(program: Program, milestone: Milestone): View {
  return noticeModal(
    'Added',
    `:white_check_mark: Milestone added to ${escapeMrkdwn(program.name)}: *${escapeMrkdwn(milestone.name)}* (\`${escapeMrkdwn(milestone.key)}\`), ${targetLine(milestone)}.`,
    'Done',
  );
}
