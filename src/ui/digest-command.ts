import type { Digest } from '../domain/digest-content.js';
import type { RunRecord } from '../domain/digest-log.js';
import type { SendResult } from '../domain/digest-send.js';
import type { Program } from '../domain/program.js';
import { weekKeyLabel } from '../domain/week.js';
import { context, message } from './blocks.js';
import { digestMessage } from './digest-message.js';
import { notice } from './help.js';
import { DIGEST_BLOCKS, DIGEST_PREVIEW_BLOCK } from './ids.js';
import { SURFACE_BLOCKS } from './limits.js';
import type { SlackMessage } from './message.js';
import { messageLink } from './message-link.js';
import { escapeMrkdwn, slackDate } from './mrkdwn.js';

/**
 * `/rollout digest`: the very message the channel would get (same builder), marked as a preview right
 * under its header so that nobody mistakes it for the posted one; once this week's is out, it says where.
 */
export function digestPreview(digest: Digest, program: Program, postedThisWeek?: RunRecord): SlackMessage {
  const posted = digestMessage(digest, program);
  const where = postedThisWeek?.postedAt
    ? `this week’s digest is already out in ${channel(postedThisWeek.channel)} ${slackDate(postedThisWeek.postedAt)}: ${linked(postedThisWeek, 'view it')}`
    : program.digest
      ? `an admin posts it to ${channel(program.digest.channel)} with \`/rollout digest send\``
      : 'this program has no digest channel yet';
  const marker = context(
    DIGEST_PREVIEW_BLOCK,
    `:eyes: *Preview: not posted.* Only you can see this; ${where}.`,
  );
  const at = posted.blocks.findIndex((b) => b.block_id === DIGEST_BLOCKS.header);
  const blocks = [...posted.blocks];
  blocks.splice(at + 1, 0, marker);
  return message(`Preview, not posted: ${posted.text}`, blocks.slice(0, SURFACE_BLOCKS.message));
}

/** A channel mention for a stored ID; anything else is shown as text. */
function channel(id: string): string {
  return /^[CGD][A-Z0-9]+$/.test(id) ? `<#${id}>` : escapeMrkdwn(id);
}

function linked(run: RunRecord, label: string): string {
  const url = messageLink(run.channel, run.messageTs);
  return url ? `<${url}|${label}>` : label;
}

function weekOf(run: RunRecord): string {
  return escapeMrkdwn(weekKeyLabel(run.weekKey));
}

/** What `/rollout digest send` answers once the sender is done. */
export function digestSendOutcome(result: SendResult, program: Program): SlackMessage {
  const name = `*${escapeMrkdwn(program.name)}*`;
  switch (result.kind) {
    case 'posted':
      return notice(
        `:white_check_mark: Posted the digest of ${name} (${weekOf(result.run)}) to ${channel(result.run.channel)}` +
          `${result.run.postedAt ? ` ${slackDate(result.run.postedAt)}` : ''}: ${linked(result.run, 'view it')}.`,
      );
    case 'recovered':
      return notice(
        `This week’s digest of ${name} was already in ${channel(result.run.channel)} from an earlier attempt; ` +
          `it is recorded now and nothing new was posted: ${linked(result.run, 'view it')}.`,
      );
    case 'already-posted':
      return notice(
        `This week’s digest of ${name} (${weekOf(result.run)}) is already out: posted to ` +
          `${channel(result.run.channel)}${result.run.postedAt ? ` ${slackDate(result.run.postedAt)}` : ''} ` +
          `(${linked(result.run, 'view it')}). Nothing was posted again.`,
      );
    case 'in-progress':
      return notice(
        `This week’s digest of ${name} is being sent right now (started ${slackDate(result.run.claimedAt)}). ` +
          'Nothing more was posted; it shows in the channel when it is done.',
      );
    case 'failed':
      return notice(
        `:warning: The digest of ${name} could not be posted: \`${escapeMrkdwn(result.error)}\`. ` +
          'It is recorded as failed and tried again at the next sweep; `rollout digest log` lists the runs.',
      );
    case 'not-configured':
      return notice(
        `${name} has no digest channel yet: an admin adds a \`digest\` section to its program file and imports it.`,
      );
  }
}

/** What `/rollout digest send` answers at once, before Slack is called. */
export function digestSending(program: Program & { digest: NonNullable<Program['digest']> }): SlackMessage {
  return notice(
    `Sending the digest of *${escapeMrkdwn(program.name)}* to ${channel(program.digest.channel)}…`,
  );
}
