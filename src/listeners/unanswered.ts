import type { App } from '@slack/bolt';
import type { Logger } from '@slack/logger';
import {
  ACTIONS,
  DECISION_ACTIONS,
  DECISION_BLOCKS,
  DECISION_VIEWS,
  INPUT_ACTION,
  itemActionPattern,
  LIST_ACTIONS,
  LIST_VIEWS,
  MILESTONE_ACTIONS,
  MILESTONE_VIEWS,
  SHORTCUTS,
  VIEWS,
} from '../ui/ids.js';

/**
 * The action_ids the listeners in actions/ register, as they register them: the list's Add buttons and the
 * status buttons exactly, a list item's buttons by `itemActionPattern`. Bolt runs every listener whose
 * constraint matches, so the catch-all below must know which ones are answered elsewhere.
 */
const ANSWERED_ACTIONS: readonly (string | RegExp)[] = [
  ...Object.values(ACTIONS),
  LIST_ACTIONS.riskAdd,
  LIST_ACTIONS.nextActionAdd,
  DECISION_ACTIONS.add,
  MILESTONE_ACTIONS.add,
  ...[
    LIST_ACTIONS.riskEdit,
    LIST_ACTIONS.riskClose,
    LIST_ACTIONS.riskReopen,
    LIST_ACTIONS.readinessEdit,
    LIST_ACTIONS.nextActionEdit,
    LIST_ACTIONS.nextActionDone,
    LIST_ACTIONS.nextActionUndone,
    DECISION_ACTIONS.record,
    DECISION_ACTIONS.defer,
    DECISION_ACTIONS.edit,
    DECISION_ACTIONS.withdraw,
    MILESTONE_ACTIONS.edit,
    ACTIONS.confirmCurrent,
  ].map(itemActionPattern),
];

/**
 * Inputs of a form that tell the app when they change (`dispatch_action`), by block_id: their action_id is
 * every input's INPUT_ACTION, so the block says which one it is.
 */
const ANSWERED_INPUTS: readonly string[] = [DECISION_BLOCKS.pick];

/** The callback_ids the listeners in views/ register. */
const ANSWERED_VIEWS: readonly string[] = [
  ...Object.values(VIEWS),
  ...Object.values(LIST_VIEWS),
  ...Object.values(DECISION_VIEWS),
  ...Object.values(MILESTONE_VIEWS),
];

/** The callback_ids the listeners in shortcuts/ register (manifest.yml declares them). */
const ANSWERED_SHORTCUTS: readonly string[] = Object.values(SHORTCUTS);

export function isAnsweredAction(actionId: string, blockId?: string): boolean {
  if (actionId === INPUT_ACTION) return blockId !== undefined && ANSWERED_INPUTS.includes(blockId);
  return ANSWERED_ACTIONS.some((id) => (typeof id === 'string' ? id === actionId : id.test(actionId)));
}

export function isAnsweredView(callbackId: string): boolean {
  return ANSWERED_VIEWS.includes(callbackId);
}

export function isAnsweredShortcut(callbackId: string): boolean {
  return ANSWERED_SHORTCUTS.includes(callbackId);
}

/**
 * What no listener answers (a button of an old message, a retired form, a surface Rollout does not use) is
 * acknowledged at once and logged, never left to Slack's 3-second timeout.
 */
export function registerUnanswered(app: App, logger: Logger): void {
  app.action({ type: 'block_actions' }, async ({ action, ack }) => {
    const actionId = 'action_id' in action ? action.action_id : '';
    const blockId = 'block_id' in action ? action.block_id : undefined;
    if (isAnsweredAction(actionId, blockId)) return;
    await ack();
    logger.warn({ event: 'action_unhandled', actionId, blockId }, 'a button nobody answers: an old message?');
  });
  app.view({ type: 'view_submission' }, async ({ view, ack }) => {
    if (isAnsweredView(view.callback_id)) return;
    await ack();
    logger.warn({ event: 'view_unhandled', callbackId: view.callback_id }, 'a form nobody answers');
  });
  // No view asks to be told it closed, and no select is external.
  app.view({ type: 'view_closed' }, async ({ ack, view }) => {
    logger.info({ event: 'view_closed', callbackId: view.callback_id }, 'a modal was closed');
    await ack();
  });
  app.shortcut(/.*/, async ({ ack, shortcut }) => {
    if (isAnsweredShortcut(shortcut.callback_id)) return;
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
}
