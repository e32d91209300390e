import { LISTS } from '../shared/lists.js';
import { listCommand } from './list-command.js';

/** `/rollout decisions [PROGRAM]`: pending decisions, overdue first, then those decided in the last 14 days. */
export const decisions = listCommand('decisions PROGRAM', LISTS.decisions);
