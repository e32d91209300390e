import type { App, MessageShortcut } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import { programToday } from '../../domain/decision-register.js';
import { FIELD_LIMITS } from '../../domain/field-limits.js';
import type { Services } from '../../services/index.js';
import { slackErrorReason } from '../../slack-client.js';
import { pickProgramModal, recordDecisionModal } from '../../ui/decision-modals.js';
import { NO_PROGRAMS } from '../../ui/help.js';
import { SHORTCUTS } from '../../ui/ids.js';
import { noticeModal } from '../../ui/modal-parts.js';
import { failureText } from '../shared/failures.js';

/**
 * The message shortcut "Record decision": the record form, with the message's text as the outcome and its
 * permalink as the link, asking which program (when there are several) and which pending decision (or a
 * new one). Opened within the trigger's 3 seconds; who may record is checked on submit.
 */
export function register(app: App, deps: Deps, services: Services): void {
  app.shortcut<MessageShortcut>(SHORTCUTS.recordDecision, async ({ ack, shortcut, client }) => {
    await ack();
    try {
      // Either form cuts it to what it can hold.
      const outcome = shortcut.message.text ?? '';
      const link = await permalink(client, deps, shortcut);
      const { programs, read } = services.programs.snapshot();
      const only = programs.length === 1 ? read(programs[0]?.id ?? 0) : undefined;
      const view =
        programs.length === 0
          ? noticeModal('Record decision', NO_PROGRAMS)
          : only
            ? recordDecisionModal({
                program: only,
                today: programToday(only, deps.clock.now()),
                outcome,
                link,
              })
            : pickProgramModal(programs, { outcome, link });
      await client.views.open({ trigger_id: shortcut.trigger_id, view });
    } catch (error) {
      failureText(deps, error, {
        event: 'shortcut_failed',
        callbackId: shortcut.callback_id,
        user: shortcut.user.id,
      });
    }
  });
}

/** Where the message is, to link the decision to it; empty (and logged) when Slack will not say. */
async function permalink(client: WebClient, deps: Deps, shortcut: MessageShortcut): Promise<string> {
  try {
    const res = await client.chat.getPermalink({
      channel: shortcut.channel.id,
      message_ts: shortcut.message.ts,
    });
    return res.permalink && res.permalink.length <= FIELD_LIMITS.url ? res.permalink : '';
  } catch (error) {
    deps.logger.warn(
      { event: 'permalink_failed', channel: shortcut.channel.id, reason: slackErrorReason(error) },
      'could not get the message’s link; the form opens without it',
    );
    return '';
  }
}
