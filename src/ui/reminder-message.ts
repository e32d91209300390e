import type { KnownBlock } from '@slack/types';
import type { Program, Workstream } from '../domain/program.js';
import { context, message, section } from './blocks.js';
import { REMINDER_BLOCKS, reminderWorkstreamBlock } from './ids.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, slackDate } from './mrkdwn.js';
import { ago } from './relative-time.js';
import { statusLine } from './status-overview.js';
import { updatableSection } from './update-button.js';

/** Workstreams listed with their own Update button; the rest are counted. */
export const REMINDER_SHOWN = 15;

export interface ReminderInput {
  program: Pick<Program, 'slug' | 'name'>;
  /** The owner's workstreams that need an update, in the program's order. */
  workstreams: readonly Workstream[];
  digestAt: Date;
  now: Date;
}

/**
 * The DM an owner gets before the digest: which of their workstreams were not updated this week, each
 * with an Update button that opens the same form as everywhere else.
 */
export function reminderMessage({ program, workstreams, digestAt, now }: ReminderInput): SlackMessage {
  const name = escapeMrkdwn(program.name);
  const count = workstreams.length;
  const these = count === 1 ? 'this workstream of yours has' : `these ${count} workstreams of yours have`;
  const blocks: KnownBlock[] = [
    section(
      REMINDER_BLOCKS.intro,
      `:wave: The weekly digest of *${name}* goes out ${slackDate(digestAt.toISOString(), '{date_long_pretty} at {time}')}, ` +
        `and ${these} not been updated this week. A quick update keeps leadership’s view true.`,
    ),
  ];
  for (const w of workstreams.slice(0, REMINDER_SHOWN)) {
    blocks.push(
      updatableSection(
        reminderWorkstreamBlock(w.key),
        `*${escapeMrkdwn(w.name)}*\n${statusLine(w)}\nlast updated ${ago(w.updatedAt, now)}`,
        program,
        w,
      ),
    );
  }
  if (count > REMINDER_SHOWN) {
    blocks.push(
      context(
        REMINDER_BLOCKS.more,
        `…and ${count - REMINDER_SHOWN} more: \`/rollout update ${escapeMrkdwn(program.slug)}\` picks any of them.`,
      ),
    );
  }
  const names = workstreams.map((w) => escapeMrkdwn(w.name)).join(', ');
  return message(`Reminder: the ${name} digest goes out soon; please update ${names}.`, blocks);
}
