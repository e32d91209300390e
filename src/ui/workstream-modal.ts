import type { View } from '@slack/types';
import type { FieldChange } from '../domain/edit-fields.js';
import { FIELD_LIMITS } from '../domain/field-limits.js';
import { historyFieldLabel, historyValueLabel } from '../domain/history-fields.js';
import type { Program, Workstream } from '../domain/program.js';
import { RISK_INFO, RISKS, STATUS_INFO, STATUSES } from '../domain/vocabulary.js';
import type { WorkstreamUpdateField } from '../domain/workstream-update.js';
import { encodeProgramRef, encodeUpdateRef } from './action-values.js';
import { context, option } from './blocks.js';
import { dayLabel, targetLine } from './date-labels.js';
import { decisionPromptBlocks } from './decision-prompt.js';
import { BLOCKS, VIEWS } from './ids.js';
import { BLOCK_LIMITS, truncate } from './limits.js';
import {
  dateInput,
  formHeading,
  formModal,
  historyNoteInput,
  noticeModal,
  selectInput,
  textInput,
} from './modal-parts.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { rebaselineInput } from './target-inputs.js';

/** Where each field's inline error is shown. */
export const UPDATE_FIELD_BLOCKS: Record<WorkstreamUpdateField, string> = {
  status: BLOCKS.wsStatus,
  risk: BLOCKS.wsRisk,
  state: BLOCKS.wsState,
  blocker: BLOCKS.wsBlocker,
  summary: BLOCKS.wsSummary,
  target: BLOCKS.wsTarget,
  reason: BLOCKS.wsTargetReason,
  rebaseline: BLOCKS.wsRebaseline,
  note: BLOCKS.wsNote,
};

/**
 * The update form, prefilled with today's values; it carries the version it was opened on. Moving the target
 * asks why; `mayRebaseline` (admins) adds the box that makes the new target the baseline.
 */
export function workstreamUpdateModal(program: Program, w: Workstream, mayRebaseline = false): View {
  return formModal({
    callbackId: VIEWS.workstreamUpdate,
    metadata: encodeUpdateRef({ program: program.slug, workstream: w.key, version: w.version }),
    title: 'Update workstream',
    submit: 'Save',
    blocks: [
      formHeading(w.name, program.name),
      selectInput(
        BLOCKS.wsStatus,
        historyFieldLabel('status'),
        STATUSES.map((s) => option(s, STATUS_INFO[s].label, STATUS_INFO[s].description)),
        w.status,
      ),
      selectInput(
        BLOCKS.wsRisk,
        historyFieldLabel('risk'),
        RISKS.map((r) => option(r, RISK_INFO[r].label)),
        w.risk,
      ),
      textInput(BLOCKS.wsState, historyFieldLabel('state'), {
        initial: w.state,
        maxLength: FIELD_LIMITS.state,
      }),
      textInput(BLOCKS.wsBlocker, historyFieldLabel('blocker'), {
        initial: w.blocker,
        maxLength: FIELD_LIMITS.blocker,
        multiline: true,
        hint: 'Required when the status is Blocked.',
      }),
      textInput(BLOCKS.wsSummary, historyFieldLabel('summary'), {
        initial: w.summary,
        maxLength: FIELD_LIMITS.summary,
        multiline: true,
      }),
      dateInput(BLOCKS.wsTarget, 'Target date', w.target),
      textInput(BLOCKS.wsTargetReason, 'Why the date moved', {
        maxLength: FIELD_LIMITS.note,
        multiline: true,
        hint: w.target
          ? `Needed when the target moves or is cleared; kept in the history. Now: ${targetLine(w)}.`
          : 'Not needed for a first target date, which becomes the baseline.',
        placeholder: 'Why the date moves',
      }),
      ...(mayRebaseline ? [rebaselineInput(BLOCKS.wsRebaseline, w.baseline)] : []),
      ...decisionPromptBlocks(program, w),
      historyNoteInput(BLOCKS.wsNote, 'Why it changed (optional)'),
    ],
  });
}

/** `/rollout update` with no workstream: a choice among those this person may update. */
export function workstreamPickModal(program: Program, workstreams: Workstream[]): View {
  return formModal({
    callbackId: VIEWS.workstreamPick,
    metadata: encodeProgramRef(program.slug),
    title: 'Update workstream',
    submit: 'Next',
    blocks: [
      selectInput(
        BLOCKS.wsPick,
        `Which workstream of ${program.name}?`,
        workstreams.map((w) =>
          option(w.key, w.name, `${STATUS_INFO[w.status].label} · ${RISK_INFO[w.risk].label} risk`),
        ),
        workstreams.length === 1 ? workstreams[0]?.key : undefined,
      ),
      ...(workstreams.length > BLOCK_LIMITS.selectOptions
        ? [
            context(
              undefined,
              `…and ${workstreams.length - BLOCK_LIMITS.selectOptions} more: name one with \`/rollout update WORKSTREAM\`.`,
            ),
          ]
        : []),
    ],
  });
}

/** How a changed value reads: statuses and risks by their labels, dates as "1 Feb 2027", empty as "—". */
export function changeValue(field: string, value: string | null): string {
  if (!value) return '—';
  return field === 'target' || field === 'baseline' ? dayLabel(value) : historyValueLabel(field, value);
}

/** "Status: Needs decision → Drafted" lines, escaped for mrkdwn and each cut to stay readable. */
export function changeLines(changes: readonly FieldChange[]): string[] {
  return changes.map(
    (c) =>
      `*${escapeMrkdwn(historyFieldLabel(c.field))}:* ${escapeMrkdwn(truncate(changeValue(c.field, c.oldValue), 300))} → ${escapeMrkdwn(truncate(changeValue(c.field, c.newValue), 300))}`,
  );
}

/** What the submitter sees once their change is saved. */
export function updateSavedModal(w: Workstream, changes: FieldChange[]): View {
  if (changes.length === 0)
    return noticeModal(
      'Saved',
      `:white_check_mark: *${escapeMrkdwn(w.name)}* is confirmed as current: nothing needed changing, and it no longer counts as stale.`,
      'Done',
    );
  return noticeModal(
    'Saved',
    `:white_check_mark: *${escapeMrkdwn(w.name)}* is updated.\n${changeLines(changes).join('\n')}`,
    'Done',
  );
}
