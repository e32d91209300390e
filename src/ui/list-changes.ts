import type { View } from '@slack/types';
import type { FieldChange } from '../domain/edit-fields.js';
import { historyFieldLabel } from '../domain/history-fields.js';
import type { Program } from '../domain/program.js';
import { RISK_INFO, SIGNAL_INFO } from '../domain/vocabulary.js';
import { formatDayLabel } from '../domain/week.js';
import { truncate } from './limits.js';
import { noticeModal } from './modal-parts.js';
import { escapeMrkdwn, mention } from './mrkdwn.js';

/** How a stored value of a risk, dimension or action reads, as escaped mrkdwn; none is "—". */
export function listValue(program: Program, field: string, value: string | null): string {
  if (value === null || value === '') return '—';
  switch (field) {
    case 'severity':
      return value in RISK_INFO ? RISK_INFO[value as keyof typeof RISK_INFO].label : escapeMrkdwn(value);
    case 'signal':
      return value in SIGNAL_INFO
        ? SIGNAL_INFO[value as keyof typeof SIGNAL_INFO].label
        : escapeMrkdwn(value);
    case 'status':
      return value === 'closed' ? 'Closed' : value === 'open' ? 'Open' : escapeMrkdwn(value);
    case 'done':
      return value === 'true' ? 'Yes' : 'No';
    case 'owner':
      return mention(value);
    case 'due':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDayLabel(value) : escapeMrkdwn(value);
    case 'workstream':
      return escapeMrkdwn(program.workstreams.find((w) => w.key === value)?.name ?? value);
    default:
      return escapeMrkdwn(truncate(value, 300));
  }
}

/** "*Severity:* Medium → High" lines. */
function listChangeLines(program: Program, changes: readonly FieldChange[]): string[] {
  return changes.map(
    (c) =>
      `*${escapeMrkdwn(historyFieldLabel(c.field))}:* ${listValue(program, c.field, c.oldValue)} → ${listValue(program, c.field, c.newValue)}`,
  );
}

/** A risk's or action's text as it heads a notice: escaped, cut to stay readable, in bold. */
export function itemHeading(text: string): string {
  return `*${escapeMrkdwn(truncate(text, 300))}*`;
}

/**
 * The line on top of a list replaced once a form opened from it is saved: ":white_check_mark: Risk added:
 * *the risk*". `heading` is escaped mrkdwn naming the item (`itemHeading`).
 */
export function savedNotice(what: string, heading: string): string {
  return `:white_check_mark: ${what}: ${heading}`;
}

/** What the submitter sees once an edit is saved; `heading` is escaped mrkdwn naming the item. */
export function listSavedModal(program: Program, heading: string, changes: readonly FieldChange[]): View {
  return noticeModal(
    'Saved',
    `:white_check_mark: ${heading} is updated.\n${listChangeLines(program, changes).join('\n')}`,
    'Done',
  );
}
