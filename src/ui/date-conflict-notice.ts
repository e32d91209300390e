import type { Program } from '../domain/program.js';
import type { DateConflict } from '../domain/target-dates.js';
import { context, message, section } from './blocks.js';
import { dayLabel } from './date-labels.js';
import { truncate } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';

const nameOf = (name: string) => escapeMrkdwn(truncate(name, 150));

/** "Internal readiness gate is due 15 Jan 2027 but depends on Identity and SSO, due 1 Feb 2027", escaped. */
export function conflictSentence(c: DateConflict): string {
  const due = (d: string | null) => (d ? dayLabel(d) : 'undated');
  return `${nameOf(c.subject.name)} is due ${due(c.subject.target)} but depends on ${nameOf(c.upstream.name)}, due ${due(c.upstream.target)}`;
}

/** The DM to the owners of something now due before what it depends on. */
export function dateConflictNotice(program: Program, c: DateConflict): SlackMessage {
  const text = `:warning: *Date conflict in ${nameOf(program.name)}:* ${conflictSentence(c)}.`;
  const what = c.subject.kind === 'milestone' ? '`/rollout milestones`' : '`/rollout status`';
  return message(`Date conflict in ${nameOf(program.name)}: ${conflictSentence(c)}`, [
    section(undefined, text),
    context(
      undefined,
      `You own ${nameOf(c.subject.name)}. Move one of the dates, or agree the dependency with its owners. See ${what}.`,
    ),
  ]);
}
