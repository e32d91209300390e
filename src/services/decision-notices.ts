import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import { findWorkstream } from '../domain/program.js';
import { postDm, singleAttemptClient, slackErrorReason } from '../slack-client.js';
import { decisionRecordedNotice, type RecordedNotice } from '../ui/decision-notice.js';
import type { UpdateNotices } from './update-notices.js';

/**
 * Tells people a decision was recorded, after the save committed: where update notices go (a reply in the
 * weekly thread of the workstream it held up, or a message of its own when it held up none), and a DM to
 * each owner of the workstreams it held up. Slack failures are logged (`decision_notice_failed`,
 * `decision_dm_failed`), never thrown: the decision is saved either way.
 */
export class DecisionNotices {
  constructor(
    private readonly deps: Deps,
    private readonly updateNotices: UpdateNotices,
  ) {}

  async recorded(client: WebClient, n: RecordedNotice): Promise<void> {
    await Promise.all([this.toChannel(client, n), this.toOwners(client, n)]);
  }

  private async toChannel(client: WebClient, n: RecordedNotice): Promise<void> {
    const channel = n.program.updatesChannel;
    if (!channel) return;
    const reply = decisionRecordedNotice(n);
    const key = n.moved?.workstream.key ?? n.decision.workstreams[0];
    const workstream = key ? (n.moved?.workstream ?? findWorkstream(n.program, key)) : undefined;
    try {
      if (workstream) {
        // The weekly thread's parent is brought to the workstream's current status along the way.
        await this.updateNotices.post(client, {
          program: n.program,
          workstream,
          changes: n.moved?.changes ? [...n.moved.changes] : [],
          actor: n.actor,
          note: '',
          reply,
        });
        return;
      }
      await singleAttemptClient(client, this.deps.logger).chat.postMessage({
        channel,
        ...reply,
        unfurl_links: false,
      });
    } catch (error) {
      this.deps.logger.warn(
        {
          event: 'decision_notice_failed',
          program: n.program.slug,
          decision: n.decision.id,
          channel,
          reason: slackErrorReason(error),
        },
        'could not post the recorded decision to the updates channel; is the bot in it?',
      );
    }
  }

  /** Each owner once, however many of their workstreams it held up; not the person who recorded it. */
  private async toOwners(client: WebClient, n: RecordedNotice): Promise<void> {
    const owners = new Set(
      n.program.workstreams
        .filter((w) => n.decision.workstreams.includes(w.key))
        .flatMap((w) => w.ownerIds)
        .filter((id) => id !== n.actor),
    );
    const message = decisionRecordedNotice(n, 'A decision your workstream was waiting on is made.');
    for (const user of owners) {
      try {
        await postDm(client, this.deps.logger, user, message);
        this.deps.logger.info({ event: 'decision_dm_sent', program: n.program.slug, user });
      } catch (error) {
        this.deps.logger.warn(
          { event: 'decision_dm_failed', program: n.program.slug, user, reason: slackErrorReason(error) },
          'could not DM an owner about the recorded decision',
        );
      }
    }
  }
}
