import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { initialViewState } from '../../src/playground/page/render/view-state.js';
import { StandInClient } from '../../src/slack-standin/client.js';
import type { ViewState } from '../../src/slack-standin/interactions.js';
import { SlackStandIn } from '../../src/slack-standin/stand-in.js';
import {
  BLOCKS,
  DECISION_BLOCKS,
  homeWorkstreamBlock,
  INPUT_ACTION,
  SHORTCUTS,
  workstreamRowBlock,
} from '../../src/ui/ids.js';
import { blockText, noticeText } from '../support/blocks.js';
import { importFixture, OWNER, STRANGER, smallProgram } from '../support/programs.js';
import { RolloutHarness, SIGNING_SECRET } from '../support/rollout-server.js';

const CHANNEL = 'C0GENERAL';
const UPDATES = 'C0UPDATES';

let h: RolloutHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function start(): Promise<{ h: RolloutHarness; client: StandInClient; slack: SlackStandIn }> {
  h = await RolloutHarness.start({
    seed: (db) => importFixture(db, smallProgram({ updates_channel: UPDATES })),
  });
  h.fake.workspace.addChannel({ id: CHANNEL, name: 'general' });
  h.fake.workspace.addChannel({ id: UPDATES, name: 'updates' });
  const client = new StandInClient(h.fake, { eventsUrl: h.eventsUrl, signingSecret: SIGNING_SECRET });
  return { h, client, slack: h.fake };
}

/** The person's top modal, once the app has opened one (it does so after acking). */
async function topModal(slack: SlackStandIn, user: string) {
  return slack.waitFor(() => slack.workspace.modalsOf(user).at(-1));
}

type Block = { type: string; block_id?: string; elements?: Record<string, unknown>[] };

function buttonNamed(blocks: unknown, text: string): { blockId: string; element: Record<string, unknown> } {
  for (const block of blocks as Block[])
    for (const el of block.elements ?? [])
      if ((el.text as { text?: string } | undefined)?.text === text)
        return { blockId: String(block.block_id), element: el };
  throw new Error(`no button ${text}`);
}

describe('StandInClient: a person in Slack, against the real app', () => {
  it('shows a command’s answer to the person who typed it, and to nobody else', async () => {
    const { client, slack } = await start();
    expect(await client.command(OWNER, CHANNEL, '/rollout status')).toEqual({ ok: true });
    const mine = slack.workspace.visibleTo(OWNER).filter((m) => m.channel === CHANNEL);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ ephemeralTo: OWNER, bot_id: 'BROLLOUT' });
    expect(blockText(mine[0]?.blocks, workstreamRowBlock('identity-sso'))).toContain('Identity and SSO');
    expect(slack.workspace.visibleTo(STRANGER).filter((m) => m.channel === CHANNEL)).toEqual([]);
    expect(slack.traffic.at(-1)).toMatchObject({
      direction: 'to_app',
      name: 'slash_command /rollout',
      ok: true,
    });
  });

  it('opens the update modal from a button of that answer, saves it, and shows the notice in the channel', async () => {
    const { client, slack } = await start();
    await client.command(OWNER, CHANNEL, '/rollout status identity-sso');
    const [answer] = slack.workspace.visibleTo(OWNER).filter((m) => m.channel === CHANNEL);
    if (!answer) throw new Error('no answer');
    const update = buttonNamed(answer.blocks, 'Update');
    const clicked = await client.action(
      OWNER,
      { type: 'message', channel: CHANNEL, ts: answer.ts },
      { actionId: String(update.element.action_id), blockId: update.blockId, element: update.element },
    );
    expect(clicked).toEqual({ ok: true });
    const modal = await topModal(slack, OWNER);
    expect(modal.view.title).toMatchObject({ text: expect.stringContaining('Update') });

    const state: ViewState = initialViewState(modal.view.blocks as unknown[]);
    state[BLOCKS.wsStatus] = {
      [INPUT_ACTION]: {
        type: 'static_select',
        selected_option: { text: { type: 'plain_text', text: 'Blocked' }, value: 'blocked' },
      },
    };
    expect(await client.submit(OWNER, modal.id, state)).toEqual({ ok: true });
    // The app answers with a confirmation in place of the form.
    expect(slack.workspace.modalsOf(OWNER).map((v) => v.id)).toEqual([modal.id]);
    expect(noticeText(slack.workspace.view(modal.id)?.view)).toContain('Blocked');
    const notice = await slack.waitFor(() => slack.messagesIn(UPDATES)[0]);
    expect(notice.text).toContain('Identity and SSO');
  });

  it('shows the app’s inline errors beside the fields and keeps the modal open', async () => {
    const { client, slack } = await start();
    await client.command(OWNER, CHANNEL, '/rollout update identity-sso');
    const modal = await topModal(slack, OWNER);
    const state = initialViewState(modal.view.blocks as unknown[]);
    state[BLOCKS.wsBlocker] = { [INPUT_ACTION]: { type: 'plain_text_input', value: null } };
    state[BLOCKS.wsStatus] = {
      [INPUT_ACTION]: {
        type: 'static_select',
        selected_option: { text: { type: 'plain_text', text: 'Blocked' }, value: 'blocked' },
      },
    };
    expect(await client.submit(OWNER, modal.id, state)).toEqual({ ok: true });
    expect(slack.workspace.modalsOf(OWNER)).toHaveLength(1);
    expect(slack.workspace.view(modal.id)?.errors?.[BLOCKS.wsBlocker]).toBeTruthy();
  });

  it('sends app_home_opened, and the Home tab the app publishes is that person’s', async () => {
    const { client, slack } = await start();
    expect(await client.openHome(OWNER)).toEqual({ ok: true });
    const home = await slack.waitFor(() => slack.workspace.homeOf(OWNER));
    expect(blockText(home.view, homeWorkstreamBlock('builder-insights', 'identity-sso'))).toContain(
      'Identity and SSO',
    );
    expect(slack.workspace.homeOf(STRANGER)).toBeUndefined();
  });

  it('closes the top modal without telling the app unless the view asked to be told', async () => {
    const { client, slack } = await start();
    await client.command(OWNER, CHANNEL, '/rollout update identity-sso');
    const modal = await topModal(slack, OWNER);
    const sent = slack.traffic.filter((t) => t.direction === 'to_app').length;
    expect(await client.close(OWNER, modal.id)).toEqual({ ok: true });
    expect(slack.workspace.modalsOf(OWNER)).toEqual([]);
    expect(slack.traffic.filter((t) => t.direction === 'to_app')).toHaveLength(sent);
  });

  it('sends a message shortcut as Slack does, and the app opens its form with that person’s trigger', async () => {
    const { client, slack } = await start();
    const said = slack.workspace.post({ channel: CHANNEL, user: STRANGER, text: 'We agreed: <b>OIDC</b>' });
    expect(await client.messageAction(OWNER, CHANNEL, said.ts, SHORTCUTS.recordDecision)).toEqual({
      ok: true,
    });
    const modal = await topModal(slack, OWNER);
    expect(modal.view.callback_id).toBe('decision_record');
    const outcome = (modal.view.blocks as { block_id?: string; element?: { initial_value?: string } }[]).find(
      (b) => b.block_id === DECISION_BLOCKS.outcome,
    );
    expect(outcome?.element?.initial_value).toBe('We agreed: <b>OIDC</b>');
    const sent = slack.traffic.find((t) => t.name === `message_action ${SHORTCUTS.recordDecision}`);
    expect(sent).toMatchObject({
      direction: 'to_app',
      ok: true,
      request: {
        type: 'message_action',
        callback_id: SHORTCUTS.recordDecision,
        user: { id: OWNER },
        channel: { id: CHANNEL, name: 'general' },
        message_ts: said.ts,
        message: { type: 'message', ts: said.ts, user: STRANGER, text: 'We agreed: <b>OIDC</b>' },
        response_url: expect.stringContaining('/response/'),
        trigger_id: expect.any(String),
      },
    });
  });

  it('refuses a shortcut on a message only someone sees, or one that is gone, without sending anything', async () => {
    const { client, slack } = await start();
    await client.command(OWNER, CHANNEL, '/rollout help');
    const [mine] = slack.workspace.visibleTo(OWNER).filter((m) => m.channel === CHANNEL);
    if (!mine) throw new Error('no answer');
    const before = slack.traffic.length;
    expect(await client.messageAction(OWNER, CHANNEL, mine.ts, SHORTCUTS.recordDecision)).toEqual({
      ok: false,
      error: 'Shortcuts cannot be used on a message only you can see.',
    });
    // Someone else's ephemeral message is not there at all, as far as this person can tell.
    expect(await client.messageAction(STRANGER, CHANNEL, mine.ts, SHORTCUTS.recordDecision)).toEqual({
      ok: false,
      error: 'That message is no longer there.',
    });
    expect(await client.messageAction(OWNER, CHANNEL, '1.000001', SHORTCUTS.recordDecision)).toMatchObject({
      ok: false,
    });
    expect(slack.traffic).toHaveLength(before);
  });

  it('refuses an unknown command as Slack does, without sending anything', async () => {
    const { client, slack } = await start();
    const before = slack.traffic.length;
    expect(await client.command(OWNER, CHANNEL, 'status')).toMatchObject({ ok: false });
    expect(slack.traffic).toHaveLength(before);
  });
});

describe('StandInClient: an app that does not answer as Slack expects', () => {
  let server: Server | undefined;
  let slack: SlackStandIn | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await slack?.stop();
  });

  async function appAnswering(handler: Parameters<typeof createServer>[1]): Promise<StandInClient> {
    slack = await new SlackStandIn().start();
    server = createServer(handler);
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    return new StandInClient(slack, {
      eventsUrl: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: 's',
    });
  }

  it('gives up after three seconds and says so, as Slack does', async () => {
    const client = await appAnswering(() => {
      // never answers
    });
    const outcome = await client.command('U0ONE', 'C0GENERAL', '/rollout status');
    expect(outcome).toEqual({ ok: false, error: expect.stringContaining('operation_timeout') });
    expect(slack?.traffic.at(-1)).toMatchObject({
      direction: 'to_app',
      ok: false,
      error: 'operation_timeout',
    });
  });

  it('shows a command answer Slack would refuse as Slack’s error, not as a message', async () => {
    const client = await appAnswering((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] }),
      );
    });
    const outcome = await client.command('U0ONE', 'C0GENERAL', '/rollout status');
    expect(outcome).toMatchObject({ ok: false, error: expect.stringContaining('3001 characters') });
    expect(slack?.workspace.messages).toEqual([]);
  });

  it('shows a shortcut’s response_url reply privately in the channel, never in place of the message', async () => {
    const client = await appAnswering((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        const payload = JSON.parse(new URLSearchParams(body).get('payload') ?? '{}') as {
          response_url: string;
        };
        res.writeHead(200);
        res.end();
        void fetch(payload.response_url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ replace_original: true, text: 'Nothing to record here.' }),
        });
      });
    });
    const workspace = slack?.workspace;
    if (!workspace) throw new Error('no stand-in');
    const said = workspace.post({ channel: 'C0GENERAL', user: 'U0TWO', text: 'We agreed' });
    expect(await client.messageAction('U0ONE', 'C0GENERAL', said.ts, 'some_shortcut')).toEqual({ ok: true });
    const reply = await slack?.waitFor(() =>
      workspace.messages.find((m) => m.text === 'Nothing to record here.'),
    );
    expect(reply).toMatchObject({ channel: 'C0GENERAL', ephemeralTo: 'U0ONE' });
    expect(workspace.findMessage('C0GENERAL', said.ts)).toMatchObject({ text: 'We agreed' });
    expect(workspace.findMessage('C0GENERAL', said.ts)?.edited).toBeUndefined();
  });

  it('reports an app that answers with an HTTP error', async () => {
    const client = await appAnswering((_req, res) => {
      res.writeHead(500);
      res.end();
    });
    expect(await client.openHome('U0ONE')).toEqual({ ok: false, error: expect.stringContaining('HTTP 500') });
  });
  const form = {
    type: 'modal',
    callback_id: 'form',
    title: { type: 'plain_text', text: 'Form' },
    submit: { type: 'plain_text', text: 'Save' },
    blocks: [
      {
        type: 'input',
        block_id: 'b',
        label: { type: 'plain_text', text: 'Name' },
        element: { type: 'plain_text_input', action_id: 'a' },
      },
    ],
  };

  /** An app that answers every view submission with `answer`, and records what it was sent. */
  async function appAnsweringSubmissions(answer: unknown, received: Record<string, unknown>[]) {
    return appAnswering((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      req.on('end', () => {
        received.push(
          JSON.parse(new URLSearchParams(body).get('payload') ?? '{}') as Record<string, unknown>,
        );
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(answer === undefined ? '' : JSON.stringify(answer));
      });
    });
  }

  it('pushes the view a submission answers with, up to Slack’s three', async () => {
    const client = await appAnsweringSubmissions({ response_action: 'push', view: form }, []);
    const workspace = slack?.workspace;
    if (!workspace) throw new Error('no stand-in');
    const first = workspace.openModal('U0ONE', form);
    expect(await client.submit('U0ONE', first.id, {})).toEqual({ ok: true });
    const second = workspace.modalsOf('U0ONE').at(-1);
    expect(workspace.modalsOf('U0ONE')).toHaveLength(2);
    await client.submit('U0ONE', second?.id ?? '', {});
    expect(workspace.modalsOf('U0ONE')).toHaveLength(3);
    const third = workspace.modalsOf('U0ONE').at(-1);
    expect(await client.submit('U0ONE', third?.id ?? '', {})).toEqual({
      ok: false,
      error: expect.stringContaining('push_limit_reached'),
    });
  });

  it('closes every view on clear, and only the top one on an empty answer', async () => {
    const answers: unknown[] = [undefined, { response_action: 'clear' }];
    const client = await appAnswering((_req, res) => {
      const answer = answers.shift();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer === undefined ? '' : JSON.stringify(answer));
    });
    const workspace = slack?.workspace;
    if (!workspace) throw new Error('no stand-in');
    workspace.openModal('U0ONE', form);
    for (let i = 0; i < 2; i++) workspace.pushModal('U0ONE', form);
    const top = () => workspace.modalsOf('U0ONE').at(-1)?.id ?? '';
    await client.submit('U0ONE', top(), {});
    expect(workspace.modalsOf('U0ONE')).toHaveLength(2);
    await client.submit('U0ONE', top(), {});
    expect(workspace.modalsOf('U0ONE')).toEqual([]);
  });

  it('tells the app a view was closed only when the view asked, with its state', async () => {
    const received: Record<string, unknown>[] = [];
    const client = await appAnsweringSubmissions(undefined, received);
    const workspace = slack?.workspace;
    if (!workspace) throw new Error('no stand-in');
    const quiet = workspace.openModal('U0ONE', form);
    await client.close('U0ONE', quiet.id);
    expect(received).toEqual([]);
    const told = workspace.openModal('U0ONE', { ...form, notify_on_close: true });
    expect(await client.close('U0ONE', told.id)).toEqual({ ok: true });
    expect(received).toEqual([
      expect.objectContaining({
        type: 'view_closed',
        is_cleared: false,
        view: expect.objectContaining({ id: told.id }),
      }),
    ]);
  });
});
