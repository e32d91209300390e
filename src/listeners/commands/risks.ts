import { risksList } from '../../ui/risks-list.js';
import { listCommand } from './list-command.js';

/** `/rollout risks [PROGRAM]`: open top risks, high first; Add, Edit, Close and Reopen where allowed. */
export const risks = listCommand('risks PROGRAM', (program, viewer) => risksList(program, viewer));
