import type { KnownBlock } from '@slack/types';
import {
  historyFieldLabel,
  historyList,
  historyValueLabel,
  REVIEWED_FIELD,
} from '../domain/history-fields.js';
import { type HistoryEntry, type Program, type Workstream, workstreamName } from '../domain/program.js';
import { context, header, message, section } from './blocks.js';
import { HISTORY_BLOCKS, historyEntryBlock } from './ids.js';
import { SURFACE_BLOCKS, truncate } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mention } from './mrkdwn.js';
import { plural } from './plural.js';
import { ago } from './relative-time.js';
import { inZone } from './zoned-time.js';

/** How many changes `/rollout history` shows by default. */
export const HISTORY_SHOWN = 20;

/** A long text value (a blocker, a snapshot) is cut so that one entry never crowds out the others. */
const VALUE_MAX = 600;
const NOTE_MAX = 600;

/** Header, zone line and the "and N more" line: what the message spends besides its entries. */
export const HISTORY_FIXED_BLOCKS = 3;

export interface HistoryViewInput {
  program: Program;
  workstream: Workstream;
  /** Newest first, as the store returns them; possibly more than are shown. */
  entries: HistoryEntry[];
  now: Date;
  /** The viewer's IANA time zone, or 'UTC' when it could not be read. */
  zone: string;
  /** True when `zone` is a fallback: the message says so. */
  zoneFallback: boolean;
  /** How many entries to show; the rest are counted in "and N more". */
  limit?: number;
  /** The store was read with a cap and `entries` filled it: there may be even more than counted. */
  capped?: boolean;
}

/** Who made a change: a mention, or "an import" for changes from a program file. */
function actorText(actor: string): string {
  return actor === 'import' ? 'an import' : mention(actor);
}

/** A stored value as the viewer reads it: labels for statuses and risks, mentions for owners, names for keys. */
function valueText(field: string, value: string | null, program: Program): string {
  if (value === null || value === '') return '—';
  if (field === 'owner_ids' || field === 'admins') {
    return historyList(value)
      .map((id) => mention(id))
      .join(', ');
  }
  if (field === 'depends_on') {
    return escapeMrkdwn(
      historyList(value)
        .map((key) => workstreamName(program, key))
        .join(', '),
    );
  }
  return truncate(escapeMrkdwn(historyValueLabel(field, value)), VALUE_MAX);
}

/** What changed, in words: "*Status*: Needs decision → Blocked", or "*Created*: Identity and SSO". */
function changeText(entry: HistoryEntry, program: Program): string {
  const label = `*${escapeMrkdwn(historyFieldLabel(entry.field))}*`;
  if (entry.field === 'created') return `${label}: ${valueText('name', entry.newValue, program)}`;
  if (entry.field === 'removed') return `${label}: ${valueText('name', entry.oldValue, program)}`;
  if (entry.field === REVIEWED_FIELD) return `${label}: nothing needed changing`;
  const from = valueText(entry.field, entry.oldValue, program);
  const to = valueText(entry.field, entry.newValue, program);
  return `${label}: ${from} → ${to}`;
}

/** One entry: what changed, who and when (relative, and absolute in the viewer's zone), and the note. */
function entryText(entry: HistoryEntry, program: Program, now: Date, zone: string): string {
  const lines = [
    changeText(entry, program),
    `by ${actorText(entry.actor)} · ${ago(entry.at, now)} · ${inZone(entry.at, zone)}`,
  ];
  if (entry.note) lines.push(`_Note:_ ${truncate(escapeMrkdwn(entry.note), NOTE_MAX)}`);
  return lines.join('\n');
}

/** `/rollout history WORKSTREAM`: the most recent changes, newest first, within one message's limits. */
export function historyView(input: HistoryViewInput): SlackMessage {
  const { program, workstream, entries, now, zone, zoneFallback } = input;
  const limit = Math.max(
    0,
    Math.min(input.limit ?? HISTORY_SHOWN, SURFACE_BLOCKS.message - HISTORY_FIXED_BLOCKS),
  );
  const shown = entries.slice(0, limit);
  const hidden = entries.length - shown.length;

  const zoneLine = zoneFallback
    ? 'Newest first. Times are in UTC: I could not read your time zone from Slack.'
    : `Newest first. Times are in your time zone (${escapeMrkdwn(zone)}).`;
  const blocks: KnownBlock[] = [
    header(HISTORY_BLOCKS.header, `History: ${workstream.name}`),
    context(HISTORY_BLOCKS.zone, `${escapeMrkdwn(program.name)} · ${zoneLine}`),
  ];
  if (shown.length === 0) {
    blocks.push(
      section(HISTORY_BLOCKS.empty, `No changes of ${escapeMrkdwn(workstream.name)} are recorded yet.`),
    );
  }
  for (const entry of shown) {
    blocks.push(section(historyEntryBlock(entry.id), entryText(entry, program, now, zone)));
  }
  if (hidden > 0) {
    const text = input.capped
      ? `…and more than ${hidden} earlier changes.`
      : `…and ${plural(hidden, 'more earlier change')}.`;
    blocks.push(context(HISTORY_BLOCKS.more, text));
  }
  return message(
    `History of ${escapeMrkdwn(workstream.name)}: ${
      shown.length === 0 ? 'no changes recorded yet' : plural(shown.length, 'most recent change')
    }`,
    blocks,
  );
}
