import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import type { Services } from '../../services/index.js';
import { decodeItemRef } from '../../ui/action-values.js';
import { LIST_BLOCKS, LIST_VIEWS } from '../../ui/ids.js';
import { listSavedModal } from '../../ui/list-changes.js';
import { escapeMrkdwn } from '../../ui/mrkdwn.js';
import { READINESS_FIELD_BLOCKS } from '../../ui/readiness-modal.js';
import { formConflictMessage } from '../shared/conflict-author.js';
import { errorsOnBlocks } from './inline-errors.js';
import { parseState, readInput } from './state.js';

const GONE = {
  [LIST_BLOCKS.readinessSignal]:
    'This readiness dimension or its program no longer exists; nothing was saved.',
};

/** Submissions of the readiness form: a dimension's signal and note. */
export function register(app: App, deps: Deps, services: Services): void {
  app.view(LIST_VIEWS.readinessEdit, async ({ ack, view, body, client }) => {
    const user = body.user.id;
    const ref = decodeItemRef(view.private_metadata);
    const program = ref ? services.programs.get(ref.program) : undefined;
    if (!ref || !program) {
      await ack({ response_action: 'errors', errors: GONE });
      return;
    }
    const values = parseState(view.state.values);
    const result = services.programEdits.editReadiness({
      programId: program.id,
      actor: user,
      expectedVersion: ref.version,
      dimensionId: ref.id,
      changes: {
        signal: readInput(values, LIST_BLOCKS.readinessSignal),
        note: readInput(values, LIST_BLOCKS.readinessNote),
      },
    });
    switch (result.kind) {
      case 'invalid':
        await ack({
          response_action: 'errors',
          errors: errorsOnBlocks(result.errors, READINESS_FIELD_BLOCKS),
        });
        return;
      case 'forbidden':
        await ack({ response_action: 'errors', errors: { [LIST_BLOCKS.readinessSignal]: result.reason } });
        return;
      case 'not-found':
        await ack({ response_action: 'errors', errors: GONE });
        return;
      case 'conflict':
        await ack({
          response_action: 'errors',
          errors: {
            [LIST_BLOCKS.readinessSignal]: await formConflictMessage(
              client,
              deps,
              user,
              result,
              'readiness dimension',
              'Change',
            ),
          },
        });
        return;
      case 'unchanged':
        await ack();
        return;
      case 'updated': {
        const heading = `*${escapeMrkdwn(result.dimension.name)}*`;
        await ack({ response_action: 'update', view: listSavedModal(program, heading, result.changes) });
        await services.home.publishHome(client, user);
        return;
      }
    }
  });
}
