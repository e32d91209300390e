import type { App, BlockButtonAction } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { canEditReadiness } from '../../domain/permissions.js';
import type { Services } from '../../services/index.js';
import { itemActionPattern, LIST_ACTIONS } from '../../ui/ids.js';
import { readinessModal } from '../../ui/readiness-modal.js';
import { buttonListener } from '../shared/failures.js';
import { itemOfButton } from '../shared/list-items.js';
import { listModalRequest, openListModal, openNotFound } from '../shared/open-list-modal.js';

/** The Change button of `/rollout readiness`: opens the readiness item's form for an admin. */
export function register(app: App, deps: Deps, services: Services): void {
  app.action<BlockButtonAction>(
    itemActionPattern(LIST_ACTIONS.readinessEdit),
    buttonListener(deps, async ({ ack, action, body, client }) => {
      await ack();
      const req = listModalRequest(body, client, deps);
      const found = itemOfButton(services, action.value, (p) => p.readiness);
      if (!found)
        return openNotFound(req, 'That readiness dimension no longer exists. Try `/rollout readiness`.');
      const { program, item: readiness } = found;
      return openListModal(
        req,
        canEditReadiness(req.userId, program, deps.config.rolloutAdmins),
        {
          event: 'readiness_edit_refused',
          context: { program: program.slug, readiness: readiness.id },
          title: 'Not yours to change',
        },
        () => readinessModal(program, readiness),
      );
    }),
  );
}
