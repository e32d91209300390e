import { commandAnswerProblems, submissionAnswerProblems } from './block-kit-rules.js';
import type { ActionContainer, ActionInput, ViewState } from './interactions.js';
import { eventEnvelope, interactionBody, type SlackResponse, signedPost, TEAM } from './requests.js';
import { parseJson, type SlackStandIn } from './stand-in.js';
import type { StandInChannel, StoredView } from './workspace.js';

type Obj = Record<string, unknown>;

/** What came of something a person did: done, or Slack's words for why not (shown to that person). */
export type Outcome = { ok: true } | { ok: false; error: string };

/** Where the app takes Slack's requests, and the secret they are signed with. */
export interface AppEndpoint {
  eventsUrl: string;
  signingSecret: string;
}

/** Slack gives an app three seconds to acknowledge; after that it shows the person an error. */
const ACK_TIMEOUT_MS = 3000;

const APP_ID = 'A0ROLLOUT';

/**
 * The other half of the stand-in: what a person does in Slack's client, sent to the app exactly as Slack
 * sends it (signed, with a response_url and a trigger_id where Slack gives them), and the app's answer
 * shown where Slack shows it (a command's ephemeral answer, a modal's errors, update, push or close).
 */
export class StandInClient {
  constructor(
    private readonly slack: SlackStandIn,
    private readonly app: AppEndpoint,
  ) {}

  /** Sends a slash command typed in `channel`: "/rollout status". */
  async command(user: string, channel: string, typed: string): Promise<Outcome> {
    const match = /^(\/[\w-]+)(?:\s+([\s\S]*))?$/.exec(typed.trim());
    if (!match?.[1]) return { ok: false, error: 'Type a slash command, such as /rollout help.' };
    const [, command, text = ''] = match;
    const responseUrl = this.slack.responseUrl(undefined, { user, channel });
    const fields = {
      token: 'legacy-verification-token',
      team_id: TEAM.id,
      team_domain: TEAM.domain,
      channel_id: channel,
      channel_name: this.slack.workspace.channels.get(channel)?.name ?? 'directmessage',
      user_id: user,
      user_name: this.slack.workspace.users.get(user)?.name ?? user.toLowerCase(),
      command,
      text,
      api_app_id: APP_ID,
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: this.slack.mintTrigger(user),
    };
    const res = await this.send(
      `slash_command ${command}`,
      fields,
      new URLSearchParams(fields).toString(),
      'application/x-www-form-urlencoded',
    );
    if ('error' in res) return res;
    if (!res.json) return { ok: true };
    const problems = commandAnswerProblems(res.json);
    if (problems.length) return refused(`${command} answer`, problems);
    const context = this.slack.responseContext(responseUrl);
    if (context) this.slack.deliver(context, res.json);
    return { ok: true };
  }

  /**
   * Picks one of the app's message shortcuts from a message's "More actions" menu. Slack offers them on
   * messages everyone in the conversation sees, never on an ephemeral one. The app answers through what it
   * does next (views.open with the trigger, replies to the response_url, which land privately in that
   * channel); Bolt acknowledges a shortcut with an empty body, and Slack shows none anyway.
   */
  async messageAction(user: string, channel: string, ts: string, callbackId: string): Promise<Outcome> {
    const message = this.slack.workspace.findMessage(channel, ts);
    if (!message || (message.ephemeralTo !== undefined && message.ephemeralTo !== user))
      return { ok: false, error: 'That message is no longer there.' };
    if (message.ephemeralTo !== undefined)
      return { ok: false, error: 'Shortcuts cannot be used on a message only you can see.' };
    const payload: Obj = {
      ...this.interaction('message_action', user),
      callback_id: callbackId,
      action_ts: (this.slack.now() / 1000).toFixed(6),
      message_ts: message.ts,
      // No messageTs: a reply's replace_original must not replace someone else's message.
      response_url: this.slack.responseUrl(undefined, { user, channel }),
      message: {
        type: 'message',
        ts: message.ts,
        user: message.user,
        ...(message.bot_id !== undefined ? { bot_id: message.bot_id } : {}),
        ...(message.text !== undefined ? { text: message.text } : {}),
        ...(message.blocks !== undefined ? { blocks: message.blocks } : {}),
        ...(message.thread_ts !== undefined ? { thread_ts: message.thread_ts } : {}),
      },
      channel: { id: channel, name: conversationName(this.slack.workspace.channels.get(channel)) },
    };
    const res = await this.send(`message_action ${callbackId}`, payload, interactionBody(payload), FORM);
    return 'error' in res ? res : { ok: true };
  }

  /** Clicks a button or changes a select in a message, a modal or the Home tab. */
  async action(
    user: string,
    where: ActionContainer,
    action: ActionInput,
    state?: ViewState,
  ): Promise<Outcome> {
    const payload: Obj = {
      ...this.interaction('block_actions', user),
      actions: [actionObject(action, this.slack.now())],
    };
    if (where.type === 'message') {
      const message = this.slack.workspace.findMessage(where.channel, where.ts);
      if (!message) return { ok: false, error: 'That message is no longer there.' };
      const ephemeral = message.ephemeralTo !== undefined;
      Object.assign(payload, {
        container: {
          type: 'message',
          message_ts: message.ts,
          channel_id: message.channel,
          is_ephemeral: ephemeral,
        },
        channel: {
          id: message.channel,
          name: this.slack.workspace.channels.get(message.channel)?.name ?? '',
        },
        response_url: this.slack.responseUrl(undefined, {
          user,
          channel: message.channel,
          messageTs: message.ts,
        }),
        state: { values: state ?? {} },
        // Slack sends the message itself only when it is not ephemeral.
        ...(ephemeral
          ? {}
          : {
              message: {
                type: 'message',
                ts: message.ts,
                user: message.user,
                bot_id: message.bot_id,
                text: message.text,
                blocks: message.blocks,
              },
            }),
      });
    } else {
      const view = this.slack.workspace.view(where.viewId);
      if (!view || view.user !== user) return { ok: false, error: 'That view is no longer open.' };
      Object.assign(payload, {
        container: { type: 'view', view_id: view.id },
        view: withState(view, state),
      });
    }
    const res = await this.send('block_actions', payload, interactionBody(payload), FORM);
    return 'error' in res ? res : { ok: true };
  }

  /** Presses a modal's Submit: the app may answer with errors, update, push or clear, or close the view. */
  async submit(user: string, viewId: string, state: ViewState): Promise<Outcome> {
    const workspace = this.slack.workspace;
    const view = workspace.view(viewId);
    if (!view || view.user !== user) return { ok: false, error: 'That view is no longer open.' };
    const payload: Obj = {
      ...this.interaction('view_submission', user),
      view: withState(view, state),
      response_urls: [],
    };
    const res = await this.send('view_submission', payload, interactionBody(payload), FORM);
    if ('error' in res) return res;
    const answer = res.json;
    const problems = submissionAnswerProblems(answer);
    if (problems.length) return refused('form answer', problems);
    switch (answer?.response_action) {
      case 'errors':
        view.errors = answer.errors as Record<string, string>;
        break;
      case 'update':
        workspace.updateView(view, parseJson(answer.view) as Obj);
        break;
      case 'push':
        if (!workspace.pushModal(user, parseJson(answer.view) as Obj))
          return { ok: false, error: 'Slack refused the form answer: push_limit_reached' };
        break;
      case 'clear':
        workspace.closeModals(user, true);
        break;
      default:
        workspace.closeModals(user, false);
    }
    this.slack.changed();
    return { ok: true };
  }

  /** Presses a modal's Close (or Escape): Slack tells the app only when the view asked (`notify_on_close`). */
  async close(user: string, viewId: string): Promise<Outcome> {
    const workspace = this.slack.workspace;
    const top = workspace.modalsOf(user).at(-1);
    if (!top || top.id !== viewId) return { ok: false, error: 'That view is no longer open.' };
    const all = top.view.clear_on_close === true;
    const closed = workspace.closeModals(user, all);
    this.slack.changed();
    const notify = closed.find((v) => v.view.notify_on_close === true);
    if (!notify) return { ok: true };
    const payload: Obj = { ...this.interaction('view_closed', user), view: notify.view, is_cleared: all };
    delete payload.trigger_id;
    const res = await this.send('view_closed', payload, interactionBody(payload), FORM);
    return 'error' in res ? res : { ok: true };
  }

  /** Opens Rollout's App Home tab: Slack sends app_home_opened (with the Home view once there is one). */
  async openHome(user: string): Promise<Outcome> {
    const home = this.slack.workspace.homeOf(user);
    const event = {
      type: 'app_home_opened',
      user,
      channel: this.slack.workspace.dmWith(user).id,
      tab: 'home',
      event_ts: `${(this.slack.now() / 1000).toFixed(6)}`,
      ...(home ? { view: home.view } : {}),
    };
    const envelope = eventEnvelope(event);
    const res = await this.send(
      'event:app_home_opened',
      envelope,
      JSON.stringify(envelope),
      'application/json',
    );
    return 'error' in res ? res : { ok: true };
  }

  /** What every interaction payload starts with. */
  private interaction(type: string, user: string): Obj {
    return {
      type,
      team: TEAM,
      user: {
        id: user,
        username: this.slack.workspace.users.get(user)?.name ?? user.toLowerCase(),
        team_id: TEAM.id,
      },
      api_app_id: APP_ID,
      token: 'legacy-verification-token',
      trigger_id: this.slack.mintTrigger(user),
      is_enterprise_install: false,
      enterprise: null,
    };
  }

  /** Posts to the app and logs it; an answer other than 200 within 3 seconds is Slack's error to show. */
  private async send(
    name: string,
    logged: unknown,
    body: string,
    contentType: string,
  ): Promise<SlackResponse | { ok: false; error: string }> {
    let res: SlackResponse;
    try {
      res = await signedPost(this.app.eventsUrl, this.app.signingSecret, body, contentType, {
        signal: AbortSignal.timeout(ACK_TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      const reason = timedOut ? 'operation_timeout' : 'dispatch_failed';
      this.slack.log({
        direction: 'to_app',
        name,
        status: 0,
        ok: false,
        error: reason,
        request: logged,
        response: null,
      });
      return {
        ok: false,
        error: timedOut
          ? 'Rollout did not answer within 3 seconds (operation_timeout).'
          : `Rollout could not be reached (dispatch_failed): ${(error as Error).message}`,
      };
    }
    const ok = res.status === 200;
    this.slack.log({
      direction: 'to_app',
      name,
      status: res.status,
      ok,
      ...(ok ? {} : { error: `http_${res.status}` }),
      request: logged,
      response: res.json ?? res.text,
    });
    this.slack.changed();
    if (!ok) return { ok: false, error: `Rollout answered HTTP ${res.status} (dispatch_failed).` };
    return res;
  }
}

const FORM = 'application/x-www-form-urlencoded';

/** A conversation's name as Slack puts it in a payload: a DM is "directmessage". */
function conversationName(channel: StandInChannel | undefined): string {
  return !channel || channel.dmWith !== undefined ? 'directmessage' : channel.name;
}

function refused(what: string, problems: string[]): Outcome {
  return { ok: false, error: `Slack refused the ${what}: ${problems.join('; ')}` };
}

/** The view as Slack sends it back with an interaction: with what the person has entered so far. */
function withState(view: StoredView, state: ViewState | undefined): Obj {
  return { ...view.view, hash: view.hash, state: { values: state ?? {} } };
}

/** The `actions[0]` of a block_actions payload for this element. */
function actionObject(action: ActionInput, now: number): Obj {
  const el = action.element;
  return {
    action_id: action.actionId,
    block_id: action.blockId,
    type: el.type,
    action_ts: (now / 1000).toFixed(6),
    ...(el.type === 'button'
      ? {
          text: el.text,
          ...(el.value !== undefined ? { value: el.value } : {}),
          ...(el.style !== undefined ? { style: el.style } : {}),
        }
      : {}),
    ...(action.selected ?? {}),
  };
}
