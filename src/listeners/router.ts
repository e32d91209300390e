import type {
  App,
  Middleware,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';
import type { Logger } from '@slack/logger';

type ActionListener = Middleware<SlackActionMiddlewareArgs>;
type ViewListener = Middleware<SlackViewMiddlewareArgs>;

/**
 * Buttons and modal submissions, each found by its action_id or callback_id in a table. Bolt tries every
 * listener registered on the App against every request (the benchmark showed ~0.2 ms per request for the
 * ~18 Rollout has), so the App gets one listener per surface and this table does the routing.
 * Listener modules register here exactly as they would on the App.
 */
export class ListenerRouter {
  private readonly actions = new Map<string, ActionListener>();
  private readonly actionPatterns: [RegExp, ActionListener][] = [];
  private readonly views = new Map<string, ViewListener>();

  action<A extends SlackAction = SlackAction>(
    actionId: string | RegExp,
    listener: Middleware<SlackActionMiddlewareArgs<A>>,
  ): void {
    const entry = listener as unknown as ActionListener;
    if (actionId instanceof RegExp) {
      this.actionPatterns.push([actionId, entry]);
      return;
    }
    if (this.actions.has(actionId)) throw new Error(`two listeners for action_id ${actionId}`);
    this.actions.set(actionId, entry);
  }

  view<V extends SlackViewAction = SlackViewAction>(
    callbackId: string,
    listener: Middleware<SlackViewMiddlewareArgs<V>>,
  ): void {
    if (this.views.has(callbackId)) throw new Error(`two listeners for callback_id ${callbackId}`);
    this.views.set(callbackId, listener as unknown as ViewListener);
  }

  /** The listener for an action_id: an exact entry first, then the first pattern that matches. */
  actionListener(actionId: string): ActionListener | undefined {
    return this.actions.get(actionId) ?? this.actionPatterns.find(([re]) => re.test(actionId))?.[1];
  }

  viewListener(callbackId: string): ViewListener | undefined {
    return this.views.get(callbackId);
  }

  /** Puts the tables on the App; anything nobody answers is acknowledged and logged, never left to time out. */
  mount(app: App, logger: Logger): void {
    app.action({ type: 'block_actions' }, async (args) => {
      const actionId = 'action_id' in args.action ? args.action.action_id : '';
      const listener = this.actionListener(actionId);
      if (listener) return listener(args);
      await args.ack();
      logger.warn({ event: 'action_unhandled', actionId }, 'a button nobody answers: an old message?');
      return undefined;
    });
    // Surfaces Rollout does not use today (no view asks to be told it closed, the manifest declares no
    // shortcut and no external select): answered at once all the same, and logged, never left to time out.
    app.view({ type: 'view_closed' }, async ({ ack, view }) => {
      logger.info({ event: 'view_closed', callbackId: view.callback_id }, 'a modal was closed');
      await ack();
    });
    app.shortcut(/.*/, async ({ ack, shortcut }) => {
      logger.warn(
        { event: 'shortcut_unhandled', callbackId: shortcut.callback_id },
        'a shortcut nobody answers',
      );
      await ack();
    });
    app.options(/.*/, async ({ ack, body }) => {
      logger.warn({ event: 'options_unhandled', actionId: 'action_id' in body ? body.action_id : undefined });
      await ack({ options: [] });
    });
    app.view({ type: 'view_submission' }, async (args) => {
      const callbackId = args.view.callback_id;
      const listener = this.viewListener(callbackId);
      if (listener) return listener(args);
      await args.ack();
      logger.warn({ event: 'view_unhandled', callbackId }, 'a form nobody answers');
      return undefined;
    });
  }
}
