import { findWorkstream } from '../../domain/program.js';
import { lookupProgram } from '../../services/program-lookup.js';
import { chooseProgram, notice } from '../../ui/help.js';
import { escapeMrkdwn } from '../../ui/mrkdwn.js';
import { statusPageOf } from '../../ui/status-overview.js';
import { workstreamDetail } from '../../ui/workstream-detail.js';
import { type CommandContext, ephemeral } from './context.js';

export const NO_PROGRAMS =
  'There is no program yet. An admin imports one with `rollout import FILE` (see the README).';

/** `/rollout status [PROGRAM] [WORKSTREAM]`. */
export async function status(ctx: CommandContext): Promise<void> {
  const found = lookupProgram(ctx.services.programs, ctx.args);
  if (found.kind === 'no-programs') return ctx.ack(ephemeral(notice(NO_PROGRAMS)));
  if (found.kind === 'choose') return ctx.ack(ephemeral(chooseProgram(found.programs, 'status PROGRAM')));
  const { program, rest } = found;
  if (rest.length === 0) return ctx.ack(ephemeral(statusPageOf(program)));
  const query = rest.join(' ');
  const workstream = findWorkstream(program, query);
  if (!workstream) return ctx.ack(ephemeral(unknownWorkstream(program, query)));
  return ctx.ack(ephemeral(workstreamDetail(program, workstream, ctx.deps.clock.now())));
}

export function unknownWorkstream(
  program: { name: string; workstreams: { key: string; name: string }[] },
  query: string,
) {
  const keys = program.workstreams.slice(0, 30).map((w) => `\`${escapeMrkdwn(w.key)}\``);
  const more = program.workstreams.length > 30 ? `, …and ${program.workstreams.length - 30} more` : '';
  return notice(
    `No workstream of ${escapeMrkdwn(program.name)} matches “${escapeMrkdwn(query)}”. ` +
      `Use a key or a name: ${keys.join(', ')}${more}.`,
  );
}
