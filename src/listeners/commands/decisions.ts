import { decisionsList } from '../../ui/decisions-list.js';
import { listCommand } from './list-command.js';

/** `/rollout decisions [PROGRAM]`: pending decisions, overdue first, then those decided in the last 14 days. */
export const decisions = listCommand('decisions PROGRAM', (program, viewer, ctx) =>
  decisionsList(program, viewer, ctx.deps.clock.now()),
);
