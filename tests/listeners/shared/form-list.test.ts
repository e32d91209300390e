import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ModalView } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { initialViewState } from '../../../src/playground/page/render/view-state.js';
import { blockKitProblems } from '../../../src/slack-standin/block-kit-rules.js';
import { StandInClient } from '../../../src/slack-standin/client.js';
import type { InputValue } from '../../../src/slack-standin/requests.js';
import { RESPONSE_URL_LIFETIME_MS } from '../../../src/slack-standin/stand-in.js';
import { decodeListReply, encodeItemRef, standInOrigin } from '../../../src/ui/action-values.js';
import {
  DECISION_ACTIONS,
  DECISION_BLOCKS,
  decidedItemBlock,
  decisionItemBlock,
  INPUT_ACTION,
  itemAction,
  LIST_ACTIONS,
  LIST_BLOCKS,
  LIST_VIEWS,
  listItemBlock,
  MILESTONE_ACTIONS,
  MILESTONE_BLOCKS,
  milestoneItemBlock,
} from '../../../src/ui/ids.js';
import { blockText, blockWithId } from '../../support/blocks.js';
import { DECIDER, decisionRow, NOW, Q, seedDecisions } from '../../support/decision-program.js';
import { datedProgram } from '../../support/milestone-program.js';
import { date, select, text } from '../../support/modal-state.js';
import { ADMIN, importFixture, OTHER_OWNER, OWNER, smallProgram } from '../../support/programs.js';
import { RolloutHarness, SIGNING_SECRET } from '../../support/rollout-server.js';

const RISK = 'identity decisions stay abstract and block entitlement implementation';
const ACTION = 'confirm owner and meeting path for Okta/identity decisions';
const CHANNEL = 'C0GENERAL';

type Values = Record<string, Record<string, InputValue>>;

/** The button `actionId` wherever it sits in `source` (a command's answer): what a click on it sends. */
function buttonIn(source: unknown, actionId: string): { value: string; blockId: string; element: object } {
  let found: { value: string; blockId: string; element: object } | undefined;
  const walk = (node: unknown, blockId: string): void => {
    if (found || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, blockId);
      return;
    }
    const obj = node as Record<string, unknown>;
    if (obj.type === 'button' && obj.action_id === actionId) {
      found = { value: String(obj.value ?? ''), blockId, element: obj };
      return;
    }
    const inner = typeof obj.block_id === 'string' ? obj.block_id : blockId;
    for (const value of Object.values(obj)) walk(value, inner);
  };
  walk(source, '');
  if (!found) throw new Error(`no button ${actionId}`);
  return found;
}

/** A form's inputs as Slack sends them when nobody touched them, with `changes` typed in. */
function prefilled(view: ModalView, changes: Record<string, InputValue>): Values {
  const values = initialViewState(view.blocks) as Values;
  for (const [block, value] of Object.entries(changes)) values[block] = { [INPUT_ACTION]: value };
  return values;
}

/** A server on loopback that records what is POSTed to it: where a forged response_url would point. */
async function catcher(): Promise<{ server: Server; url: string; received: string[] }> {
  const received: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    received.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, received };
}

describe('a form opened from a list message replaces that list once saved', () => {
  let h: RolloutHarness;
  let extra: Server | undefined;
  afterEach(async () => {
    await h?.stop();
    if (extra) await new Promise((resolve) => extra?.close(resolve));
    extra = undefined;
  });

  /**
   * `/rollout COMMAND` as `user`, then a click on `actionId` in its answer. The click carries the command's
   * response_url, as in Slack a reply to either replaces that answer. Returns the form it opened.
   */
  async function openFromList(user: string, command: string, actionId: string) {
    const answer = await h.command(user, command);
    const button = buttonIn(answer.json, actionId);
    const before = h.fake.callsOf('views.open').length;
    await h.action({ user, actionId, value: button.value, responseUrl: answer.responseUrl });
    const opened = await h.fake.waitForCall('views.open', before + 1);
    expect(opened.response.ok).toBe(true);
    const view = opened.args.view as ModalView;
    // The form carries where to answer; the stand-in Rollout talks to is the only loopback it takes.
    expect(decodeListReply(view.private_metadata, standInOrigin(h.fake.apiUrl))).toBe(answer.responseUrl);
    return { view, responseUrl: answer.responseUrl };
  }

  async function submit(user: string, view: ModalView, changes: Record<string, InputValue>) {
    const res = await h.submit({
      user,
      callbackId: view.callback_id ?? '',
      privateMetadata: view.private_metadata ?? '',
      values: prefilled(view, changes),
    });
    expect(res.json?.response_action).toBe('update');
    return res;
  }

  /** The reply to the list's response_url: the list, replaced in place, privately, as Slack takes it. */
  async function replacedList(responseUrl: string) {
    const reply = await h.fake.responseTo(responseUrl);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(blockKitProblems(reply.body.blocks, 'message')).toEqual([]);
    return reply.body;
  }

  const riskId = () => (h.db.prepare('SELECT id FROM risks ORDER BY id').pluck().get() as number) ?? 0;

  it('risks, Edit: the list shows the risk as saved, under a notice; Home is published too', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const id = riskId();
    const { view, responseUrl } = await openFromList(OWNER, 'risks', itemAction(LIST_ACTIONS.riskEdit, id));
    expect(view.callback_id).toBe(LIST_VIEWS.riskEdit);
    await submit(OWNER, view, { [LIST_BLOCKS.riskSeverity]: select('medium') });

    const list = await replacedList(responseUrl);
    expect(blockText(list, LIST_BLOCKS.notice)).toBe(`:white_check_mark: Risk saved: *${RISK}*`);
    expect(blockText(list, listItemBlock('risk', id))).toContain(`:large_orange_circle: *Medium* · ${RISK}`);
    // The same list as the command's, for this person: their buttons are still there.
    expect(buttonIn(list, itemAction(LIST_ACTIONS.riskEdit, id)).value).toBe(
      encodeItemRef({ program: 'builder-insights', id, version: 2 }),
    );
    expect(h.fake.responses).toHaveLength(1);
    const home = await h.fake.waitFor(() => h.fake.okCallsOf('views.publish')[0]);
    expect(home.args.user_id).toBe(OWNER);
    expect(h.logsOf('list_refresh_failed')).toEqual([]);
  });

  it('risks, Add: the new risk is in the list, with a notice naming it', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const { view, responseUrl } = await openFromList(OTHER_OWNER, 'risks', LIST_ACTIONS.riskAdd);
    expect(view.callback_id).toBe(LIST_VIEWS.riskAdd);
    const added = 'Kanopy planning starts before auth is aligned';
    await submit(OTHER_OWNER, view, {
      [LIST_BLOCKS.riskText]: text(added),
      [LIST_BLOCKS.riskSeverity]: select('medium'),
    });
    const list = await replacedList(responseUrl);
    expect(blockText(list, LIST_BLOCKS.notice)).toBe(`:white_check_mark: Risk added: *${added}*`);
    expect(blockText(list, LIST_BLOCKS.summary)).toContain('*2 open risks*');
    const newId = h.db.prepare('SELECT MAX(id) FROM risks').pluck().get() as number;
    expect(blockText(list, listItemBlock('risk', newId))).toContain(`*Medium* · ${added}\n_Program-wide_`);
  });

  it('next actions, Edit: the list shows the new due date', async () => {
    h = await RolloutHarness.start({
      clock: fixedClock('2026-12-03T12:00:00Z'),
      seed: (db) => importFixture(db, smallProgram()),
    });
    const id = h.db.prepare('SELECT id FROM actions').pluck().get() as number;
    const { view, responseUrl } = await openFromList(
      OWNER,
      'actions',
      itemAction(LIST_ACTIONS.nextActionEdit, id),
    );
    await submit(OWNER, view, { [LIST_BLOCKS.nextActionDue]: date('2026-12-10') });
    const list = await replacedList(responseUrl);
    expect(blockText(list, LIST_BLOCKS.notice)).toBe(`:white_check_mark: Action saved: *${ACTION}*`);
    const item = blockText(list, listItemBlock('action', id));
    expect(item).toContain('Due Thu 10 Dec 2026');
    expect(item).not.toContain('OVERDUE');
  });

  it('readiness, Change: the list shows the new signal', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const id = h.db
      .prepare("SELECT id FROM readiness WHERE name = 'Identity readiness'")
      .pluck()
      .get() as number;
    const { view, responseUrl } = await openFromList(
      ADMIN,
      'readiness',
      itemAction(LIST_ACTIONS.readinessEdit, id),
    );
    await submit(ADMIN, view, { [LIST_BLOCKS.readinessSignal]: select('ready') });
    const list = await replacedList(responseUrl);
    expect(blockText(list, LIST_BLOCKS.notice)).toBe(
      ':white_check_mark: Readiness saved: *Identity readiness*',
    );
    expect(blockText(list, listItemBlock('readiness', id))).toContain('Ready');
    expect(blockText(list, listItemBlock('readiness', id))).not.toContain('Not ready');
  });

  it('decisions, Record: the decision moves from waiting to decided, with its outcome', async () => {
    h = await RolloutHarness.start({ clock: fixedClock(NOW), seed: (db) => seedDecisions(db) });
    const { id } = decisionRow(h.db, Q.okta);
    const { view, responseUrl } = await openFromList(
      DECIDER,
      'decisions',
      itemAction(DECISION_ACTIONS.record, id),
    );
    await submit(DECIDER, view, {
      [DECISION_BLOCKS.outcome]: text('Okta with the enterprise claims model'),
      [DECISION_BLOCKS.decidedBy]: { type: 'multi_users_select', selected_users: [DECIDER] },
    });
    expect(decisionRow(h.db, Q.okta).state).toBe('decided');
    const list = await replacedList(responseUrl);
    expect(blockText(list, LIST_BLOCKS.notice)).toBe(`:white_check_mark: Decision recorded: *${Q.okta}*`);
    expect(blockWithId(list, decisionItemBlock(id))).toBeUndefined();
    expect(blockText(list, decidedItemBlock(id))).toContain('Okta with the enterprise claims model');
  });

  it('milestones, Edit: the list shows the moved target and the slip', async () => {
    h = await RolloutHarness.start({
      seed: (db) => importFixture(db, datedProgram()),
      slackLookupDeadlineMs: 200,
    });
    const id = h.db
      .prepare("SELECT id FROM milestones WHERE key = 'internal-readiness-gate'")
      .pluck()
      .get() as number;
    const { view, responseUrl } = await openFromList(
      ADMIN,
      'milestones',
      itemAction(MILESTONE_ACTIONS.edit, id),
    );
    await submit(ADMIN, view, {
      [MILESTONE_BLOCKS.target]: date('2027-01-22'),
      [MILESTONE_BLOCKS.reason]: text('Okta path approved a week late'),
    });
    const list = await replacedList(responseUrl);
    expect(blockText(list, LIST_BLOCKS.notice)).toBe(
      ':white_check_mark: Milestone saved: *Internal readiness gate*',
    );
    expect(blockText(list, milestoneItemBlock(id))).toContain('target 22 Jan 2027 · baseline 15 Jan');
    expect(blockText(list, MILESTONE_BLOCKS.header)).toContain('Milestones · ');
  });

  it('in Slack’s client: the very list message the button was in is replaced, still only for that person', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    h.fake.workspace.addChannel({ id: CHANNEL, name: 'general' });
    const client = new StandInClient(h.fake, { eventsUrl: h.eventsUrl, signingSecret: SIGNING_SECRET });
    expect(await client.command(OWNER, CHANNEL, '/rollout risks')).toEqual({ ok: true });
    const shown = () => h.fake.workspace.visibleTo(OWNER).filter((m) => m.channel === CHANNEL);
    const [list] = shown();
    if (!list) throw new Error('no list');
    const actionId = itemAction(LIST_ACTIONS.riskEdit, riskId());
    const edit = buttonIn(list.blocks, actionId);
    const click = await client.action(
      OWNER,
      { type: 'message', channel: CHANNEL, ts: list.ts },
      { actionId, blockId: edit.blockId, element: edit.element as Record<string, unknown> },
    );
    expect(click).toEqual({ ok: true });
    const modal = await h.fake.waitFor(() => h.fake.workspace.modalsOf(OWNER).at(-1));
    const values = prefilled(modal.view as unknown as ModalView, {
      [LIST_BLOCKS.riskSeverity]: select('low'),
    });
    expect(await client.submit(OWNER, modal.id, values as never)).toEqual({ ok: true });

    await h.fake.waitFor(() => blockText(shown()[0]?.blocks, LIST_BLOCKS.notice).includes('Risk saved'));
    expect(shown()).toHaveLength(1);
    expect(shown()[0]).toMatchObject({ ts: list.ts, ephemeralTo: OWNER });
    expect(blockText(shown()[0]?.blocks, listItemBlock('risk', riskId()))).toContain(`*Low* · ${RISK}`);
    expect(h.fake.workspace.visibleTo(ADMIN).filter((m) => m.channel === CHANNEL)).toEqual([]);
  });

  it('from the Home tab (no response_url) the form saves, Home is published, and nothing else is sent', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const id = riskId();
    await h.action({
      user: OWNER,
      actionId: itemAction(LIST_ACTIONS.riskEdit, id),
      value: encodeItemRef({ program: 'builder-insights', id, version: 1 }),
      view: { id: 'VHOME', type: 'home' },
    });
    const opened = await h.fake.waitForCall('views.open');
    const view = opened.args.view as ModalView;
    expect(view.private_metadata).toBe(encodeItemRef({ program: 'builder-insights', id, version: 1 }));
    await submit(OWNER, view, { [LIST_BLOCKS.riskSeverity]: select('medium') });
    await h.fake.waitFor(() => h.fake.okCallsOf('views.publish')[0]);
    expect(h.db.prepare('SELECT severity FROM risks WHERE id = ?').pluck().get(id)).toBe('medium');
    expect(h.fake.responses).toEqual([]);
    expect(h.fake.traffic.filter((t) => t.direction === 'response_url')).toEqual([]);
    expect(h.logsOf('list_refresh_failed')).toEqual([]);
  });

  it('ignores a forged response_url in the metadata: nothing is posted there, and the save stands', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const elsewhere = await catcher();
    extra = elsewhere.server;
    const id = riskId();
    for (const forged of [
      `${elsewhere.url}/response/r1`,
      'https://evil.example/actions/T0001/1/abc',
      'http://hooks.slack.com/actions/T0001/1/abc',
    ]) {
      const publishes = h.fake.okCallsOf('views.publish').length;
      const version = h.db.prepare('SELECT version FROM risks WHERE id = ?').pluck().get(id) as number;
      const res = await h.submit({
        user: OWNER,
        callbackId: LIST_VIEWS.riskEdit,
        privateMetadata: JSON.stringify({ p: 'builder-insights', i: id, v: version, r: forged }),
        values: {
          [LIST_BLOCKS.riskText]: { [INPUT_ACTION]: text(`${RISK} ${version}`) },
          [LIST_BLOCKS.riskSeverity]: { [INPUT_ACTION]: select('high') },
          [LIST_BLOCKS.riskWorkstream]: { [INPUT_ACTION]: select('identity-sso') },
          [LIST_BLOCKS.riskStatus]: { [INPUT_ACTION]: select('open') },
          [LIST_BLOCKS.riskNote]: { [INPUT_ACTION]: text('') },
        },
      });
      expect(res.json?.response_action, forged).toBe('update');
      // Home comes after the list's reply: once it is published, the reply was sent or skipped.
      await h.fake.waitFor(() => h.fake.okCallsOf('views.publish').length > publishes);
      expect(h.db.prepare('SELECT version FROM risks WHERE id = ?').pluck().get(id)).toBe(version + 1);
    }
    expect(elsewhere.received).toEqual([]);
    expect(h.fake.responses).toEqual([]);
    expect(h.logsOf('list_refresh_failed')).toEqual([]);
  });

  it('a response_url past its 30 minutes: the save stands, Home follows, and a warn says why', async () => {
    const clock = fixedClock('2026-12-01T18:00:00Z');
    h = await RolloutHarness.start({ clock, seed: (db) => importFixture(db, smallProgram()) });
    const id = riskId();
    const { view, responseUrl } = await openFromList(OWNER, 'risks', itemAction(LIST_ACTIONS.riskEdit, id));
    // The form stayed open over lunch.
    clock.advance(RESPONSE_URL_LIFETIME_MS + 60_000);
    await submit(OWNER, view, { [LIST_BLOCKS.riskSeverity]: select('low') });
    const reply = await h.fake.responseTo(responseUrl);
    expect(reply.status).toBe(404);
    expect(reply.response).toEqual({ ok: false, error: 'expired_url' });
    await h.fake.waitFor(() => h.fake.okCallsOf('views.publish')[0]);
    expect(h.db.prepare('SELECT severity, version FROM risks WHERE id = ?').get(id)).toEqual({
      severity: 'low',
      version: 2,
    });
    const warn = await h.fake.waitFor(() => h.logsOf('list_refresh_failed')[0]);
    expect(warn).toMatchObject({
      level: 'warn',
      list: 'risks',
      program: 'builder-insights',
      user: OWNER,
      reason: 'expired_url',
    });
    // The URL lets anyone answer in that person's name for a while: the warn does not say it.
    expect(JSON.stringify(warn)).not.toContain(responseUrl);
    expect(h.logsOf('view_failed')).toEqual([]);
  });

  it('a response_url already used 5 times, or one Slack does not know: the save stands, logged', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const id = riskId();
    const { view, responseUrl } = await openFromList(OWNER, 'risks', itemAction(LIST_ACTIONS.riskEdit, id));
    for (let i = 0; i < 5; i++)
      await fetch(responseUrl, { method: 'POST', body: JSON.stringify({ text: `quick edit ${i}` }) });
    const started = Date.now();
    await submit(OWNER, view, { [LIST_BLOCKS.riskSeverity]: select('medium') });
    expect(Date.now() - started).toBeLessThan(2000);
    const warn = await h.fake.waitFor(() => h.logsOf('list_refresh_failed')[0]);
    expect(warn).toMatchObject({ level: 'warn', list: 'risks', reason: 'used_url' });
    expect(h.db.prepare('SELECT severity FROM risks WHERE id = ?').pluck().get(id)).toBe('medium');
    await h.fake.waitFor(() => h.fake.okCallsOf('views.publish')[0]);

    // One Slack never gave out (a form from another workspace's stand-in, say): refused, 404.
    const dead = `${h.fake.url}/response/r-never-minted`;
    const metadata = JSON.stringify({ p: 'builder-insights', i: id, v: 2, r: dead });
    const res = await h.submit({
      user: OWNER,
      callbackId: LIST_VIEWS.riskEdit,
      privateMetadata: metadata,
      values: prefilled(view, { [LIST_BLOCKS.riskSeverity]: select('high') }),
    });
    expect(res.json?.response_action).toBe('update');
    const second = await h.fake.waitFor(() => h.logsOf('list_refresh_failed')[1]);
    expect(second).toMatchObject({ level: 'warn', reason: 'no_such_response_url' });
    expect(h.db.prepare('SELECT severity FROM risks WHERE id = ?').pluck().get(id)).toBe('high');
  });
});
