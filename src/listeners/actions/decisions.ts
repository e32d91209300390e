import type { App, BlockAction, StaticSelectAction } from '@slack/bolt';
import type { View } from '@slack/types';
import type { Deps } from '../../deps.js';
import { programToday } from '../../domain/decision-register.js';
import { canActOnDecision, canAddDecision } from '../../domain/permissions.js';
import type { Decision, Program } from '../../domain/program.js';
import type { Services } from '../../services/index.js';
import { slackErrorReason } from '../../slack-client.js';
import { decodeProgramRef } from '../../ui/action-values.js';
import { readDecisionChoice } from '../../ui/decision-choices.js';
import {
  decisionAskModal,
  deferDecisionModal,
  recordDecisionModal,
  withdrawDecisionModal,
} from '../../ui/decision-modals.js';
import { DECISION_ACTIONS, DECISION_BLOCKS, INPUT_ACTION } from '../../ui/ids.js';
import { addButtonOpensForm, itemButtonOpensForm } from '../shared/form-buttons.js';
import { parseState, readInput } from '../views/state.js';

const GONE = 'That decision or its program no longer exists. Try `/rollout decisions`.';

/** The buttons of `/rollout decisions`: Add decision, and Record, Defer, Edit and Withdraw on each. */
export function register(app: App, deps: Deps, services: Services): void {
  const buttons = { app, deps, services, gone: GONE };
  addButtonOpensForm(buttons, {
    actionId: DECISION_ACTIONS.add,
    event: 'decision_add_refused',
    may: canAddDecision,
    form: (program) => decisionAskModal(program),
  });

  /** Each of a decision's buttons opens its form, for those who may use it. */
  const opens = (kind: string, form: (program: Program, decision: Decision) => View) =>
    itemButtonOpensForm(buttons, {
      kind,
      list: 'decisions',
      event: 'decision_open_refused',
      title: 'Not yours to decide',
      context: (decision) => ({ decision: decision.id, form: kind }),
      may: canActOnDecision,
      form,
    });

  opens(DECISION_ACTIONS.record, (program, decision) =>
    recordDecisionModal({ program, decision, today: programToday(program, deps.clock.now()) }),
  );
  opens(DECISION_ACTIONS.defer, deferDecisionModal);
  opens(DECISION_ACTIONS.edit, decisionAskModal);
  opens(DECISION_ACTIONS.withdraw, withdrawDecisionModal);

  // The record form opened from a message: picking a pending decision fills "Decided by" with its
  // deciders. What was typed stays (Slack keeps inputs whose block_id did not change).
  app.action<BlockAction<StaticSelectAction>>(
    { block_id: DECISION_BLOCKS.pick, action_id: INPUT_ACTION },
    async ({ ack, action, body, client }) => {
      await ack();
      const view = body.view;
      const slug = view ? decodeProgramRef(view.private_metadata) : undefined;
      const program = slug ? services.programs.get(slug) : undefined;
      if (!view || !program) return;
      const choice = readDecisionChoice(action.selected_option?.value);
      const values = parseState(view.state.values);
      try {
        await client.views.update({
          view_id: view.id,
          hash: view.hash,
          view: recordDecisionModal({
            program,
            today: programToday(program, deps.clock.now()),
            outcome: readInput(values, DECISION_BLOCKS.outcome),
            link: readInput(values, DECISION_BLOCKS.link),
            picked: program.decisions.find((d) => d.id === choice?.id),
          }),
        });
      } catch (error) {
        // hash_conflict: the form changed again meanwhile (another pick), whose own update follows.
        deps.logger.warn(
          { event: 'decision_pick_failed', user: body.user.id, reason: slackErrorReason(error) },
          'could not fill "Decided by" from the picked decision; the form stays as it was',
        );
      }
    },
  );
}
