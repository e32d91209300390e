import type { Deps } from '../../deps.js';
import { localDate } from '../../domain/local-time.js';
import { parseAwayDate } from '../../domain/people-away.js';
import { formatDayLabel } from '../../domain/week.js';
import { notice } from '../../ui/help.js';
import { escapeMrkdwn } from '../../ui/mrkdwn.js';
import { type CommandContext, ephemeral } from './context.js';

const EXAMPLE = '`/rollout away until 2026-12-24` (or `until Friday`, `until 24 Dec`)';

/** The person's zone within Slack's 3 seconds; UTC past the deadline (a day's difference at most). */
async function zoneOf(ctx: CommandContext): Promise<string> {
  return (await ctx.services.viewerZones.soon(ctx.client, ctx.userId)).zone;
}

function today(deps: Deps, zone: string): string {
  return localDate(deps.clock.now(), zone);
}

/** `/rollout away until DATE`: no reminders through that day (in your zone); backups are reminded instead. */
export async function away(ctx: CommandContext): Promise<void> {
  const words = ctx.args[0]?.toLowerCase() === 'until' ? ctx.args.slice(1) : ctx.args;
  const text = words.join(' ');
  const zone = await zoneOf(ctx);
  const now = today(ctx.deps, zone);
  const until = text ? parseAwayDate(text, now) : undefined;
  if (!until) {
    const what = text ? `I can’t read \`${escapeMrkdwn(text)}\` as a date.` : 'Until when?';
    await ctx.ack(ephemeral(notice(`${what} Try ${EXAMPLE}.`)));
    return;
  }
  if (until < now) {
    await ctx.ack(
      ephemeral(notice(`${formatDayLabel(until)} has already passed. Try ${EXAMPLE}, or \`/rollout back\`.`)),
    );
    return;
  }
  ctx.services.peopleAway.store.set(ctx.userId, until, ctx.deps.clock.now());
  ctx.deps.logger.info({ event: 'away_set', user: ctx.userId, until }, 'marked away');
  await ctx.ack(
    ephemeral(
      notice(
        `:palm_tree: You’re away until ${formatDayLabel(until)} (included). Rollout won’t remind you until then; ` +
          'your workstreams’ backups are reminded instead. `/rollout back` ends it early.',
      ),
    ),
  );
}

/** `/rollout back`: reminders resume. A Slack status that says away still counts while it is set. */
export async function back(ctx: CommandContext): Promise<void> {
  const was = ctx.services.peopleAway.store.clear(ctx.userId);
  ctx.services.peopleAway.forget(ctx.userId);
  if (was) ctx.deps.logger.info({ event: 'away_cleared', user: ctx.userId }, 'back');
  await ctx.ack(
    ephemeral(
      notice(
        was
          ? ':wave: Welcome back. Rollout reminds you again when your workstreams need an update.'
          : 'You weren’t marked away. (While your Slack status shows an away emoji, Rollout still counts you as away.)',
      ),
    ),
  );
}
