import type { BlockButtonAction } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { canAddRisk, canEditRisk } from '../../domain/permissions.js';
import type { RiskState } from '../../domain/vocabulary.js';
import type { Services } from '../../services/index.js';
import { itemActionPattern, LIST_ACTIONS } from '../../ui/ids.js';
import { riskModal } from '../../ui/risk-modal.js';
import { risksList } from '../../ui/risks-list.js';
import type { ListenerRouter } from '../router.js';
import { quickButton, registerAddButton, registerEditButton } from '../shared/list-buttons.js';

const GONE = 'That risk or its program no longer exists. Try `/rollout risks`.';

/** The buttons of `/rollout risks`: Add risk and Edit open the form; Close and Reopen act at once. */
export function register(router: ListenerRouter, deps: Deps, services: Services): void {
  registerAddButton(router, deps, services, {
    actionId: LIST_ACTIONS.riskAdd,
    gone: GONE,
    refusedEvent: 'risk_add_refused',
    permission: canAddRisk,
    view: (program) => riskModal(program),
  });

  registerEditButton(router, deps, services, {
    actionId: LIST_ACTIONS.riskEdit,
    gone: GONE,
    refusedEvent: 'risk_edit_refused',
    what: 'risk',
    items: 'risks',
    permission: canEditRisk,
    view: riskModal,
  });

  const setStatus = (status: RiskState) =>
    quickButton(deps, services, {
      gone: GONE,
      items: 'risks',
      apply: (program, item, ref, actor) =>
        services.programEdits.setRiskStatus({
          programId: program.id,
          actor,
          expectedVersion: ref.version,
          riskId: item.id,
          status,
        }),
      saved: (result) => ('risk' in result ? result.risk : undefined),
      answer: (about) => ({
        what: 'risk',
        saved:
          status === 'closed'
            ? `:white_check_mark: Closed: ${about}`
            : `:arrows_counterclockwise: Reopened: ${about}`,
        unchanged: `That risk is already ${status}: ${about}`,
        list: risksList,
      }),
      ...(status === 'closed' ? { undo: LIST_ACTIONS.riskReopen } : {}),
    });
  router.action<BlockButtonAction>(itemActionPattern(LIST_ACTIONS.riskClose), setStatus('closed'));
  router.action<BlockButtonAction>(itemActionPattern(LIST_ACTIONS.riskReopen), setStatus('open'));
}
