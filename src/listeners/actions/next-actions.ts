import type { App, BlockButtonAction } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { canAddNextAction, canEditNextAction } from '../../domain/permissions.js';
import type { Services } from '../../services/index.js';
import { encodeItemOf } from '../../ui/action-values.js';
import { itemActionPattern, LIST_ACTIONS } from '../../ui/ids.js';
import { itemHeading } from '../../ui/list-changes.js';
import { button } from '../../ui/list-parts.js';
import { nextActionModal } from '../../ui/next-action-modal.js';
import { nextActionsList } from '../../ui/next-actions-list.js';
import { buttonListener } from '../shared/failures.js';
import { addButtonOpensForm, itemButtonOpensForm } from '../shared/form-buttons.js';
import { itemOfButton } from '../shared/list-items.js';
import { answerQuickEdit, tellBeside } from '../shared/quick-edit.js';

const GONE = 'That action or its program no longer exists. Try `/rollout actions`.';

/** The buttons of `/rollout actions`: Add action and Edit open the form; Mark done (and its Undo) act at once. */
export function register(app: App, deps: Deps, services: Services): void {
  const buttons = { app, deps, services, gone: GONE };
  addButtonOpensForm(buttons, {
    actionId: LIST_ACTIONS.nextActionAdd,
    event: 'action_add_refused',
    may: canAddNextAction,
    form: (program) => nextActionModal(program),
  });
  itemButtonOpensForm(buttons, {
    kind: LIST_ACTIONS.nextActionEdit,
    list: 'actions',
    event: 'action_edit_refused',
    title: 'Not yours to change',
    context: (nextAction) => ({ action: nextAction.id }),
    may: canEditNextAction,
    form: (program, nextAction) => nextActionModal(program, nextAction),
  });

  /** Mark done, and its Undo: the next action changes at once, and the list is answered as it is now. */
  const setDone = (done: boolean) =>
    buttonListener(deps, async ({ ack, action, body, respond, client }) => {
      await ack();
      const ctx = { body, respond, client, deps, services };
      const found = itemOfButton(services, action.value, (p) => p.actions);
      if (!found) return tellBeside(ctx, GONE);
      const { ref, program, item: nextAction } = found;
      const result = services.programEdits.setNextActionDone({
        programId: program.id,
        actor: body.user.id,
        expectedVersion: ref.version,
        actionId: nextAction.id,
        done,
      });
      const about = itemHeading(nextAction.text);
      const saved = 'action' in result ? result.action : nextAction;
      return answerQuickEdit(ctx, result, {
        programId: program.id,
        what: 'action',
        saved: done
          ? `:white_check_mark: Marked done: ${about}`
          : `:arrows_counterclockwise: Open again: ${about}`,
        unchanged: done ? `That action is already done: ${about}` : `That action is already open: ${about}`,
        // Undo refers to the version just saved.
        ...(done
          ? { undo: button(LIST_ACTIONS.nextActionUndone, 'Undo', encodeItemOf(program, saved)) }
          : {}),
        list: (p, viewer, opts) => nextActionsList(p, viewer, deps.clock.now(), opts),
      });
    });
  app.action<BlockButtonAction>(itemActionPattern(LIST_ACTIONS.nextActionDone), setDone(true));
  app.action<BlockButtonAction>(itemActionPattern(LIST_ACTIONS.nextActionUndone), setDone(false));
}
