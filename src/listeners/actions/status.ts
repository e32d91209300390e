import type { App, BlockButtonAction } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { findWorkstream } from '../../domain/program.js';
import type { Services } from '../../services/index.js';
import { decodeProgramRef, decodeWorkstreamRef } from '../../ui/action-values.js';
import { notice } from '../../ui/help.js';
import { ACTIONS } from '../../ui/ids.js';
import { statusOverview } from '../../ui/status-overview.js';
import { workstreamDetail } from '../../ui/workstream-detail.js';
import { ephemeral } from '../commands/context.js';

const GONE = 'That program or workstream no longer exists. Try `/rollout status`.';

/**
 * Details and "All workstreams" buttons answer privately to whoever clicked, through the interaction's
 * response_url, without replacing the message the button sits on (a digest in a channel stays as it is).
 */
export function register(app: App, deps: Deps, services: Services): void {
  app.action<BlockButtonAction>(ACTIONS.showWorkstream, async ({ ack, action, respond }) => {
    await ack();
    const ref = decodeWorkstreamRef(action.value);
    const program = ref && services.programs.get(ref.program);
    const workstream = program && ref ? findWorkstream(program, ref.workstream) : undefined;
    const message =
      program && workstream ? workstreamDetail(program, workstream, deps.clock.now()) : notice(GONE);
    await respond({ ...ephemeral(message), replace_original: false });
  });

  app.action<BlockButtonAction>(ACTIONS.showStatus, async ({ ack, action, respond }) => {
    await ack();
    const slug = decodeProgramRef(action.value);
    const program = slug ? services.programs.get(slug) : undefined;
    await respond({
      ...ephemeral(program ? statusOverview(program) : notice(GONE)),
      replace_original: false,
    });
  });
}
