import type { App, BlockButtonAction, RespondArguments } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import { findWorkstream } from '../../domain/program.js';
import type { Services } from '../../services/index.js';
import { decodeProgramRef, decodeStatusPageRef, decodeWorkstreamRef } from '../../ui/action-values.js';
import { notice } from '../../ui/help.js';
import { ACTIONS } from '../../ui/ids.js';
import type { SlackMessage } from '../../ui/message.js';
import { plainText } from '../../ui/modal-parts.js';
import { statusPage } from '../../ui/status-overview.js';
import { workstreamDetail } from '../../ui/workstream-detail.js';
import { ephemeral } from '../commands/context.js';
import { buttonListener } from '../shared/failures.js';
import { showView } from '../shared/show-view.js';

const GONE = 'That program or workstream no longer exists. Try `/rollout status`.';

/**
 * Details and "All workstreams" buttons answer privately to whoever clicked: in a message, through the
 * interaction's response_url without replacing the message (a digest in a channel stays as it is); in the
 * App Home tab, which has no response_url, in a modal.
 */
export function register(app: App, deps: Deps, services: Services): void {
  app.action<BlockButtonAction>(
    ACTIONS.showWorkstream,
    buttonListener(deps, async ({ ack, action, body, respond, client }) => {
      await ack();
      const ref = decodeWorkstreamRef(action.value);
      const program = ref && services.programs.get(ref.program);
      const workstream = program && ref ? findWorkstream(program, ref.workstream) : undefined;
      const message =
        program && workstream
          ? workstreamDetail(
              program,
              workstream,
              deps.clock.now(),
              services.workstreamUpdates.targetMoves(program.id, workstream.key),
            )
          : notice(GONE);
      await answer({ body, respond, client }, 'Workstream', message);
    }),
  );

  app.action<BlockButtonAction>(
    ACTIONS.showStatus,
    buttonListener(deps, async ({ ack, action, body, respond, client }) => {
      await ack();
      const slug = decodeProgramRef(action.value);
      const program = slug ? services.programs.get(slug) : undefined;
      const message = program
        ? services.statusPages.first(program, services.canvases.pageUrl(program))
        : notice(GONE);
      await answer({ body, respond, client }, 'Status', message);
    }),
  );

  const turnPage = buttonListener(deps, async ({ ack, action, body, respond, client }) => {
    await ack();
    const ref = decodeStatusPageRef(action.value);
    const program = ref ? services.programs.get(ref.program) : undefined;
    const message =
      program && ref ? statusPage(program, ref.page, services.canvases.pageUrl(program)) : notice(GONE);
    await replace({ body, respond, client }, 'Status', message);
  });
  app.action<BlockButtonAction>(ACTIONS.statusPagePrevious, turnPage);
  app.action<BlockButtonAction>(ACTIONS.statusPageNext, turnPage);
}

type ButtonContext = {
  body: BlockButtonAction;
  respond: (m: RespondArguments) => Promise<unknown>;
  client: WebClient;
};

/** Previous/Next turn the page where it is: the private message in place, or the modal it sits in. */
async function replace(ctx: ButtonContext, title: string, message: SlackMessage): Promise<void> {
  if (ctx.body.response_url) {
    await ctx.respond({ ...ephemeral(message), replace_original: true });
    return;
  }
  const view = ctx.body.view;
  if (view?.type === 'modal') {
    await ctx.client.views.update({ view_id: view.id, hash: view.hash, view: messageModal(title, message) });
    return;
  }
  await answer(ctx, title, message);
}

function messageModal(title: string, message: SlackMessage) {
  return {
    type: 'modal' as const,
    title: plainText(title),
    close: plainText('Close'),
    blocks: message.blocks,
  };
}

async function answer(ctx: ButtonContext, title: string, message: SlackMessage): Promise<void> {
  if (ctx.body.response_url) {
    await ctx.respond({ ...ephemeral(message), replace_original: false });
    return;
  }
  await showView(
    ctx.client,
    { triggerId: ctx.body.trigger_id, view: ctx.body.view },
    messageModal(title, message),
  );
}
