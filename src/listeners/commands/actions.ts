import { actionsList } from '../../ui/actions-list.js';
import { listCommand } from './list-command.js';

/** `/rollout actions [PROGRAM]`: open next actions, soonest due first, overdue marked; Add, Edit, Mark done. */
export const actions = listCommand('actions PROGRAM', (program, viewer, ctx) =>
  actionsList(program, viewer, ctx.deps.clock.now()),
);
