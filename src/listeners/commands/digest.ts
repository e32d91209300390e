import { isAdmin } from '../../domain/permissions.js';
import type { Program } from '../../domain/program.js';
import { lookupProgram } from '../../services/program-lookup.js';
import { digestSending, digestSendOutcome } from '../../ui/digest-command.js';
import { chooseProgram, NO_PROGRAMS, notice } from '../../ui/help.js';
import { escapeMrkdwn } from '../../ui/mrkdwn.js';
import { type CommandContext, ephemeral } from './context.js';

/**
 * `/rollout digest [PROGRAM]` previews this week's digest privately, for anyone; `/rollout digest send
 * [PROGRAM]` posts it, for admins. Sending waits on Slack, so it acks at once and answers through the
 * response_url; the sender's claim makes it safe against the schedule posting at the same moment.
 */
export async function digest(ctx: CommandContext): Promise<void> {
  const sending = ctx.args[0]?.toLowerCase() === 'send';
  const args = sending ? ctx.args.slice(1) : ctx.args;
  const usage = sending ? 'digest send PROGRAM' : 'digest PROGRAM';
  const found = lookupProgram(ctx.services.programs, args);
  if (found.kind === 'no-programs') return ctx.ack(ephemeral(notice(NO_PROGRAMS)));
  if (found.kind === 'choose') return ctx.ack(ephemeral(chooseProgram(found.programs, usage)));
  const { program, rest } = found;
  if (rest.length > 0) return ctx.ack(ephemeral(unknownProgram(rest.join(' '), program, usage)));

  if (!sending) return ctx.ack(ephemeral(ctx.services.digestPreviews.of(program)));

  if (!isAdmin(ctx.userId, program, ctx.deps.config.rolloutAdmins)) {
    ctx.deps.logger.warn(
      { event: 'digest_send_refused', program: program.slug, user: ctx.userId },
      'only admins send the digest',
    );
    return ctx.ack(
      ephemeral(
        notice(
          `Only an admin of ${escapeMrkdwn(program.name)} can send its digest. ` +
            'You can preview it with `/rollout digest`; it is posted on its schedule.',
        ),
      ),
    );
  }
  if (!program.digest) {
    return ctx.ack(
      ephemeral(
        notice(
          `${escapeMrkdwn(program.name)} has no digest channel yet: add a \`digest\` section to its program ` +
            'file and import it again.',
        ),
      ),
    );
  }
  await ctx.ack(ephemeral(digestSending({ ...program, digest: program.digest })));
  const result = await ctx.services.digest.send(program, { trigger: 'manual' });
  ctx.deps.logger.info(
    { event: 'digest_send_requested', program: program.slug, user: ctx.userId, outcome: result.kind },
    'digest sent on request',
  );
  await ctx.respond(ephemeral(digestSendOutcome(result, program)));
}

/** With one program the words after the subcommand are taken as a slug that does not exist. */
function unknownProgram(words: string, program: Program, usage: string) {
  return notice(
    `There is no program “${escapeMrkdwn(words)}”. ` +
      `Try \`/rollout ${usage.replace('PROGRAM', escapeMrkdwn(program.slug))}\`.`,
  );
}
