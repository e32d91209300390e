import type { App, BlockButtonAction } from '@slack/bolt';
import type { View } from '@slack/types';
import type { Deps } from '../../deps.js';
import { programToday } from '../../domain/decision-register.js';
import { canActOnDecision, canAddDecision } from '../../domain/permissions.js';
import type { Decision, Program } from '../../domain/program.js';
import type { Services } from '../../services/index.js';
import {
  decisionAskModal,
  deferDecisionModal,
  recordDecisionModal,
  withdrawDecisionModal,
} from '../../ui/decision-modals.js';
import { DECISION_ACTIONS, itemActionPattern } from '../../ui/ids.js';
import { buttonListener } from '../shared/failures.js';
import { itemOfButton, programOfButton } from '../shared/list-items.js';
import { openListModal, openNotFound } from '../shared/open-list-modal.js';

const GONE = 'That decision or its program no longer exists. Try `/rollout decisions`.';

/** The buttons of `/rollout decisions`: Add decision, and Record, Defer, Edit and Withdraw on each. */
export function register(app: App, deps: Deps, services: Services): void {
  const admins = deps.config.rolloutAdmins;

  app.action<BlockButtonAction>(
    DECISION_ACTIONS.add,
    buttonListener(deps, async ({ ack, action, body, client }) => {
      await ack();
      const req = { client, deps, triggerId: body.trigger_id, userId: body.user.id };
      const program = programOfButton(services, action.value);
      if (!program) return openNotFound(req, GONE);
      return openListModal(
        req,
        canAddDecision(req.userId, program, admins),
        { event: 'decision_add_refused', context: { program: program.slug }, title: 'Not yours to add' },
        () => decisionAskModal(program),
      );
    }),
  );

  /** Each of a decision's buttons opens its form, for those who may use it. */
  const opens = (kind: string, form: (program: Program, decision: Decision) => View) =>
    app.action<BlockButtonAction>(
      itemActionPattern(kind),
      buttonListener(deps, async ({ ack, action, body, client }) => {
        await ack();
        const req = { client, deps, triggerId: body.trigger_id, userId: body.user.id };
        const found = itemOfButton(services, action.value, (p) => p.decisions);
        if (!found) return openNotFound(req, GONE);
        const { program, item: decision } = found;
        return openListModal(
          req,
          canActOnDecision(req.userId, program, decision, admins),
          {
            event: 'decision_open_refused',
            context: { program: program.slug, decision: decision.id, form: kind },
            title: 'Not yours to decide',
          },
          () => form(program, decision),
        );
      }),
    );

  opens(DECISION_ACTIONS.record, (program, decision) =>
    recordDecisionModal({ program, decision, today: programToday(program, deps.clock.now()) }),
  );
  opens(DECISION_ACTIONS.defer, deferDecisionModal);
  opens(DECISION_ACTIONS.edit, decisionAskModal);
  opens(DECISION_ACTIONS.withdraw, withdrawDecisionModal);
}
