import type { FieldChange } from '../domain/edit-fields.js';
import type { Decision, Program, Workstream } from '../domain/program.js';
import { formatDayLabel } from '../domain/week.js';
import { context, message, section } from './blocks.js';
import { blockedNames, decidersLine, linkMrkdwn } from './decisions-list.js';
import { DECISION_BLOCKS } from './ids.js';
import { BLOCK_LIMITS, truncate } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mention } from './mrkdwn.js';
import { changeValue } from './workstream-modal.js';

export interface RecordedNotice {
  program: Program;
  decision: Decision;
  actor: string;
  moved?: { workstream: Workstream; changes: readonly FieldChange[] } | undefined;
}

/** "Identity and SSO moves on: Needs decision → Drafted", the status and blocker it now has. */
function movedLine(moved: RecordedNotice['moved']): string {
  if (!moved) return '';
  const parts = moved.changes.map((c) =>
    c.field === 'status'
      ? `${escapeMrkdwn(changeValue(c.field, c.oldValue))} → ${escapeMrkdwn(changeValue(c.field, c.newValue))}`
      : `blocker now “${escapeMrkdwn(truncate(c.newValue ?? '', 300)) || 'none'}”`,
  );
  return `\n*${escapeMrkdwn(moved.workstream.name)}* moves on: ${parts.join('; ')}`;
}

/**
 * A recorded decision, where update notices go and in the owners' DMs: the question, the outcome, who
 * decided and when, where, and the workstream it moved on. User text is escaped and kept on one line, in
 * the blocks and in the fallback text alike.
 */
export function decisionRecordedNotice(n: RecordedNotice, intro?: string): SlackMessage {
  const d = n.decision;
  const where = d.link ? `\n${linkMrkdwn(d.link, 'Where it was decided')}` : '';
  const head = intro ? `${intro}\n` : '';
  const body = truncate(
    `${head}:white_check_mark: *Decision recorded* by ${mention(n.actor)} · ${escapeMrkdwn(n.program.name)}\n` +
      `*${escapeMrkdwn(truncate(d.question, 500))}*\n` +
      `> ${escapeMrkdwn(truncate(d.outcome, 1000))}` +
      `${movedLine(n.moved)}${where}`,
    BLOCK_LIMITS.sectionText,
  );
  const facts = `Decided by ${decidersLine(d.decidedBy)}${d.decidedAt ? ` on ${formatDayLabel(d.decidedAt)}` : ''} · Held up: ${blockedNames(n.program, d)}`;
  return message(
    `Decision recorded in ${escapeMrkdwn(n.program.name)}: ${escapeMrkdwn(truncate(d.question, 300))} → ${escapeMrkdwn(truncate(d.outcome, 500))}`,
    [section(DECISION_BLOCKS.recorded, body), context(undefined, facts)],
  );
}
