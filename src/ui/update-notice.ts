import type { FieldChange } from '../domain/edit-fields.js';
import { historyFieldLabel } from '../domain/history-fields.js';
import type { Workstream } from '../domain/program.js';
import { section } from './blocks.js';
import { BLOCK_LIMITS, truncate } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mention } from './mrkdwn.js';
import { changeValue } from './workstream-modal.js';

/**
 * The short line posted to a program's updates channel: "Identity and SSO: Needs decision → Drafted, by @x".
 * Status and risk moves are named; other fields are listed by label, since a channel wants the gist.
 */
export function updateNotice(w: Workstream, changes: FieldChange[], actor: string): SlackMessage {
  const moves = changes
    .filter((c) => c.field === 'status' || c.field === 'risk')
    .map((c) => {
      const what = c.field === 'risk' ? ' risk' : '';
      return `${escapeMrkdwn(changeValue(c.field, c.oldValue))}${what} → ${escapeMrkdwn(changeValue(c.field, c.newValue))}${what}`;
    });
  const others = changes
    .filter((c) => c.field !== 'status' && c.field !== 'risk')
    .map((c) => historyFieldLabel(c.field).toLowerCase());
  const parts = [...moves, ...(others.length ? [`updated ${others.join(', ')}`] : [])];
  const text = truncate(
    `*${escapeMrkdwn(w.name)}*: ${parts.join('; ')}, by ${mention(actor)}`,
    BLOCK_LIMITS.sectionText,
  );
  return { text, blocks: [section(undefined, text)] };
}
