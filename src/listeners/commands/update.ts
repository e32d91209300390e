import { findWorkstream } from '../../domain/program.js';
import { lookupProgram } from '../../services/program-lookup.js';
import { chooseProgram, NO_PROGRAMS, notice, unknownWorkstream } from '../../ui/help.js';
import { escapeMrkdwn } from '../../ui/mrkdwn.js';
import { openPickModal, openUpdateModal } from '../shared/open-update-modal.js';
import { type CommandContext, ephemeral } from './context.js';

/** `/rollout update [PROGRAM] [WORKSTREAM]`: the update form, or a picker of the workstreams you may update. */
export async function update(ctx: CommandContext): Promise<void> {
  const found = lookupProgram(ctx.services.programs, ctx.args);
  if (found.kind === 'no-programs') return ctx.ack(ephemeral(notice(NO_PROGRAMS)));
  if (found.kind === 'choose') return ctx.ack(ephemeral(chooseProgram(found.programs, 'update PROGRAM')));
  const { program, rest } = found;
  const request = {
    client: ctx.client,
    deps: ctx.deps,
    triggerId: ctx.triggerId,
    userId: ctx.userId,
    program,
  };
  if (rest.length === 0) {
    const total = program.workstreams.length;
    await ctx.ack();
    const opened = await openPickModal(request);
    if (opened === 'none') {
      await ctx.respond(
        ephemeral(
          notice(
            total === 0
              ? `${escapeMrkdwn(program.name)} has no workstreams yet.`
              : `You do not own a workstream of ${escapeMrkdwn(program.name)}. Each workstream is updated by its owners or the program's admins; \`/rollout status WORKSTREAM\` shows who owns it.`,
          ),
        ),
      );
    }
    return undefined;
  }
  const workstream = findWorkstream(program, rest.join(' '));
  if (!workstream) return ctx.ack(ephemeral(unknownWorkstream(program, rest.join(' '))));
  await ctx.ack();
  return openUpdateModal({ ...request, workstream });
}
