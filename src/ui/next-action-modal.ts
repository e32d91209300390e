import type { KnownBlock, View } from '@slack/types';
import { FIELD_LIMITS } from '../domain/field-limits.js';
import type { NextActionEditField } from '../domain/list-edits.js';
import type { NextAction, Program } from '../domain/program.js';
import { isSlackUserId } from '../domain/slack-user.js';
import { option } from './blocks.js';
import { LIST_BLOCKS, LIST_VIEWS } from './ids.js';
import { listValue } from './list-changes.js';
import { itemFormModal, NO_WORKSTREAM, workstreamLabel, workstreamOptions } from './list-parts.js';
import {
  checkboxInput,
  dateInput,
  noticeModal,
  selectInput,
  textInput,
  userSelectInput,
} from './modal-parts.js';
import { escapeMrkdwn, mention } from './mrkdwn.js';

/** Where each field's inline error is shown; the owner's is on the name, the only input that can be wrong. */
export const NEXT_ACTION_FIELD_BLOCKS: Record<NextActionEditField, string> = {
  text: LIST_BLOCKS.nextActionText,
  owner: LIST_BLOCKS.nextActionOwnerName,
  workstream: LIST_BLOCKS.nextActionWorkstream,
  due: LIST_BLOCKS.nextActionDue,
  done: LIST_BLOCKS.nextActionDone,
  note: LIST_BLOCKS.nextActionNote,
};

/** The value of the Done checkbox. */
export const DONE = 'done';

/**
 * The next-action form: adding one (no `action`), or editing one prefilled with its current values, which is
 * also how it is reassigned, given a due date or marked done. The owner is a Slack user, or a name typed
 * for someone not in Slack (a team, a vendor). An edit carries the version it was opened on.
 */
export function nextActionModal(program: Program, action?: NextAction): View {
  const owner = action?.owner ?? null;
  const blocks: KnownBlock[] = [
    textInput(LIST_BLOCKS.nextActionText, 'Action', {
      initial: action?.text,
      maxLength: FIELD_LIMITS.nextActionText,
      multiline: true,
      optional: false,
      placeholder: 'What needs doing next',
    }),
    userSelectInput(LIST_BLOCKS.nextActionOwner, 'Owner', owner),
    textInput(LIST_BLOCKS.nextActionOwnerName, 'Owner not in Slack', {
      initial: owner !== null && !isSlackUserId(owner) ? owner : undefined,
      maxLength: FIELD_LIMITS.nextActionOwner,
      hint: 'A team or a name, when the owner is not someone to pick above. Leave empty otherwise.',
      placeholder: 'e.g. Platform Engineering',
    }),
    selectInput(
      LIST_BLOCKS.nextActionWorkstream,
      'Workstream',
      workstreamOptions(program, action?.workstream ?? null),
      action?.workstream ?? NO_WORKSTREAM,
    ),
    dateInput(LIST_BLOCKS.nextActionDue, 'Due date', action?.due ?? null),
  ];
  if (action) {
    blocks.push(
      checkboxInput(
        LIST_BLOCKS.nextActionDone,
        'Done',
        [option(DONE, 'This action is done')],
        action.done ? [DONE] : [],
      ),
    );
  }
  return itemFormModal(program, action, {
    callbackIds: { add: LIST_VIEWS.nextActionAdd, edit: LIST_VIEWS.nextActionEdit },
    noun: 'next action',
    blocks,
    note: { blockId: LIST_BLOCKS.nextActionNote, whenAdding: 'Why it is needed, for the history (optional)' },
  });
}

/** What the submitter sees once a new action is saved. */
export function nextActionAddedModal(program: Program, action: NextAction): View {
  const details = [
    action.owner ? `Owner: ${mention(action.owner)}` : 'Owner: nobody yet',
    `_${workstreamLabel(program, action.workstream)}_`,
    action.due ? `Due ${listValue(program, 'due', action.due)}` : 'No due date',
  ].join(' · ');
  return noticeModal(
    'Added',
    `:white_check_mark: Next action added to ${escapeMrkdwn(program.name)}:\n*${escapeMrkdwn(action.text)}*\n${details}`,
    'Done',
  );
}
