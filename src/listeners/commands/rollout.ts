import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { parseCommandText } from '../../domain/command-text.js';
import type { Services } from '../../services/index.js';
import { helpMessage } from '../../ui/help.js';
import { escapeMrkdwn } from '../../ui/mrkdwn.js';
import { failureText } from '../shared/failures.js';
import { away, back } from './away.js';
import { type CommandContext, ephemeral, type Subcommand } from './context.js';
import { decisions } from './decisions.js';
import { digest } from './digest.js';
import { history } from './history.js';
import { milestones } from './milestones.js';
import { nextActions } from './next-actions.js';
import { readiness } from './readiness.js';
import { risks } from './risks.js';
import { status } from './status.js';
import { update } from './update.js';

/** Subcommands by name; features add theirs here. */
const SUBCOMMANDS: Record<string, Subcommand> = {
  status,
  update,
  history,
  digest,
  risks,
  readiness,
  actions: nextActions,
  decisions,
  milestones,
  away,
  back,
  help: async (ctx) => ctx.ack(ephemeral(helpMessage())),
};

/**
 * `/rollout …`: parses the text and hands it to the subcommand; anything unknown gets help, never silence.
 * Every slash command the app receives is taken as Rollout's: the manifest declares `/rollout`, and a copy
 * of the app for testing may name it `/rollout-dev`. None is left unanswered.
 */
export function register(app: App, deps: Deps, services: Services): void {
  app.command(/.*/, async ({ command, ack, respond, client }) => {
    const { sub, args } = parseCommandText(command.text ?? '');
    let acked = false;
    const ctx: CommandContext = {
      args,
      userId: command.user_id,
      channelId: command.channel_id,
      triggerId: command.trigger_id,
      ack: (response) => {
        acked = true;
        return ack(response);
      },
      respond,
      client,
      deps,
      services,
    };
    // Own keys only: `constructor` or `__proto__` typed as a subcommand must get help, not Object's.
    const name = sub || 'status';
    const run = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
    if (!run) {
      await ack(
        ephemeral(helpMessage(`I don’t know \`/rollout ${escapeMrkdwn(sub)}\`. Here is what I can do:`)),
      );
      return;
    }
    try {
      await run(ctx);
    } catch (error) {
      const sorry = ephemeral({
        text: failureText(deps, error, { event: 'command_failed', sub, user: command.user_id }),
      });
      // Once acked, the only way left to reach the user is the command's response_url.
      if (acked) await respond(sorry).catch(() => undefined);
      else await ack(sorry);
    }
  });
}
