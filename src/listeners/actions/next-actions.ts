import type { AllMiddlewareArgs, App, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { canAddAction, canEditAction } from '../../domain/permissions.js';
import type { Services } from '../../services/index.js';
import { actionModal } from '../../ui/action-modal.js';
import { decodeItemRef, decodeProgramRef, encodeItemRef } from '../../ui/action-values.js';
import { actionsList } from '../../ui/actions-list.js';
import { itemActionPattern, LIST_ACTIONS } from '../../ui/ids.js';
import { truncate } from '../../ui/limits.js';
import { button } from '../../ui/list-parts.js';
import { escapeMrkdwn } from '../../ui/mrkdwn.js';
import { openListModal, openNotFound } from '../shared/open-list-modal.js';
import { answerQuickEdit, tellBeside } from '../shared/quick-edit.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

const GONE = 'That action or its program no longer exists. Try `/rollout actions`.';

/** The buttons of `/rollout actions`: Add action and Edit open the form; Mark done (and its Undo) act at once. */
export function register(app: App, deps: Deps, services: Services): void {
  app.action<BlockButtonAction>(LIST_ACTIONS.actionAdd, async ({ ack, action, body, client }) => {
    await ack();
    const req = { client, deps, triggerId: body.trigger_id, userId: body.user.id };
    const slug = decodeProgramRef(action.value);
    const program = slug ? services.programs.get(slug) : undefined;
    if (!program) return openNotFound(req, GONE);
    return openListModal(
      req,
      canAddAction(req.userId, program, deps.config.rolloutAdmins),
      { event: 'action_add_refused', context: { program: program.slug }, title: 'Not yours to add' },
      () => actionModal(program),
    );
  });

  app.action<BlockButtonAction>(
    itemActionPattern(LIST_ACTIONS.actionEdit),
    async ({ ack, action, body, client }) => {
      await ack();
      const req = { client, deps, triggerId: body.trigger_id, userId: body.user.id };
      const ref = decodeItemRef(action.value);
      const program = ref ? services.programs.get(ref.program) : undefined;
      const item = program?.actions.find((a) => a.id === ref?.id);
      if (!program || !item) return openNotFound(req, GONE);
      return openListModal(
        req,
        canEditAction(req.userId, program, item, deps.config.rolloutAdmins),
        {
          event: 'action_edit_refused',
          context: { program: program.slug, action: item.id },
          title: 'Not yours to change',
        },
        () => actionModal(program, item),
      );
    },
  );

  const setDone =
    (done: boolean) =>
    async ({ ack, action, body, respond, client }: ButtonArgs) => {
      await ack();
      const ctx = { body, respond, client, deps, services };
      const ref = decodeItemRef(action.value);
      const program = ref ? services.programs.get(ref.program) : undefined;
      const item = program?.actions.find((a) => a.id === ref?.id);
      if (!ref || !program || !item) return tellBeside(ctx, GONE);
      const result = services.programEdits.setActionDone({
        programId: program.id,
        actor: body.user.id,
        expectedVersion: ref.version,
        actionId: item.id,
        done,
      });
      const about = `*${escapeMrkdwn(truncate(item.text, 300))}*`;
      const after = 'action' in result ? result.action : item;
      return answerQuickEdit(ctx, result, {
        programId: program.id,
        what: 'action',
        saved: done
          ? `:white_check_mark: Marked done: ${about}`
          : `:arrows_counterclockwise: Open again: ${about}`,
        unchanged: done ? `That action is already done: ${about}` : `That action is already open: ${about}`,
        ...(done
          ? {
              undo: button(
                LIST_ACTIONS.actionUndone,
                'Undo',
                encodeItemRef({ program: program.slug, id: after.id, version: after.version }),
              ),
            }
          : {}),
        list: (p, viewer, opts) => actionsList(p, viewer, deps.clock.now(), opts),
      });
    };
  app.action<BlockButtonAction>(itemActionPattern(LIST_ACTIONS.actionDone), setDone(true));
  app.action<BlockButtonAction>(itemActionPattern(LIST_ACTIONS.actionUndone), setDone(false));
}
