import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import type { Services } from '../../services/index.js';
import { LIST_BLOCKS, LIST_VIEWS } from '../../ui/ids.js';
import { itemHeading, listSavedModal } from '../../ui/list-changes.js';
import { workstreamFromSelect } from '../../ui/list-parts.js';
import { RISK_FIELD_BLOCKS, riskAddedModal } from '../../ui/risk-modal.js';
import { formListener } from '../shared/failures.js';
import { readInput } from './state.js';
import { ackErrors, addForm, answerSubmission, editForm } from './submission.js';

const GONE = { [LIST_BLOCKS.riskText]: 'This risk or its program no longer exists; nothing was saved.' };

const FORM = { top: LIST_BLOCKS.riskText, fields: RISK_FIELD_BLOCKS, gone: GONE };

/** Submissions of the risk form: adding a risk, and editing one (which also closes or reopens it). */
export function register(app: App, deps: Deps, services: Services): void {
  app.view(
    LIST_VIEWS.riskAdd,
    formListener(deps, async ({ ack, view, body, client }) => {
      const user = body.user.id;
      const form = addForm(services, view);
      if (!form) return ackErrors(ack, GONE);
      const { program, values } = form;
      const result = services.programEdits.addRisk({
        programId: program.id,
        actor: user,
        risk: {
          text: readInput(values, LIST_BLOCKS.riskText) ?? '',
          severity: readInput(values, LIST_BLOCKS.riskSeverity) ?? '',
          workstream: workstreamFromSelect(readInput(values, LIST_BLOCKS.riskWorkstream)),
        },
        note: readInput(values, LIST_BLOCKS.riskNote) ?? '',
      });
      return answerSubmission(
        { ack, client, deps, services, user, metadata: view.private_metadata },
        result,
        {
          ...FORM,
          saved: (added) => riskAddedModal(program, added.risk),
          list: {
            name: 'risks',
            programId: program.id,
            notice: 'Risk added',
            item: (added) => added.risk.text,
          },
        },
      );
    }),
  );

  app.view(
    LIST_VIEWS.riskEdit,
    formListener(deps, async ({ ack, view, body, client }) => {
      const user = body.user.id;
      const form = editForm(services, view);
      if (!form) return ackErrors(ack, GONE);
      const { program, ref, values } = form;
      const result = services.programEdits.editRisk({
        programId: program.id,
        actor: user,
        expectedVersion: ref.version,
        riskId: ref.id,
        changes: {
          text: readInput(values, LIST_BLOCKS.riskText),
          severity: readInput(values, LIST_BLOCKS.riskSeverity),
          workstream: workstreamFromSelect(readInput(values, LIST_BLOCKS.riskWorkstream)),
          status: readInput(values, LIST_BLOCKS.riskStatus),
        },
        note: readInput(values, LIST_BLOCKS.riskNote) ?? '',
      });
      return answerSubmission(
        { ack, client, deps, services, user, metadata: view.private_metadata },
        result,
        {
          ...FORM,
          conflict: { what: 'risk', button: 'Edit' },
          saved: (updated) => listSavedModal(program, itemHeading(updated.risk.text), updated.changes),
          list: {
            name: 'risks',
            programId: program.id,
            notice: 'Risk saved',
            item: (updated) => updated.risk.text,
          },
        },
      );
    }),
  );
}
