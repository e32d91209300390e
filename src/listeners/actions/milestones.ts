import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { canAddMilestone, canEditMilestone, canRebaseline } from '../../domain/permissions.js';
import type { Services } from '../../services/index.js';
import { MILESTONE_ACTIONS } from '../../ui/ids.js';
import { milestoneModal } from '../../ui/milestone-modal.js';
import { addButtonOpensForm, itemButtonOpensForm } from '../shared/form-buttons.js';

const GONE = 'That milestone or its program no longer exists. Try `/rollout milestones`.';

/** The buttons of `/rollout milestones`: Add milestone and Edit open the form. */
export function register(app: App, deps: Deps, services: Services): void {
  const buttons = { app, deps, services, gone: GONE };
  addButtonOpensForm(buttons, {
    actionId: MILESTONE_ACTIONS.add,
    event: 'milestone_add_refused',
    may: canAddMilestone,
    form: (program) => milestoneModal(program),
  });
  itemButtonOpensForm(buttons, {
    kind: MILESTONE_ACTIONS.edit,
    list: 'milestones',
    event: 'milestone_edit_refused',
    title: 'Not yours to change',
    context: (milestone) => ({ milestone: milestone.key }),
    may: canEditMilestone,
    // Only admins see the re-baseline box.
    form: (program, milestone, userId) =>
      milestoneModal(program, milestone, canRebaseline(userId, program, deps.config.rolloutAdmins).allowed),
  });
}
