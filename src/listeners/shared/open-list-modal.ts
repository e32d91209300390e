import type { BlockButtonAction } from '@slack/bolt';
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import type { Permission } from '../../domain/permissions.js';
import { standInOrigin, withListReply } from '../../ui/action-values.js';
import { noticeModal } from '../../ui/modal-parts.js';
import { escapeMrkdwn } from '../../ui/mrkdwn.js';
import { showView, type ViewOrigin } from './show-view.js';

/** Who clicked, and where (`view` when the button sits in a modal or the Home tab; see showView). */
export interface ModalRequest extends ViewOrigin {
  client: WebClient;
  deps: Deps;
  userId: string;
  /**
   * The click's response_url, when the button sits in a list message (none in the Home tab or a modal): the
   * form carries it, so that once saved it replaces that list with the list as it is now (`refreshFormList`).
   */
  responseUrl?: string;
}

/** A list button's click as openListModal takes it; from a message, with the click's response_url. */
export function listModalRequest(body: BlockButtonAction, client: WebClient, deps: Deps): ModalRequest {
  return {
    client,
    deps,
    triggerId: body.trigger_id,
    userId: body.user.id,
    ...(body.response_url ? { responseUrl: body.response_url } : {}),
  };
}

export interface Refusal {
  /** The warn log's event, e.g. `risk_edit_refused`. */
  event: string;
  /** What the log line says about the attempt (program, item). */
  context: Record<string, unknown>;
  /** The refusal modal's title (at most 24 characters). */
  title: string;
}

/**
 * Opens a form (a list item's, the workstream update) for someone allowed to use it, or a modal saying why
 * not; a refusal is logged for the operator. Called right after `ack()`, inside the trigger's 3 seconds.
 */
export async function openListModal(
  req: ModalRequest,
  permission: Permission,
  refusal: Refusal,
  view: () => View,
): Promise<void> {
  if (!permission.allowed) {
    req.deps.logger.warn(
      { event: refusal.event, user: req.userId, ...refusal.context },
      'refused to open the form: not allowed',
    );
    await showView(req.client, req, noticeModal(refusal.title, escapeMrkdwn(permission.reason)));
    return;
  }
  const form = view();
  await showView(
    req.client,
    req,
    req.responseUrl
      ? {
          ...form,
          private_metadata: withListReply(
            form.private_metadata ?? '',
            req.responseUrl,
            standInOrigin(req.deps.config.slackApiUrl),
          ),
        }
      : form,
  );
}

/** The item a button was about is gone (deleted by an import, or a forged value). */
export async function openNotFound(req: ModalRequest, mrkdwn: string): Promise<void> {
  await showView(req.client, req, noticeModal('Not found', mrkdwn));
}
