import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { isAdmin } from '../../domain/permissions.js';
import { findWorkstream } from '../../domain/program.js';
import type { Services } from '../../services/index.js';
import { decodeProgramRef, decodeUpdateRef } from '../../ui/action-values.js';
import { readDecisionChoice } from '../../ui/decision-choices.js';
import { DECISION_PROMPT_BLOCKS, withDecisionLine } from '../../ui/decision-prompt.js';
import { BLOCKS, DECISION_BLOCKS, VIEWS } from '../../ui/ids.js';
import { REBASELINE } from '../../ui/target-inputs.js';
import { UPDATE_FIELD_BLOCKS, updateSavedModal, workstreamUpdateModal } from '../../ui/workstream-modal.js';
import { formListener } from '../shared/failures.js';
import { tellDateConflicts } from '../shared/tell-date-conflicts.js';
import { parseState, readChecked, readInput, readMany } from './state.js';
import { ackErrors, answerSubmission } from './submission.js';

const GONE = { [BLOCKS.wsStatus]: 'This workstream no longer exists; nothing was saved.' };

/** Submissions of the update form and of the workstream picker. */
export function register(app: App, deps: Deps, services: Services): void {
  app.view(
    VIEWS.workstreamPick,
    formListener(deps, async ({ ack, view, body }) => {
      const slug = decodeProgramRef(view.private_metadata);
      const program = slug ? services.programs.get(slug) : undefined;
      const key = readInput(parseState(view.state.values), BLOCKS.wsPick);
      const workstream = program && key ? findWorkstream(program, key) : undefined;
      if (!program)
        return ackErrors(ack, { [BLOCKS.wsPick]: 'This program no longer exists; nothing was saved.' });
      if (!workstream) return ackErrors(ack, { [BLOCKS.wsPick]: 'Choose one of the workstreams.' });
      deps.logger.debug({ event: 'update_picked', user: body.user.id, workstream: workstream.key });
      const admin = isAdmin(body.user.id, program, deps.config.rolloutAdmins);
      await ack({ response_action: 'update', view: workstreamUpdateModal(program, workstream, admin) });
    }),
  );

  app.view(
    VIEWS.workstreamUpdate,
    formListener(deps, async ({ ack, view, body, client }) => {
      const user = body.user.id;
      const ref = decodeUpdateRef(view.private_metadata);
      const program = ref ? services.programs.get(ref.program) : undefined;
      const workstream = program && ref ? findWorkstream(program, ref.workstream) : undefined;
      if (!ref || !program || !workstream) return ackErrors(ack, GONE);
      const values = parseState(view.state.values);
      const note = readInput(values, BLOCKS.wsNote) ?? '';
      const result = services.workstreamUpdates.updateWorkstream({
        programId: program.id,
        key: workstream.key,
        actor: user,
        expectedVersion: ref.version,
        changes: {
          status: readInput(values, BLOCKS.wsStatus),
          risk: readInput(values, BLOCKS.wsRisk),
          state: readInput(values, BLOCKS.wsState),
          blocker: readInput(values, BLOCKS.wsBlocker),
          summary: readInput(values, BLOCKS.wsSummary),
          target: readInput(values, BLOCKS.wsTarget),
          reason: readInput(values, BLOCKS.wsTargetReason),
          rebaseline: readChecked(values, BLOCKS.wsRebaseline).includes(REBASELINE),
        },
        note,
        decision: {
          link: readDecisionChoice(readInput(values, DECISION_BLOCKS.wsDecisionLink)),
          question: readInput(values, DECISION_BLOCKS.wsDecisionQuestion),
          deciders: readMany(values, DECISION_BLOCKS.wsDecisionDeciders),
          neededBy: readInput(values, DECISION_BLOCKS.wsDecisionNeededBy),
        },
      });
      return answerSubmission({ ack, client, deps, services, user }, result, {
        top: BLOCKS.wsStatus,
        fields: { ...UPDATE_FIELD_BLOCKS, ...DECISION_PROMPT_BLOCKS },
        gone: GONE,
        conflict: { what: 'workstream', button: 'Update' },
        saved: (updated) =>
          withDecisionLine(
            updateSavedModal(updated.workstream, updated.changes),
            updated.decision?.decision,
            updated.decision?.opened ?? false,
          ),
        // Committed; what follows is Slack, and its failures are logged, not shown as a failed save.
        after: async (updated) => {
          // A confirmation changes nothing the channel needs to hear about.
          if (program.updatesChannel && updated.changes.length > 0)
            await services.updateNotices.post(client, {
              program,
              workstream: updated.workstream,
              changes: updated.changes,
              actor: user,
              note,
            });
          if (updated.changes.some((c) => c.field === 'target'))
            await tellDateConflicts(deps, services, client, updated.program);
        },
      });
    }),
  );
}
