import { readinessList } from '../../ui/readiness-list.js';
import { listCommand } from './list-command.js';

/** `/rollout readiness [PROGRAM]`: each dimension's signal and note; admins can change them. */
export const readiness = listCommand('readiness PROGRAM', (program, viewer) =>
  readinessList(program, viewer),
);
