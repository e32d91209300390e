import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import type { Services } from '../../services/index.js';
import { LIST_BLOCKS, LIST_VIEWS } from '../../ui/ids.js';
import { itemHeading, listSavedModal } from '../../ui/list-changes.js';
import { workstreamFromSelect } from '../../ui/list-parts.js';
import { DONE, NEXT_ACTION_FIELD_BLOCKS, nextActionAddedModal } from '../../ui/next-action-modal.js';
import { formListener } from '../shared/failures.js';
import { type OwnerInputs, ownerFrom } from './owner-inputs.js';
import { readChecked, readInput, type StateValues } from './state.js';
import { ackErrors, addForm, answerSubmission, editForm } from './submission.js';

const GONE = {
  [LIST_BLOCKS.nextActionText]: 'This action or its program no longer exists; nothing was saved.',
};

/** A person picked or a name typed; a typed name that Slack would show as a mention is refused. */
const OWNER: OwnerInputs = {
  picked: LIST_BLOCKS.nextActionOwner,
  named: LIST_BLOCKS.nextActionOwnerName,
  both: 'An action has one owner: pick a person above or type a name here, not both. Clear one of them.',
  idTyped: 'That looks like a Slack user ID or mention: pick the person in the field above, or type a name.',
};

const FORM = { top: LIST_BLOCKS.nextActionText, fields: NEXT_ACTION_FIELD_BLOCKS, gone: GONE };

/** What both forms submit besides the owner and the done box. */
function fields(values: StateValues) {
  return {
    text: readInput(values, LIST_BLOCKS.nextActionText),
    workstream: workstreamFromSelect(readInput(values, LIST_BLOCKS.nextActionWorkstream)),
    due: readInput(values, LIST_BLOCKS.nextActionDue),
  };
}

/** Submissions of the next-action form: adding one, and editing one (reassign, due date, done…). */
export function register(app: App, deps: Deps, services: Services): void {
  app.view(
    LIST_VIEWS.nextActionAdd,
    formListener(deps, async ({ ack, view, body, client }) => {
      const user = body.user.id;
      const form = addForm(services, view);
      if (!form) return ackErrors(ack, GONE);
      const { program, values } = form;
      const read = ownerFrom(values, OWNER, null);
      if ('errors' in read) return ackErrors(ack, read.errors);
      const { owner } = read;
      const { text, ...rest } = fields(values);
      const result = services.programEdits.addNextAction({
        programId: program.id,
        actor: user,
        action: { text: text ?? '', owner, ...rest },
        note: readInput(values, LIST_BLOCKS.nextActionNote) ?? '',
      });
      return answerSubmission(
        { ack, client, deps, services, user, metadata: view.private_metadata },
        result,
        {
          ...FORM,
          saved: (added) => nextActionAddedModal(program, added.action),
          list: {
            name: 'actions',
            programId: program.id,
            notice: 'Action added',
            item: (added) => added.action.text,
          },
        },
      );
    }),
  );

  app.view(
    LIST_VIEWS.nextActionEdit,
    formListener(deps, async ({ ack, view, body, client }) => {
      const user = body.user.id;
      const form = editForm(services, view);
      if (!form) return ackErrors(ack, GONE);
      const { program, ref, values } = form;
      const read = ownerFrom(values, OWNER, null);
      if ('errors' in read) return ackErrors(ack, read.errors);
      const { owner } = read;
      const result = services.programEdits.editNextAction({
        programId: program.id,
        actor: user,
        expectedVersion: ref.version,
        actionId: ref.id,
        changes: {
          ...fields(values),
          owner,
          done:
            LIST_BLOCKS.nextActionDone in values
              ? readChecked(values, LIST_BLOCKS.nextActionDone).includes(DONE)
              : undefined,
        },
        note: readInput(values, LIST_BLOCKS.nextActionNote) ?? '',
      });
      return answerSubmission(
        { ack, client, deps, services, user, metadata: view.private_metadata },
        result,
        {
          ...FORM,
          conflict: { what: 'action', button: 'Edit' },
          saved: (updated) => listSavedModal(program, itemHeading(updated.action.text), updated.changes),
          list: {
            name: 'actions',
            programId: program.id,
            notice: 'Action saved',
            item: (updated) => updated.action.text,
          },
        },
      );
    }),
  );
}
