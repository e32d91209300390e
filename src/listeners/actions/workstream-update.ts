import type { App, BlockButtonAction } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { findWorkstream } from '../../domain/program.js';
import type { Services } from '../../services/index.js';
import { decodeUpdateRef, decodeWorkstreamRef } from '../../ui/action-values.js';
import { ACTIONS, itemActionPattern } from '../../ui/ids.js';
import { reminderConfirmed } from '../../ui/reminder-message.js';
import { buttonListener } from '../shared/failures.js';
import { openNotFound } from '../shared/open-list-modal.js';
import { openUpdateModal } from '../shared/open-update-modal.js';

/** The Update button, wherever it sits (workstream detail, App Home, reminders): opens the form. */
export function register(app: App, deps: Deps, services: Services): void {
  app.action<BlockButtonAction>(
    ACTIONS.openWorkstreamUpdate,
    buttonListener(deps, async ({ ack, action, body, client }) => {
      await ack();
      const ref = decodeWorkstreamRef(action.value);
      const program = ref ? services.programs.get(ref.program) : undefined;
      const workstream = program && ref ? findWorkstream(program, ref.workstream) : undefined;
      const req = { client, deps, triggerId: body.trigger_id, view: body.view, userId: body.user.id };
      if (!program || !workstream)
        return openNotFound(req, 'That workstream no longer exists. Try `/rollout status`.');
      return openUpdateModal({ ...req, program, workstream });
    }),
  );

  /**
   * A reminder's "Still current": the unchanged save of the update form, in one click, at the version the
   * DM showed. Answered in place: the DM's line says it was recorded and its buttons go.
   */
  app.action<BlockButtonAction>(
    itemActionPattern(ACTIONS.confirmCurrent),
    buttonListener(deps, async ({ ack, action, body, client, respond }) => {
      await ack();
      const user = body.user.id;
      const ref = decodeUpdateRef(action.value);
      const program = ref ? services.programs.get(ref.program) : undefined;
      const workstream = program && ref ? findWorkstream(program, ref.workstream) : undefined;
      const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
      if (!ref || !program || !workstream)
        return void (await tell('That workstream no longer exists. Try `/rollout status`.'));
      const result = services.workstreamUpdates.updateWorkstream({
        programId: program.id,
        key: workstream.key,
        actor: user,
        expectedVersion: ref.version,
        changes: {},
      });
      let line: string;
      if (result.kind === 'updated') line = 'Confirmed current, thanks.';
      // Someone saved it after the DM went out: it is no longer stale, and nothing is recorded twice.
      else if (result.kind === 'unchanged') line = 'Updated since this reminder, nothing more needed.';
      else if (result.kind === 'forbidden' || result.kind === 'not-found')
        return void (await tell('reason' in result ? result.reason : 'That workstream no longer exists.'));
      else return void (await tell('Nothing was recorded: open it with Update instead.'));
      const blocks = body.message?.blocks;
      if (Array.isArray(blocks))
        await respond({
          replace_original: true,
          text: body.message?.text ?? line,
          blocks: reminderConfirmed(blocks, program.slug, workstream, line),
        });
      else await tell(line);
      if (result.kind === 'updated') await services.home.publishHome(client, user).catch(() => undefined);
    }),
  );
}
