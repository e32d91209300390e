import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import { findWorkstream } from '../../domain/program.js';
import type { WorkstreamUpdateField } from '../../domain/workstream-update.js';
import type { Services } from '../../services/index.js';
import { decodeUpdateRef } from '../../ui/action-values.js';
import { BLOCKS, VIEWS } from '../../ui/ids.js';
import { updateNotice } from '../../ui/update-notice.js';
import { UPDATE_FIELD_BLOCKS, updateSavedModal, workstreamUpdateModal } from '../../ui/workstream-modal.js';
import { formConflictMessage } from '../shared/conflict-author.js';
import { errorsOnBlocks } from './inline-errors.js';
import { parseState, readInput } from './state.js';

type Errors = Record<string, string>;

const GONE: Errors = { [BLOCKS.wsStatus]: 'This workstream no longer exists; nothing was saved.' };

/** Maps field-keyed validation errors onto the input blocks that show them inline. */
export function errorsByBlock(errors: Partial<Record<WorkstreamUpdateField, string>>): Errors {
  return errorsOnBlocks(errors, UPDATE_FIELD_BLOCKS);
}

/** Submissions of the update form and of the workstream picker. */
export function register(app: App, deps: Deps, services: Services): void {
  app.view(VIEWS.workstreamPick, async ({ ack, view, body }) => {
    const program = services.programs.get(view.private_metadata);
    const key = readInput(parseState(view.state.values), BLOCKS.wsPick);
    const workstream = program && key ? findWorkstream(program, key) : undefined;
    if (!program || !workstream) {
      await ack({ response_action: 'errors', errors: { [BLOCKS.wsPick]: 'Choose one of the workstreams.' } });
      return;
    }
    deps.logger.debug({ event: 'update_picked', user: body.user.id, workstream: workstream.key });
    await ack({ response_action: 'update', view: workstreamUpdateModal(program, workstream) });
  });

  app.view(VIEWS.workstreamUpdate, async ({ ack, view, body, client }) => {
    const user = body.user.id;
    const ref = decodeUpdateRef(view.private_metadata);
    const program = ref ? services.programs.get(ref.program) : undefined;
    const workstream = program && ref ? findWorkstream(program, ref.workstream) : undefined;
    if (!ref || !program || !workstream) {
      await ack({ response_action: 'errors', errors: GONE });
      return;
    }
    const values = parseState(view.state.values);
    const result = services.workstreamUpdates.updateWorkstream({
      programId: program.id,
      key: workstream.key,
      actor: user,
      expectedVersion: ref.version,
      changes: {
        status: readInput(values, BLOCKS.wsStatus),
        risk: readInput(values, BLOCKS.wsRisk),
        state: readInput(values, BLOCKS.wsState),
        blocker: readInput(values, BLOCKS.wsBlocker),
        summary: readInput(values, BLOCKS.wsSummary),
      },
      note: readInput(values, BLOCKS.wsNote) ?? '',
    });
    switch (result.kind) {
      case 'invalid':
        await ack({ response_action: 'errors', errors: errorsByBlock(result.errors) });
        return;
      case 'forbidden':
        await ack({ response_action: 'errors', errors: { [BLOCKS.wsStatus]: result.reason } });
        return;
      case 'not-found':
        await ack({ response_action: 'errors', errors: GONE });
        return;
      case 'conflict':
        await ack({
          response_action: 'errors',
          errors: {
            [BLOCKS.wsStatus]: await conflictMessage(client, deps, user, result.updatedBy, result.updatedAt),
          },
        });
        return;
      case 'unchanged':
        await ack();
        return;
      case 'updated': {
        await ack({ response_action: 'update', view: updateSavedModal(result.workstream, result.changes) });
        // Committed; what follows is Slack, and its failures are logged, not shown as a failed save.
        if (program.updatesChannel) {
          const notice = updateNotice(result.workstream, result.changes, user);
          await client.chat
            .postMessage({ channel: program.updatesChannel, ...notice })
            .catch((error) =>
              deps.logger.warn(
                { event: 'update_notice_failed', program: program.slug, channel: program.updatesChannel },
                'could not post to the updates channel; is the bot in it?',
                error,
              ),
            );
        }
        await services.home.publishHome(client, user);
        return;
      }
    }
  });
}

/** "Dana changed this workstream at Thu 26 Nov 2026, 03:00 GMT+9, after you opened this form…" */
function conflictMessage(
  client: WebClient,
  deps: Deps,
  viewer: string,
  updatedBy: string | null,
  updatedAt: string,
): Promise<string> {
  return formConflictMessage(client, deps, viewer, { updatedBy, updatedAt }, 'workstream', 'Update');
}
