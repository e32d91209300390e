import type { FieldChange } from '../domain/edit-fields.js';
import { historyFieldLabel } from '../domain/history-fields.js';
import type { Workstream } from '../domain/program.js';
import { oneLine } from '../domain/user-text.js';
import { context, section } from './blocks.js';
import { dayLabel } from './date-labels.js';
import { BLOCK_LIMITS, truncate } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mention } from './mrkdwn.js';
import { changeValue } from './workstream-modal.js';

/** The line under a weekly parent message that points readers at its thread. */
export const THREAD_HINT = 'Changes this week in the thread';

/**
 * The reply posted in a workstream's weekly thread: "Identity and SSO: Needs decision → Drafted, by @x",
 * then the owner's note, if any, quoted. Status and risk moves are named; other fields are listed by
 * label, since a channel wants the gist.
 */
export function updateNotice(
  w: Workstream,
  changes: (FieldChange & { note?: string })[],
  actor: string,
  note = '',
): SlackMessage {
  const named = new Set(['status', 'risk', 'target']);
  const moves = changes
    .filter((c) => named.has(c.field))
    .map((c) => {
      if (c.field === 'target') {
        // A date move says the dates, and why when a reason was given (it is required for a move).
        const day = (d: string | null) => (d ? dayLabel(d) : 'none');
        const why = c.note ? ` (${escapeMrkdwn(oneLine(c.note))})` : '';
        return `target ${day(c.oldValue)} → ${day(c.newValue)}${why}`;
      }
      const what = c.field === 'risk' ? ' risk' : '';
      return `${escapeMrkdwn(changeValue(c.field, c.oldValue))}${what} → ${escapeMrkdwn(changeValue(c.field, c.newValue))}${what}`;
    });
  const others = changes
    .filter((c) => !named.has(c.field))
    .map((c) => historyFieldLabel(c.field).toLowerCase());
  const parts = [...moves, ...(others.length ? [`updated ${others.join(', ')}`] : [])];
  const line = `*${escapeMrkdwn(w.name)}*: ${parts.join('; ')}, by ${mention(actor)}`;
  const quoted = note.trim() ? `\n> ${escapeMrkdwn(note)}` : '';
  const text = truncate(`${line}${quoted}`, BLOCK_LIMITS.sectionText);
  return { text, blocks: [section(undefined, text)] };
}

/**
 * The week's parent message for a workstream, edited in place as it changes: its current status, risk and
 * main blocker, and a pointer to the thread where each change is a reply.
 */
export function updateThreadParent(w: Workstream): SlackMessage {
  const status = escapeMrkdwn(changeValue('status', w.status));
  const risk = escapeMrkdwn(changeValue('risk', w.risk));
  const blocker = w.blocker.trim() ? escapeMrkdwn(truncate(w.blocker, 500)) : 'none';
  const text = truncate(
    `*${escapeMrkdwn(w.name)}*: ${status} · ${risk} risk · Blocker: ${blocker}`,
    BLOCK_LIMITS.sectionText,
  );
  return {
    text: `${text}\n${THREAD_HINT}`,
    blocks: [section(undefined, text), context(undefined, THREAD_HINT)],
  };
}
