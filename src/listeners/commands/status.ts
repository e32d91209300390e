import { findWorkstream } from '../../domain/program.js';
import { lookupProgram } from '../../services/program-lookup.js';
import { chooseProgram, NO_PROGRAMS, notice, unknownWorkstream } from '../../ui/help.js';
import { workstreamDetail } from '../../ui/workstream-detail.js';
import { type CommandContext, ephemeral } from './context.js';

/** `/rollout status [PROGRAM] [WORKSTREAM]`. */
export async function status(ctx: CommandContext): Promise<void> {
  const found = lookupProgram(ctx.services.programs, ctx.args);
  if (found.kind === 'no-programs') return ctx.ack(ephemeral(notice(NO_PROGRAMS)));
  if (found.kind === 'choose') return ctx.ack(ephemeral(chooseProgram(found.programs, 'status PROGRAM')));
  const { program, rest } = found;
  if (rest.length === 0) {
    const pageUrl = ctx.services.canvases.pageUrl(program);
    return ctx.ack(ephemeral(ctx.services.statusPages.first(program, pageUrl)));
  }
  const query = rest.join(' ');
  const workstream = findWorkstream(program, query);
  if (!workstream) return ctx.ack(ephemeral(unknownWorkstream(program, query)));
  const moves = ctx.services.workstreamUpdates.targetMoves(program.id, workstream.key);
  return ctx.ack(ephemeral(workstreamDetail(program, workstream, ctx.deps.clock.now(), moves)));
}
