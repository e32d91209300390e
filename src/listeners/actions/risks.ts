import type { AllMiddlewareArgs, App, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { canAddRisk, canEditRisk } from '../../domain/permissions.js';
import type { RiskState } from '../../domain/vocabulary.js';
import type { Services } from '../../services/index.js';
import { decodeItemRef, decodeProgramRef, encodeItemRef } from '../../ui/action-values.js';
import { itemActionPattern, LIST_ACTIONS } from '../../ui/ids.js';
import { truncate } from '../../ui/limits.js';
import { button } from '../../ui/list-parts.js';
import { escapeMrkdwn } from '../../ui/mrkdwn.js';
import { riskModal } from '../../ui/risk-modal.js';
import { risksList } from '../../ui/risks-list.js';
import { openListModal, openNotFound } from '../shared/open-list-modal.js';
import { answerQuickEdit, tellBeside } from '../shared/quick-edit.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

const GONE = 'That risk or its program no longer exists. Try `/rollout risks`.';

/** The buttons of `/rollout risks`: Add risk and Edit open the form; Close and Reopen act at once. */
export function register(app: App, deps: Deps, services: Services): void {
  app.action<BlockButtonAction>(LIST_ACTIONS.riskAdd, async ({ ack, action, body, client }) => {
    await ack();
    const req = { client, deps, triggerId: body.trigger_id, userId: body.user.id };
    const slug = decodeProgramRef(action.value);
    const program = slug ? services.programs.get(slug) : undefined;
    if (!program) return openNotFound(req, GONE);
    return openListModal(
      req,
      canAddRisk(req.userId, program, deps.config.rolloutAdmins),
      { event: 'risk_add_refused', context: { program: program.slug }, title: 'Not yours to add' },
      () => riskModal(program),
    );
  });

  app.action<BlockButtonAction>(
    itemActionPattern(LIST_ACTIONS.riskEdit),
    async ({ ack, action, body, client }) => {
      await ack();
      const req = { client, deps, triggerId: body.trigger_id, userId: body.user.id };
      const ref = decodeItemRef(action.value);
      const program = ref ? services.programs.get(ref.program) : undefined;
      const risk = program?.risks.find((r) => r.id === ref?.id);
      if (!program || !risk) return openNotFound(req, GONE);
      return openListModal(
        req,
        canEditRisk(req.userId, program, risk, deps.config.rolloutAdmins),
        {
          event: 'risk_edit_refused',
          context: { program: program.slug, risk: risk.id },
          title: 'Not yours to change',
        },
        () => riskModal(program, risk),
      );
    },
  );

  const setStatus =
    (status: RiskState) =>
    async ({ ack, action, body, respond, client }: ButtonArgs) => {
      await ack();
      const ctx = { body, respond, client, deps, services };
      const ref = decodeItemRef(action.value);
      const program = ref ? services.programs.get(ref.program) : undefined;
      const risk = program?.risks.find((r) => r.id === ref?.id);
      if (!ref || !program || !risk) return tellBeside(ctx, GONE);
      const result = services.programEdits.setRiskStatus({
        programId: program.id,
        actor: body.user.id,
        expectedVersion: ref.version,
        riskId: risk.id,
        status,
      });
      const about = `*${escapeMrkdwn(truncate(risk.text, 300))}*`;
      const after = 'risk' in result ? result.risk : risk;
      return answerQuickEdit(ctx, result, {
        programId: program.id,
        what: 'risk',
        saved:
          status === 'closed'
            ? `:white_check_mark: Closed: ${about}`
            : `:arrows_counterclockwise: Reopened: ${about}`,
        unchanged: `That risk is already ${status}: ${about}`,
        ...(status === 'closed'
          ? {
              undo: button(
                LIST_ACTIONS.riskReopen,
                'Undo',
                encodeItemRef({ program: program.slug, id: after.id, version: after.version }),
              ),
            }
          : {}),
        list: risksList,
      });
    };
  app.action<BlockButtonAction>(itemActionPattern(LIST_ACTIONS.riskClose), setStatus('closed'));
  app.action<BlockButtonAction>(itemActionPattern(LIST_ACTIONS.riskReopen), setStatus('open'));
}
