import { findWorkstream } from '../../domain/program.js';
import { lookupProgram } from '../../services/program-lookup.js';
import type { ViewerZone } from '../../services/viewer-zone.js';
import { chooseProgram, NO_PROGRAMS, notice, unknownWorkstream, workstreamKeys } from '../../ui/help.js';
import { HISTORY_SHOWN, historyView } from '../../ui/history-view.js';
import { escapeMrkdwn } from '../../ui/mrkdwn.js';
import { type CommandContext, ephemeral } from './context.js';

/** Rows read to count "and N more"; past this the answer says "more than N". */
const HISTORY_SCAN = 1000;

/**
 * `/rollout history [PROGRAM] WORKSTREAM`. Absolute times are in the viewer's zone. Once it is known (kept
 * for an hour), the history is the ack; the first time, it takes a Web API call (`users.info`), so the
 * command acks at once with nothing and answers through the response_url, whatever Slack's latency.
 * Answers that need no call (no program, no such workstream) go in the ack.
 */
export async function history(ctx: CommandContext): Promise<void> {
  const found = lookupProgram(ctx.services.programs, ctx.args);
  if (found.kind === 'no-programs') return ctx.ack(ephemeral(notice(NO_PROGRAMS)));
  if (found.kind === 'choose')
    return ctx.ack(ephemeral(chooseProgram(found.programs, 'history PROGRAM WORKSTREAM')));
  const { program } = found;
  // `history payments` where `payments` is both the program and one of its workstreams: the workstream.
  const rest = found.rest.length === 0 && findWorkstream(program, ctx.args.join(' ')) ? ctx.args : found.rest;
  if (rest.length === 0) {
    const several = ctx.services.programs.list().length > 1;
    return ctx.ack(ephemeral(whichWorkstream(program, several)));
  }
  const query = rest.join(' ');
  const workstream = findWorkstream(program, query);
  if (!workstream) return ctx.ack(ephemeral(unknownWorkstream(program, query)));

  const entries = ctx.services.programs.history(program.id, 'workstream', workstream.key, HISTORY_SCAN);
  const view = ({ zone, fallback }: ViewerZone) =>
    ephemeral(
      historyView({
        program,
        workstream,
        entries,
        now: ctx.deps.clock.now(),
        zone,
        zoneFallback: fallback,
        limit: HISTORY_SHOWN,
        capped: entries.length >= HISTORY_SCAN,
      }),
    );
  // Someone whose zone is known gets the history in the ack; otherwise it follows the lookup.
  const known = ctx.services.viewerZones.known(ctx.userId);
  if (known) return ctx.ack(view(known));
  await ctx.ack();
  await ctx.respond(view(await ctx.services.viewerZones.of(ctx.client, ctx.userId)));
}

function whichWorkstream(program: { slug: string; workstreams: { key: string }[] }, namePrograms: boolean) {
  // With several programs, the example must name this one, or following it asks which program.
  const example = `${namePrograms ? `${program.slug} ` : ''}${program.workstreams[0]?.key ?? 'WORKSTREAM'}`;
  return notice(
    `Which workstream? \`/rollout history ${escapeMrkdwn(example)}\` shows who changed what, and when. ` +
      (program.workstreams.length
        ? `Use a key or a name: ${workstreamKeys(program)}.`
        : 'This program has no workstreams yet.'),
  );
}
