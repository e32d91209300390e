import { LISTS } from '../shared/lists.js';
import { listCommand } from './list-command.js';

/** `/rollout risks [PROGRAM]`: open top risks, high first; Add, Edit, Close and Reopen where allowed. */
export const risks = listCommand('risks PROGRAM', LISTS.risks);
