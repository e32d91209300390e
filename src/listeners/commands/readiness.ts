import { LISTS } from '../shared/lists.js';
import { listCommand } from './list-command.js';

/** `/rollout readiness [PROGRAM]`: each dimension's signal and note; admins can change them. */
export const readiness = listCommand('readiness PROGRAM', LISTS.readiness);
