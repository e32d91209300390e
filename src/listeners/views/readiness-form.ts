import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import type { Services } from '../../services/index.js';
import { LIST_BLOCKS, LIST_VIEWS } from '../../ui/ids.js';
import { listSavedModal } from '../../ui/list-changes.js';
import { escapeMrkdwn } from '../../ui/mrkdwn.js';
import { READINESS_FIELD_BLOCKS } from '../../ui/readiness-modal.js';
import { formListener } from '../shared/failures.js';
import { readInput } from './state.js';
import { ackErrors, answerSubmission, editForm } from './submission.js';

const GONE = {
  [LIST_BLOCKS.readinessSignal]:
    'This readiness dimension or its program no longer exists; nothing was saved.',
};

/** Submissions of the readiness form: a dimension's signal and note. */
export function register(app: App, deps: Deps, services: Services): void {
  app.view(
    LIST_VIEWS.readinessEdit,
    formListener(deps, async ({ ack, view, body, client }) => {
      const user = body.user.id;
      const form = editForm(services, view);
      if (!form) return ackErrors(ack, GONE);
      const { program, ref, values } = form;
      const result = services.programEdits.editReadiness({
        programId: program.id,
        actor: user,
        expectedVersion: ref.version,
        readinessId: ref.id,
        changes: {
          signal: readInput(values, LIST_BLOCKS.readinessSignal),
          note: readInput(values, LIST_BLOCKS.readinessNote),
        },
      });
      return answerSubmission(
        { ack, client, deps, services, user, metadata: view.private_metadata },
        result,
        {
          top: LIST_BLOCKS.readinessSignal,
          fields: READINESS_FIELD_BLOCKS,
          gone: GONE,
          conflict: { what: 'readiness dimension', button: 'Change' },
          saved: (updated) =>
            listSavedModal(program, `*${escapeMrkdwn(updated.readiness.name)}*`, updated.changes),
          list: {
            name: 'readiness',
            programId: program.id,
            notice: 'Readiness saved',
            item: (updated) => updated.readiness.name,
          },
        },
      );
    }),
  );
}
