import type { App } from '@slack/bolt';
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
import { DECISION_ACTIONS } from '../../ui/ids.js';
import { addButtonOpensForm, itemButtonOpensForm } from '../shared/form-buttons.js';

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
}
