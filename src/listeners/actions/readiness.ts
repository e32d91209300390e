import type { Deps } from '../../deps.js';
import { canEditReadiness } from '../../domain/permissions.js';
import type { Services } from '../../services/index.js';
import { LIST_ACTIONS } from '../../ui/ids.js';
import { readinessModal } from '../../ui/readiness-modal.js';
import type { ListenerRouter } from '../router.js';
import { registerEditButton } from '../shared/list-buttons.js';

/** The Change button of `/rollout readiness`: opens the dimension's form for an admin. */
export function register(router: ListenerRouter, deps: Deps, services: Services): void {
  registerEditButton(router, deps, services, {
    actionId: LIST_ACTIONS.readinessEdit,
    gone: 'That readiness dimension no longer exists. Try `/rollout readiness`.',
    refusedEvent: 'readiness_edit_refused',
    what: 'readiness',
    items: 'readiness',
    permission: (userId, program, _dimension, admins) => canEditReadiness(userId, program, admins),
    view: readinessModal,
  });
}
