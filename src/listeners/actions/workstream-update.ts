import type { App, BlockButtonAction } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { findWorkstream } from '../../domain/program.js';
import type { Services } from '../../services/index.js';
import { decodeWorkstreamRef } from '../../ui/action-values.js';
import { ACTIONS } from '../../ui/ids.js';
import { buttonListener } from '../shared/failures.js';
import { openNotFound } from '../shared/open-list-modal.js';
import { openUpdateModal } from '../shared/open-update-modal.js';

/** The Update button, wherever it sits (workstream detail, App Home, reminders): opens the form. */
export function register(app: App, deps: Deps, services: Services): void {
  app.action<BlockButtonAction>(
    ACTIONS.openWorkstreamUpdate,
    buttonListener(deps, async ({ ack, action, body, client }) => {
      await ack();
      const ref = decodeWorkstreamRef(action.value);
      const program = ref ? services.programs.get(ref.program) : undefined;
      const workstream = program && ref ? findWorkstream(program, ref.workstream) : undefined;
      const req = { client, deps, triggerId: body.trigger_id, view: body.view, userId: body.user.id };
      if (!program || !workstream)
        return openNotFound(req, 'That workstream no longer exists. Try `/rollout status`.');
      return openUpdateModal({ ...req, program, workstream });
    }),
  );
}
