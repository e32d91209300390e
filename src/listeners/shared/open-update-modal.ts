import { canEditWorkstream, isAdmin } from '../../domain/permissions.js';
import type { Program, Workstream } from '../../domain/program.js';
import { workstreamPickModal, workstreamUpdateModal } from '../../ui/workstream-modal.js';
import { type ModalRequest, openListModal } from './open-list-modal.js';
import { showView } from './show-view.js';

export interface OpenRequest extends ModalRequest {
  program: Program;
}

/** Opens the update form for someone allowed to change the workstream, or a modal saying why not. */
export function openUpdateModal(req: OpenRequest & { workstream: Workstream }): Promise<void> {
  const { deps, userId, program, workstream } = req;
  return openListModal(
    req,
    canEditWorkstream(userId, program, workstream, deps.config.rolloutAdmins),
    {
      event: 'update_refused',
      context: { program: program.slug, workstream: workstream.key },
      title: 'Not yours to update',
    },
    () => workstreamUpdateModal(program, workstream, isAdmin(userId, program, deps.config.rolloutAdmins)),
  );
}

/** `/rollout update` without a workstream: a picker of those this person may update. */
export async function openPickModal(req: OpenRequest): Promise<'opened' | 'none'> {
  const { deps, userId, program } = req;
  const mine = program.workstreams.filter(
    (w) => canEditWorkstream(userId, program, w, deps.config.rolloutAdmins).allowed,
  );
  if (mine.length === 0) return 'none';
  await showView(req.client, req, workstreamPickModal(program, mine));
  return 'opened';
}
