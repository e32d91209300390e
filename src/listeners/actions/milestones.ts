import type { App, BlockButtonAction } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { canAddMilestone, canEditMilestone, canRebaseline } from '../../domain/permissions.js';
import type { Services } from '../../services/index.js';
import { itemActionPattern, MILESTONE_ACTIONS } from '../../ui/ids.js';
import { milestoneModal } from '../../ui/milestone-modal.js';
import { buttonListener } from '../shared/failures.js';
import { itemOfButton, programOfButton } from '../shared/list-items.js';
import { openListModal, openNotFound } from '../shared/open-list-modal.js';

const GONE = 'That milestone or its program no longer exists. Try `/rollout milestones`.';

/** The buttons of `/rollout milestones`: Add milestone and Edit open the form. */
export function register(app: App, deps: Deps, services: Services): void {
  const admins = deps.config.rolloutAdmins;

  app.action<BlockButtonAction>(
    MILESTONE_ACTIONS.add,
    buttonListener(deps, async ({ ack, action, body, client }) => {
      await ack();
      const req = { client, deps, triggerId: body.trigger_id, userId: body.user.id };
      const program = programOfButton(services, action.value);
      if (!program) return openNotFound(req, GONE);
      return openListModal(
        req,
        canAddMilestone(req.userId, program, admins),
        { event: 'milestone_add_refused', context: { program: program.slug }, title: 'Not yours to add' },
        () => milestoneModal(program),
      );
    }),
  );

  app.action<BlockButtonAction>(
    itemActionPattern(MILESTONE_ACTIONS.edit),
    buttonListener(deps, async ({ ack, action, body, client }) => {
      await ack();
      const req = { client, deps, triggerId: body.trigger_id, userId: body.user.id };
      const found = itemOfButton(services, action.value, (p) => p.milestones);
      if (!found) return openNotFound(req, GONE);
      const { program, item: milestone } = found;
      return openListModal(
        req,
        canEditMilestone(req.userId, program, milestone, admins),
        {
          event: 'milestone_edit_refused',
          context: { program: program.slug, milestone: milestone.key },
          title: 'Not yours to change',
        },
        () => milestoneModal(program, milestone, canRebaseline(req.userId, program, admins).allowed),
      );
    }),
  );
}
