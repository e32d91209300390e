import type { App, BlockButtonAction } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { canAddRisk, canEditRisk } from '../../domain/permissions.js';
import type { RiskState } from '../../domain/vocabulary.js';
import type { Services } from '../../services/index.js';
import { encodeItemOf } from '../../ui/action-values.js';
import { itemActionPattern, LIST_ACTIONS } from '../../ui/ids.js';
import { itemHeading } from '../../ui/list-changes.js';
import { button } from '../../ui/list-parts.js';
import { riskModal } from '../../ui/risk-modal.js';
import { risksList } from '../../ui/risks-list.js';
import { buttonListener } from '../shared/failures.js';
import { addButtonOpensForm, itemButtonOpensForm } from '../shared/form-buttons.js';
import { itemOfButton } from '../shared/list-items.js';
import { answerQuickEdit, tellBeside } from '../shared/quick-edit.js';

const GONE = 'That risk or its program no longer exists. Try `/rollout risks`.';

/** The buttons of `/rollout risks`: Add risk and Edit open the form; Close and Reopen act at once. */
export function register(app: App, deps: Deps, services: Services): void {
  const buttons = { app, deps, services, gone: GONE };
  addButtonOpensForm(buttons, {
    actionId: LIST_ACTIONS.riskAdd,
    event: 'risk_add_refused',
    may: canAddRisk,
    form: (program) => riskModal(program),
  });
  itemButtonOpensForm(buttons, {
    kind: LIST_ACTIONS.riskEdit,
    list: 'risks',
    event: 'risk_edit_refused',
    title: 'Not yours to change',
    context: (risk) => ({ risk: risk.id }),
    may: canEditRisk,
    form: (program, risk) => riskModal(program, risk),
  });

  /** Close and Reopen: the risk changes at once, and the list is answered as it is now. */
  const setStatus = (status: RiskState) =>
    buttonListener(deps, async ({ ack, action, body, respond, client }) => {
      await ack();
      const ctx = { body, respond, client, deps, services };
      const found = itemOfButton(services, action.value, (p) => p.risks);
      if (!found) return tellBeside(ctx, GONE);
      const { ref, program, item: risk } = found;
      const result = services.programEdits.setRiskStatus({
        programId: program.id,
        actor: body.user.id,
        expectedVersion: ref.version,
        riskId: risk.id,
        status,
      });
      const about = itemHeading(risk.text);
      const saved = 'risk' in result ? result.risk : risk;
      return answerQuickEdit(ctx, result, {
        programId: program.id,
        what: 'risk',
        saved:
          status === 'closed'
            ? `:white_check_mark: Closed: ${about}`
            : `:arrows_counterclockwise: Reopened: ${about}`,
        unchanged: `That risk is already ${status}: ${about}`,
        // Undo refers to the version just saved.
        ...(status === 'closed'
          ? { undo: button(LIST_ACTIONS.riskReopen, 'Undo', encodeItemOf(program, saved)) }
          : {}),
        list: risksList,
      });
    });
  app.action<BlockButtonAction>(itemActionPattern(LIST_ACTIONS.riskClose), setStatus('closed'));
  app.action<BlockButtonAction>(itemActionPattern(LIST_ACTIONS.riskReopen), setStatus('open'));
}
