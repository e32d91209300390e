import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import type { Services } from '../../services/index.js';
import { decodeItemRef, decodeProgramRef } from '../../ui/action-values.js';
import { LIST_BLOCKS, LIST_VIEWS } from '../../ui/ids.js';
import { truncate } from '../../ui/limits.js';
import { listSavedModal } from '../../ui/list-changes.js';
import { workstreamFromSelect } from '../../ui/list-parts.js';
import { escapeMrkdwn } from '../../ui/mrkdwn.js';
import { RISK_FIELD_BLOCKS, riskAddedModal } from '../../ui/risk-modal.js';
import { formConflictMessage } from '../shared/conflict-author.js';
import { errorsOnBlocks } from './inline-errors.js';
import { parseState, readInput } from './state.js';

const GONE = { [LIST_BLOCKS.riskText]: 'This risk or its program no longer exists; nothing was saved.' };

/** Submissions of the risk form: adding a risk, and editing one (which also closes or reopens it). */
export function register(app: App, deps: Deps, services: Services): void {
  app.view(LIST_VIEWS.riskAdd, async ({ ack, view, body, client }) => {
    const user = body.user.id;
    const slug = decodeProgramRef(view.private_metadata);
    const program = slug ? services.programs.get(slug) : undefined;
    if (!program) {
      await ack({ response_action: 'errors', errors: GONE });
      return;
    }
    const values = parseState(view.state.values);
    const result = services.programEdits.addRisk({
      programId: program.id,
      actor: user,
      risk: {
        text: readInput(values, LIST_BLOCKS.riskText) ?? '',
        severity: readInput(values, LIST_BLOCKS.riskSeverity) ?? '',
        workstream: workstreamFromSelect(readInput(values, LIST_BLOCKS.riskWorkstream)),
      },
      note: readInput(values, LIST_BLOCKS.riskNote) ?? '',
    });
    switch (result.kind) {
      case 'invalid':
        await ack({ response_action: 'errors', errors: errorsOnBlocks(result.errors, RISK_FIELD_BLOCKS) });
        return;
      case 'forbidden':
        await ack({ response_action: 'errors', errors: { [LIST_BLOCKS.riskText]: result.reason } });
        return;
      case 'not-found':
        await ack({ response_action: 'errors', errors: GONE });
        return;
      case 'added':
        await ack({ response_action: 'update', view: riskAddedModal(program, result.risk) });
        await services.home.publishHome(client, user);
        return;
    }
  });

  app.view(LIST_VIEWS.riskEdit, async ({ ack, view, body, client }) => {
    const user = body.user.id;
    const ref = decodeItemRef(view.private_metadata);
    const program = ref ? services.programs.get(ref.program) : undefined;
    if (!ref || !program) {
      await ack({ response_action: 'errors', errors: GONE });
      return;
    }
    const values = parseState(view.state.values);
    const result = services.programEdits.editRisk({
      programId: program.id,
      actor: user,
      expectedVersion: ref.version,
      riskId: ref.id,
      changes: {
        text: readInput(values, LIST_BLOCKS.riskText),
        severity: readInput(values, LIST_BLOCKS.riskSeverity),
        workstream: workstreamFromSelect(readInput(values, LIST_BLOCKS.riskWorkstream)),
        status: readInput(values, LIST_BLOCKS.riskStatus),
      },
      note: readInput(values, LIST_BLOCKS.riskNote) ?? '',
    });
    switch (result.kind) {
      case 'invalid':
        await ack({ response_action: 'errors', errors: errorsOnBlocks(result.errors, RISK_FIELD_BLOCKS) });
        return;
      case 'forbidden':
        await ack({ response_action: 'errors', errors: { [LIST_BLOCKS.riskText]: result.reason } });
        return;
      case 'not-found':
        await ack({ response_action: 'errors', errors: GONE });
        return;
      case 'conflict':
        await ack({
          response_action: 'errors',
          errors: {
            [LIST_BLOCKS.riskText]: await formConflictMessage(client, deps, user, result, 'risk', 'Edit'),
          },
        });
        return;
      case 'unchanged':
        await ack();
        return;
      case 'updated': {
        const heading = `*${escapeMrkdwn(truncate(result.risk.text, 300))}*`;
        await ack({ response_action: 'update', view: listSavedModal(program, heading, result.changes) });
        await services.home.publishHome(client, user);
        return;
      }
    }
  });
}
