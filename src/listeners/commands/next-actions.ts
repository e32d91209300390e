import { nextActionsList } from '../../ui/next-actions-list.js';
import { listCommand } from './list-command.js';

/** `/rollout actions [PROGRAM]`: open next actions, soonest due first, overdue marked; Add, Edit, Mark done. */
export const nextActions = listCommand('actions PROGRAM', (program, viewer, ctx) =>
  nextActionsList(program, viewer, ctx.deps.clock.now()),
);
