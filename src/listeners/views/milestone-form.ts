import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import type { Services } from '../../services/index.js';
import { MILESTONE_BLOCKS, MILESTONE_VIEWS } from '../../ui/ids.js';
import {
  MILESTONE_FIELD_BLOCKS,
  milestoneAddedModal,
  milestoneSavedModal,
} from '../../ui/milestone-modal.js';
import { REBASELINE } from '../../ui/target-inputs.js';
import { formListener } from '../shared/failures.js';
import { tellDateConflicts } from '../shared/tell-date-conflicts.js';
import { type OwnerInputs, ownerFrom } from './owner-inputs.js';
import { readChecked, readInput } from './state.js';
import { ackErrors, addForm, answerSubmission, editForm } from './submission.js';

const GONE = {
  [MILESTONE_BLOCKS.name]: 'This milestone or its program no longer exists; nothing was saved.',
};

/** A person picked or a team typed; a typed name that Slack would show as a mention is refused. */
const OWNER: OwnerInputs = {
  picked: MILESTONE_BLOCKS.owner,
  named: MILESTONE_BLOCKS.ownerName,
  both: 'A milestone has one owner: pick a person above or type a team here, not both. Clear one of them.',
  idTyped: 'That looks like a Slack user ID or mention: pick the person in the field above, or type a team.',
};

const FORM = { top: MILESTONE_BLOCKS.name, fields: MILESTONE_FIELD_BLOCKS, gone: GONE };

/** Submissions of the milestone form: adding one, and editing one (a moved target needs a reason). */
export function register(app: App, deps: Deps, services: Services): void {
  app.view(
    MILESTONE_VIEWS.add,
    formListener(deps, async ({ ack, view, body, client }) => {
      const user = body.user.id;
      const form = addForm(services, view);
      if (!form) return ackErrors(ack, GONE);
      const { program, values } = form;
      const read = ownerFrom(values, OWNER, '');
      if ('errors' in read) return ackErrors(ack, read.errors);
      const result = services.milestoneEdits.add({
        programId: program.id,
        actor: user,
        milestone: {
          name: readInput(values, MILESTONE_BLOCKS.name) ?? '',
          owner: read.owner ?? '',
          target: readInput(values, MILESTONE_BLOCKS.target) ?? null,
        },
        note: readInput(values, MILESTONE_BLOCKS.reason) ?? '',
      });
      return answerSubmission(
        { ack, client, deps, services, user, metadata: view.private_metadata },
        result,
        {
          ...FORM,
          saved: (added) => milestoneAddedModal(program, added.milestone),
          list: {
            name: 'milestones',
            programId: program.id,
            notice: 'Milestone added',
            item: (added) => added.milestone.name,
          },
          after: (added) => tellDateConflicts(deps, services, client, added.program),
        },
      );
    }),
  );

  app.view(
    MILESTONE_VIEWS.edit,
    formListener(deps, async ({ ack, view, body, client }) => {
      const user = body.user.id;
      const form = editForm(services, view);
      if (!form) return ackErrors(ack, GONE);
      const { program, ref, values } = form;
      const read = ownerFrom(values, OWNER, '');
      if ('errors' in read) return ackErrors(ack, read.errors);
      const result = services.milestoneEdits.edit({
        programId: program.id,
        actor: user,
        milestoneId: ref.id,
        expectedVersion: ref.version,
        changes: {
          name: readInput(values, MILESTONE_BLOCKS.name),
          owner: read.owner,
          target: readInput(values, MILESTONE_BLOCKS.target),
          reason: readInput(values, MILESTONE_BLOCKS.reason) ?? '',
          rebaseline: readChecked(values, MILESTONE_BLOCKS.rebaseline).includes(REBASELINE),
        },
      });
      return answerSubmission(
        { ack, client, deps, services, user, metadata: view.private_metadata },
        result,
        {
          ...FORM,
          conflict: { what: 'milestone', button: 'Edit' },
          saved: (updated) => milestoneSavedModal(updated.milestone, updated.changes),
          list: {
            name: 'milestones',
            programId: program.id,
            notice: 'Milestone saved',
            item: (updated) => updated.milestone.name,
          },
          after: (updated) => tellDateConflicts(deps, services, client, updated.program),
        },
      );
    }),
  );
}
