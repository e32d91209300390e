import { LISTS } from '../shared/lists.js';
import { listCommand } from './list-command.js';

/** `/rollout actions [PROGRAM]`: open next actions, soonest due first, overdue marked; Add, Edit, Mark done. */
export const nextActions = listCommand('actions PROGRAM', LISTS.actions);
