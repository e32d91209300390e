import type { View } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { viewProblems } from '../../../src/slack-standin/block-kit-rules.js';
import type { InputValue } from '../../../src/slack-standin/requests.js';
import { decisionChoice } from '../../../src/ui/decision-choices.js';
import { decidedByBlock } from '../../../src/ui/decision-modals.js';
import { DECISION_BLOCKS, DECISION_VIEWS, INPUT_ACTION, SHORTCUTS } from '../../../src/ui/ids.js';
import { DECIDER, decisionRow, NOW, Q, seedDecisions } from '../../support/decision-program.js';
import { date, elementOf, errorsOf, select, state, text } from '../../support/modal-state.js';
import { importFixture, OWNER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

const users = (...ids: string[]): InputValue => ({ type: 'multi_users_select', selected_users: ids });
const MESSAGE = { text: 'Agreed: we go with Okta <!channel>, claims per tenant.', ts: '1764522000.000100' };
const PERMALINK = 'https://test.slack.com/archives/C0CHANNEL1/p1764522000000100';

describe('the message shortcut “Record decision”', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });
  const start = (seed = (db: Parameters<typeof seedDecisions>[0]) => seedDecisions(db)) =>
    RolloutHarness.start({ clock: fixedClock(NOW), seed });
  const use = (user = DECIDER) =>
    h.messageAction({ user, callbackId: SHORTCUTS.recordDecision, message: MESSAGE });
  const submit = (metadata: string, values: ReturnType<typeof state>) =>
    h.submit({ user: DECIDER, callbackId: DECISION_VIEWS.record, privateMetadata: metadata, values });

  it('opens the record form with the message as the outcome and its permalink, then records the chosen decision', async () => {
    h = await start();
    const res = await use();
    expect(res.status).toBe(200);
    const view = (await h.fake.waitForCall('views.open')).args.view as View;
    expect(viewProblems(view, 'modal')).toEqual([]);
    expect(view.callback_id).toBe(DECISION_VIEWS.record);
    expect(elementOf(view, DECISION_BLOCKS.outcome)).toMatchObject({ initial_value: MESSAGE.text });
    expect(elementOf(view, DECISION_BLOCKS.link)).toMatchObject({ initial_value: PERMALINK });
    const picks = ((elementOf(view, DECISION_BLOCKS.pick)?.options ?? []) as { value: string }[]).map(
      (o) => o.value,
    );
    const okta = decisionRow(h.db, Q.okta);
    expect(picks).toContain(decisionChoice(okta));
    expect(picks).toHaveLength(4); // a new one, and the three pending
    expect(h.logsOf('shortcut_unhandled')).toEqual([]);
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);

    const saved = await submit(
      view.private_metadata ?? '',
      state({
        [DECISION_BLOCKS.pick]: select(decisionChoice(okta)),
        [DECISION_BLOCKS.question]: text(''),
        [DECISION_BLOCKS.outcome]: text(MESSAGE.text),
        [DECISION_BLOCKS.decidedBy]: users(DECIDER),
        [DECISION_BLOCKS.decidedAt]: date('2026-11-30'),
        [DECISION_BLOCKS.link]: text(PERMALINK),
      }),
    );
    expect(saved.json?.response_action).toBe('update');
    expect(decisionRow(h.db, Q.okta)).toMatchObject({
      state: 'decided',
      outcome: MESSAGE.text,
      link: PERMALINK,
    });
  });

  it('fills "Decided by" with the picked decision’s deciders, keeping what was typed, and records them', async () => {
    h = await start();
    await use();
    const opened = await h.fake.waitForCall('views.open');
    const view = opened.response.view as View & { id: string; hash: string };
    expect(view.blocks.find((b) => b.block_id === DECISION_BLOCKS.pick)).toMatchObject({
      dispatch_action: true,
    });
    const okta = decisionRow(h.db, Q.okta);
    const typed = {
      [DECISION_BLOCKS.outcome]: text('Okta with claims per tenant'),
      [DECISION_BLOCKS.link]: text(PERMALINK),
    };

    const picked = await h.action({
      user: DECIDER,
      actionId: INPUT_ACTION,
      blockId: DECISION_BLOCKS.pick,
      selectedValue: decisionChoice(okta),
      view: { ...view, state: { values: state(typed) } },
    });
    expect(picked.status).toBe(200);
    const update = await h.fake.waitForCall('views.update');
    expect(update.response.ok).toBe(true);
    expect(update.args).toMatchObject({ view_id: view.id, hash: view.hash });
    const next = update.args.view as View;
    expect(viewProblems(next, 'modal')).toEqual([]);
    // A block of its own, so that Slack shows the deciders rather than the empty field it kept.
    const decidedBy = decidedByBlock(okta);
    expect(elementOf(next, decidedBy)).toMatchObject({ initial_users: [DECIDER] });
    expect(elementOf(next, DECISION_BLOCKS.pick)).toMatchObject({
      initial_option: { value: decisionChoice(okta) },
    });
    expect(elementOf(next, DECISION_BLOCKS.outcome)).toMatchObject({
      initial_value: 'Okta with claims per tenant',
    });
    expect(h.logsOf('action_unhandled')).toEqual([]);

    const noOne = await submit(
      next.private_metadata ?? '',
      state({
        [DECISION_BLOCKS.pick]: select(decisionChoice(okta)),
        [DECISION_BLOCKS.question]: text(''),
        ...typed,
        [decidedBy]: users(),
        [DECISION_BLOCKS.decidedAt]: date('2026-11-30'),
      }),
    );
    // A refusal lands on the block the form has now.
    expect(Object.keys(errorsOf(noOne))).toEqual([decidedBy]);

    const saved = await submit(
      next.private_metadata ?? '',
      state({
        [DECISION_BLOCKS.pick]: select(decisionChoice(okta)),
        [DECISION_BLOCKS.question]: text(''),
        ...typed,
        [decidedBy]: users(DECIDER, OWNER),
        [DECISION_BLOCKS.decidedAt]: date('2026-11-30'),
      }),
    );
    expect(saved.json?.response_action).toBe('update');
    expect(decisionRow(h.db, Q.okta)).toMatchObject({
      state: 'decided',
      outcome: 'Okta with claims per tenant',
      decided_by: `${DECIDER},${OWNER}`,
    });
  });

  it('records a new decision, asked and decided at once, and asks for its question', async () => {
    h = await start();
    await use(OWNER);
    const view = (await h.fake.waitForCall('views.open')).args.view as View;
    const values = (question: string) =>
      state({
        [DECISION_BLOCKS.pick]: select('new'),
        [DECISION_BLOCKS.question]: text(question),
        [DECISION_BLOCKS.outcome]: text('Weekly release train'),
        [DECISION_BLOCKS.decidedBy]: users(OWNER),
        [DECISION_BLOCKS.decidedAt]: date('2026-11-30'),
        [DECISION_BLOCKS.link]: text(PERMALINK),
      });
    const noQuestion = await h.submit({
      user: OWNER,
      callbackId: DECISION_VIEWS.record,
      privateMetadata: view.private_metadata ?? '',
      values: values(''),
    });
    expect(errorsOf(noQuestion)).toEqual({ [DECISION_BLOCKS.question]: 'Say what needs deciding' });
    const res = await h.submit({
      user: OWNER,
      callbackId: DECISION_VIEWS.record,
      privateMetadata: view.private_metadata ?? '',
      values: values('How often do we release?'),
    });
    expect(res.json?.response_action).toBe('update');
    expect(decisionRow(h.db, 'How often do we release?')).toMatchObject({
      state: 'decided',
      outcome: 'Weekly release train',
      decided_by: OWNER,
      version: 2,
    });
  });

  it('opens without a link when Slack will not give the permalink, and logs it', async () => {
    h = await start();
    h.fake.failNext('chat.getPermalink', { error: 'channel_not_found' });
    await use();
    const view = (await h.fake.waitForCall('views.open')).args.view as View;
    expect(elementOf(view, DECISION_BLOCKS.link)?.initial_value).toBeUndefined();
    expect(elementOf(view, DECISION_BLOCKS.outcome)).toMatchObject({ initial_value: MESSAGE.text });
    expect(h.logsOf('permalink_failed')[0]).toMatchObject({ level: 'warn', reason: 'channel_not_found' });
  });

  it('asks which program first when there are several, carrying the message along', async () => {
    h = await start((db) => {
      seedDecisions(db);
      importFixture(db, smallProgram({ slug: 'other', name: 'Other program' }));
    });
    await use();
    const pick = (await h.fake.waitForCall('views.open')).args.view as View;
    expect(pick.callback_id).toBe(DECISION_VIEWS.pickProgram);
    const next = await h.submit({
      user: DECIDER,
      callbackId: DECISION_VIEWS.pickProgram,
      privateMetadata: pick.private_metadata ?? '',
      values: state({ [DECISION_BLOCKS.program]: select('builder-insights') }),
    });
    expect(next.json?.response_action).toBe('update');
    const view = next.json?.view as View;
    expect(view.callback_id).toBe(DECISION_VIEWS.record);
    expect(elementOf(view, DECISION_BLOCKS.outcome)).toMatchObject({ initial_value: MESSAGE.text });
    expect(elementOf(view, DECISION_BLOCKS.link)).toMatchObject({ initial_value: PERMALINK });
  });
});
