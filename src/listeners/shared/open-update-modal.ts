import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import { canEditWorkstream } from '../../domain/permissions.js';
import type { Program, Workstream } from '../../domain/program.js';
import { noticeModal } from '../../ui/modal-parts.js';
import { escapeMrkdwn } from '../../ui/mrkdwn.js';
import { workstreamPickModal, workstreamUpdateModal } from '../../ui/workstream-modal.js';
import { showView, type ViewOrigin } from './show-view.js';

export interface OpenRequest extends ViewOrigin {
  client: WebClient;
  deps: Deps;
  userId: string;
  program: Program;
}

/**
 * Opens the update form for someone allowed to change the workstream, or a modal saying why not. Called
 * right after `ack()`, so it is inside the trigger's 3 seconds. A refusal is logged for the operator.
 */
export async function openUpdateModal(req: OpenRequest & { workstream: Workstream }): Promise<void> {
  const { deps, userId, program, workstream } = req;
  const permission = canEditWorkstream(userId, program, workstream, deps.config.rolloutAdmins);
  if (!permission.allowed) {
    deps.logger.warn(
      { event: 'update_refused', user: userId, program: program.slug, workstream: workstream.key },
      'refused to open the update form: not an owner or admin',
    );
    await open(req, noticeModal('Not yours to update', escapeMrkdwn(permission.reason)));
    return;
  }
  await open(req, workstreamUpdateModal(program, workstream));
}

/** `/rollout update` without a workstream: a picker of those this person may update. */
export async function openPickModal(req: OpenRequest): Promise<'opened' | 'none'> {
  const { deps, userId, program } = req;
  const mine = program.workstreams.filter(
    (w) => canEditWorkstream(userId, program, w, deps.config.rolloutAdmins).allowed,
  );
  if (mine.length === 0) return 'none';
  await open(req, workstreamPickModal(program, mine));
  return 'opened';
}

async function open(
  req: OpenRequest,
  view: Parameters<WebClient['views']['open']>[0]['view'],
): Promise<void> {
  await showView(req.client, req, view);
}
