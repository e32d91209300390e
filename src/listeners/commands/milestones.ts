import { LISTS } from '../shared/lists.js';
import { listCommand } from './list-command.js';

/**
 * `/rollout milestones [PROGRAM]`: each milestone's target, slip, forecast, what it waits on and whether it is
 * at risk; Edit and Add milestone where allowed.
 */
export const milestones = listCommand('milestones PROGRAM', LISTS.milestones);
