import type { App, BlockButtonAction } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { canEditReadiness } from '../../domain/permissions.js';
import type { Services } from '../../services/index.js';
import { decodeItemRef } from '../../ui/action-values.js';
import { itemActionPattern, LIST_ACTIONS } from '../../ui/ids.js';
import { readinessModal } from '../../ui/readiness-modal.js';
import { openListModal, openNotFound } from '../shared/open-list-modal.js';

/** The Change button of `/rollout readiness`: opens the dimension's form for an admin. */
export function register(app: App, deps: Deps, services: Services): void {
  app.action<BlockButtonAction>(
    itemActionPattern(LIST_ACTIONS.readinessEdit),
    async ({ ack, action, body, client }) => {
      await ack();
      const req = { client, deps, triggerId: body.trigger_id, userId: body.user.id };
      const ref = decodeItemRef(action.value);
      const program = ref ? services.programs.get(ref.program) : undefined;
      const dimension = program?.readiness.find((d) => d.id === ref?.id);
      if (!program || !dimension) {
        return openNotFound(req, 'That readiness dimension no longer exists. Try `/rollout readiness`.');
      }
      return openListModal(
        req,
        canEditReadiness(req.userId, program, deps.config.rolloutAdmins),
        {
          event: 'readiness_edit_refused',
          context: { program: program.slug, readiness: dimension.id },
          title: 'Not yours to change',
        },
        () => readinessModal(program, dimension),
      );
    },
  );
}
