import type { BlockButtonAction } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { canAddAction, canEditAction } from '../../domain/permissions.js';
import type { Services } from '../../services/index.js';
import { actionModal } from '../../ui/action-modal.js';
import { actionsList } from '../../ui/actions-list.js';
import { itemActionPattern, LIST_ACTIONS } from '../../ui/ids.js';
import type { ListenerRouter } from '../router.js';
import { quickButton, registerAddButton, registerEditButton } from '../shared/list-buttons.js';

const GONE = 'That action or its program no longer exists. Try `/rollout actions`.';

/** The buttons of `/rollout actions`: Add action and Edit open the form; Mark done (and its Undo) act at once. */
export function register(router: ListenerRouter, deps: Deps, services: Services): void {
  registerAddButton(router, deps, services, {
    actionId: LIST_ACTIONS.actionAdd,
    gone: GONE,
    refusedEvent: 'action_add_refused',
    permission: canAddAction,
    view: (program) => actionModal(program),
  });

  registerEditButton(router, deps, services, {
    actionId: LIST_ACTIONS.actionEdit,
    gone: GONE,
    refusedEvent: 'action_edit_refused',
    what: 'action',
    items: 'actions',
    permission: canEditAction,
    view: actionModal,
  });

  const setDone = (done: boolean) =>
    quickButton(deps, services, {
      gone: GONE,
      items: 'actions',
      apply: (program, item, ref, actor) =>
        services.programEdits.setActionDone({
          programId: program.id,
          actor,
          expectedVersion: ref.version,
          actionId: item.id,
          done,
        }),
      saved: (result) => ('action' in result ? result.action : undefined),
      answer: (about) => ({
        what: 'action',
        saved: done
          ? `:white_check_mark: Marked done: ${about}`
          : `:arrows_counterclockwise: Open again: ${about}`,
        unchanged: done ? `That action is already done: ${about}` : `That action is already open: ${about}`,
        list: (p, viewer, opts) => actionsList(p, viewer, deps.clock.now(), opts),
      }),
      ...(done ? { undo: LIST_ACTIONS.actionUndone } : {}),
    });
  router.action<BlockButtonAction>(itemActionPattern(LIST_ACTIONS.actionDone), setDone(true));
  router.action<BlockButtonAction>(itemActionPattern(LIST_ACTIONS.actionUndone), setDone(false));
}
