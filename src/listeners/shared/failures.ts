import type {
  AllMiddlewareArgs,
  BlockButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { noticeModal } from '../../ui/modal-parts.js';
import { showView } from './show-view.js';

export const SORRY = 'Sorry, that failed on our side. It is logged; please try again.';

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
      deps.logger.error(
        { event: 'action_failed', action: args.action.action_id, user: args.body.user.id },
        error,
      );
      // Whatever failed may be Slack itself; the log line above is what is left then.
      await tellButtonFailure(args, acked).catch(() => undefined);
    }
  };
}

async function tellButtonFailure(args: ButtonArgs, acked: boolean): Promise<void> {
  if (!acked) await args.ack();
  if (args.body.response_url) {
    await args.respond({ response_type: 'ephemeral', replace_original: false, text: SORRY });
    return;
  }
  await showView(
    args.client,
    { triggerId: args.body.trigger_id, view: args.body.view },
    noticeModal('Something failed', SORRY),
  );
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
      deps.logger.error(
        { event: 'view_failed', view: args.view.callback_id, user: args.body.user.id },
        error,
      );
      if (acked) return;
      await args
        .ack({
          response_action: 'push',
          view: noticeModal('Something failed', `${SORRY} What you typed is still in the form.`),
        })
        .catch(() => undefined);
    }
  };
}
