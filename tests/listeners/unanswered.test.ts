import { afterEach, describe, expect, it } from 'vitest';
import { isAnsweredAction, isAnsweredShortcut, isAnsweredView } from '../../src/listeners/unanswered.js';
import { interactionBody } from '../../src/slack-standin/requests.js';
import {
  ACTIONS,
  DECISION_ACTIONS,
  DECISION_BLOCKS,
  DECISION_VIEWS,
  INPUT_ACTION,
  itemAction,
  LIST_ACTIONS,
  LIST_VIEWS,
  MILESTONE_ACTIONS,
  MILESTONE_VIEWS,
  SHORTCUTS,
  VIEWS,
} from '../../src/ui/ids.js';
import { RolloutHarness } from '../support/rollout-server.js';

describe('the catch-all knows what the listeners answer', () => {
  it('answers every action_id and callback_id of ui/ids.ts elsewhere, and only those', () => {
    for (const id of Object.values(ACTIONS)) expect(isAnsweredAction(id), id).toBe(true);
    expect(isAnsweredAction(LIST_ACTIONS.riskAdd)).toBe(true);
    expect(isAnsweredAction(LIST_ACTIONS.nextActionAdd)).toBe(true);
    expect(isAnsweredAction(DECISION_ACTIONS.add)).toBe(true);
    expect(isAnsweredAction(MILESTONE_ACTIONS.add)).toBe(true);
    for (const kind of [
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
    ]) {
      expect(isAnsweredAction(itemAction(kind, 12)), kind).toBe(true);
    }
    for (const id of [
      ...Object.values(VIEWS),
      ...Object.values(LIST_VIEWS),
      ...Object.values(DECISION_VIEWS),
      ...Object.values(MILESTONE_VIEWS),
    ])
      expect(isAnsweredView(id), id).toBe(true);
    for (const id of Object.values(SHORTCUTS)) expect(isAnsweredShortcut(id), id).toBe(true);
    expect(isAnsweredShortcut('old_shortcut')).toBe(false);
    expect(isAnsweredAction('retired_button')).toBe(false);
    expect(isAnsweredAction(`${LIST_ACTIONS.riskClose}:x`)).toBe(false);
    // An input that tells the app when it changes is known by its block.
    expect(isAnsweredAction(INPUT_ACTION, DECISION_BLOCKS.pick)).toBe(true);
    expect(isAnsweredAction(INPUT_ACTION, DECISION_BLOCKS.outcome)).toBe(false);
    expect(isAnsweredAction(INPUT_ACTION)).toBe(false);
    expect(isAnsweredView('retired_form')).toBe(false);
  });
});

describe('buttons and forms nobody answers', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  it('are acknowledged, so Slack shows no error, and logged for the operator', async () => {
    h = await RolloutHarness.start();
    const click = await h.action({ user: 'UOWNER01', actionId: 'retired_button', value: 'x' });
    expect(click.status).toBe(200);
    const submit = await h.submit({ user: 'UOWNER01', callbackId: 'retired_form', values: {} });
    expect(submit.status).toBe(200);
    expect(h.logsOf('action_unhandled')[0]).toMatchObject({ level: 'warn', actionId: 'retired_button' });
    expect(h.logsOf('view_unhandled')[0]).toMatchObject({ level: 'warn', callbackId: 'retired_form' });
  });

  it('answers a closed view, a shortcut and a suggestion request at once (no 3-second timeout), logged', async () => {
    h = await RolloutHarness.start();
    const base = { team: { id: 'T0001', domain: 'test' }, user: { id: 'UOWNER01' }, api_app_id: 'A0ROLLOUT' };
    const closed = await h.post(
      interactionBody({
        ...base,
        type: 'view_closed',
        view: { id: 'V1', type: 'modal', callback_id: 'risk_add' },
      }),
      'application/x-www-form-urlencoded',
    );
    const shortcut = await h.post(
      interactionBody({
        ...base,
        type: 'shortcut',
        callback_id: 'old_shortcut',
        trigger_id: h.fake.mintTrigger(),
      }),
      'application/x-www-form-urlencoded',
    );
    const options = await h.post(
      interactionBody({
        ...base,
        type: 'block_suggestion',
        action_id: 'owner_search',
        block_id: 'b',
        value: 'an',
      }),
      'application/x-www-form-urlencoded',
    );
    expect([closed.status, shortcut.status, options.status]).toEqual([200, 200, 200]);
    expect(options.json).toEqual({ options: [] });
    expect(h.logsOf('view_closed')[0]).toMatchObject({ callbackId: 'risk_add' });
    expect(h.logsOf('shortcut_unhandled')[0]).toMatchObject({ level: 'warn', callbackId: 'old_shortcut' });
    expect(h.logsOf('options_unhandled')[0]).toMatchObject({ level: 'warn', actionId: 'owner_search' });
    expect(h.logs.some((l) => String(l.msg).includes('not acknowledged'))).toBe(false);
  });
});
