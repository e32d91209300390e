import { lookupProgram } from '../../services/program-lookup.js';
import { chooseProgram, NO_PROGRAMS, notice } from '../../ui/help.js';
import type { ListBuilder } from '../shared/lists.js';
import { viewerOf } from '../shared/quick-edit.js';
import { ephemeral, type Subcommand } from './context.js';

/**
 * `/rollout risks|readiness|actions [PROGRAM]`: the program's list, privately, with the buttons this person
 * may use. `usage` is how to name a program when there are several ("risks PROGRAM").
 */
export function listCommand(usage: string, build: ListBuilder): Subcommand {
  return async (ctx) => {
    const found = lookupProgram(ctx.services.programs, ctx.args);
    if (found.kind === 'no-programs') return ctx.ack(ephemeral(notice(NO_PROGRAMS)));
    if (found.kind === 'choose') return ctx.ack(ephemeral(chooseProgram(found.programs, usage)));
    return ctx.ack(ephemeral(build(found.program, viewerOf(ctx.userId, ctx.deps), ctx)));
  };
}
