import type {
  AllMiddlewareArgs,
  BlockButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { noteDatabaseError } from '../../db/health.js';
import { isDatabaseBusy } from '../../db/write-lock.js';
import type { Deps } from '../../deps.js';
import { noticeModal } from '../../ui/modal-parts.js';
import { showView } from './show-view.js';

export const SORRY = 'Sorry, that failed on our side. It is logged; please try again.';

/** Another process (a `rollout import`) held the database's write lock past the short wait: nothing changed. */
export const BUSY = 'Rollout is busy, try again in a moment. Nothing was changed.';

/**
 * Logs why a listener failed and says what to tell the person: busy (a warning: nothing is broken, a write
 * waited its turn too long) or sorry (an error). An error of the database file itself also fails /healthz.
 */
export function failureText(deps: Deps, error: unknown, log: Record<string, unknown>): string {
  if (isDatabaseBusy(error)) {
    deps.logger.warn(
      { ...log, event: 'database_busy', failed: log.event },
      'another process held the database write lock too long; the person was told to try again',
    );
    return BUSY;
  }
  noteDatabaseError(deps.db, error);
  deps.logger.error(log, error);
  return SORRY;
}

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
type FormArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * A button's listener that, when it throws (the database, Slack), still answers the person who clicked,
 * privately, instead of leaving the click without effect; the error is logged for the operator.
 */
export function buttonListener(
  deps: Deps,
  handler: (args: ButtonArgs) => Promise<void>,
): (args: ButtonArgs) => Promise<void> {
  return async (args) => {
    let acked = false;
    const ack: ButtonArgs['ack'] = () => {
      acked = true;
      return args.ack();
    };
    try {
      await handler({ ...args, ack });
    } catch (error) {
      const text = failureText(deps, error, {
        event: 'action_failed',
        action: args.action.action_id,
        user: args.body.user.id,
      });
      // Whatever failed may be Slack itself; the log line above is what is left then.
      await tellButtonFailure(args, acked, text).catch(() => undefined);
    }
  };
}

async function tellButtonFailure(args: ButtonArgs, acked: boolean, text: string): Promise<void> {
  if (!acked) await args.ack();
  if (args.body.response_url) {
    await args.respond({ response_type: 'ephemeral', replace_original: false, text });
    return;
  }
  await showView(
    args.client,
    { triggerId: args.body.trigger_id, view: args.body.view },
    noticeModal(text === BUSY ? 'Rollout is busy' : 'Something failed', text),
  );
}

/**
 * The form's first input block: where Slack can show an error inline, beside what was typed. Its state
 * holds one entry per input block, in the form's order, when the submission does not carry the blocks.
 */
function firstInputBlock(view: FormArgs['view']): string | undefined {
  const blocks = (view.blocks ?? []) as { type?: string; block_id?: string }[];
  const input = blocks.find((b) => b.type === 'input' && b.block_id)?.block_id;
  return input ?? Object.keys(view.state?.values ?? {})[0];
}

/**
 * A form's submission listener that, when it throws before answering, shows the failure on top of the form
 * (pushed, so that closing it brings back the form with what was typed), rather than Slack's bare
 * connection error; the error is logged for the operator.
 */
export function formListener(
  deps: Deps,
  handler: (args: FormArgs) => Promise<void>,
): (args: FormArgs) => Promise<void> {
  return async (args) => {
    let acked = false;
    const ack: FormArgs['ack'] = (response) => {
      acked = true;
      return args.ack(response);
    };
    try {
      await handler({ ...args, ack });
    } catch (error) {
      const text = failureText(deps, error, {
        event: 'view_failed',
        view: args.view.callback_id,
        user: args.body.user.id,
      });
      if (acked) return;
      const top = text === BUSY ? firstInputBlock(args.view) : undefined;
      if (top) {
        await args.ack({ response_action: 'errors', errors: { [top]: BUSY } }).catch(() => undefined);
        return;
      }
      await args
        .ack({
          response_action: 'push',
          view: noticeModal(
            text === BUSY ? 'Rollout is busy' : 'Something failed',
            `${text} What you typed is still in the form.`,
          ),
        })
        .catch(() => undefined);
    }
  };
}
