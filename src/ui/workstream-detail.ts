import type { SectionBlock } from '@slack/types';
import { dateMarks } from '../domain/date-marks.js';
import { type Program, type Workstream, workstreamsByKey } from '../domain/program.js';
import { RISK_INFO, STATUS_INFO } from '../domain/vocabulary.js';
import { encodeProgramRef, encodeWorkstreamRef } from './action-values.js';
import { actions, button, context, fieldsSection, header, message, section } from './blocks.js';
import { conflictLines, targetLine, upstreamDue } from './date-labels.js';
import { pendingDecisionBlocks } from './decision-detail.js';
import { ACTIONS, BLOCKS } from './ids.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mention, quotedMrkdwn, slackDate } from './mrkdwn.js';
import { ago } from './relative-time.js';

/** A labelled value; "" shows as "—". */
const field = (label: string, value: string) => `*${label}*\n${value || '—'}`;

/** Who last changed it and when: a mention, and a date Slack renders in the reader's own time zone. */
function lastUpdate(w: Workstream, now: Date): string {
  const who = w.updatedBy ? (w.updatedBy === 'import' ? 'an import' : mention(w.updatedBy)) : 'nobody yet';
  return `Last updated by ${who} ${slackDate(w.updatedAt)} (${ago(w.updatedAt, now)})`;
}

/**
 * `/rollout status WORKSTREAM`: everything the page says of one workstream, with an Update button. `moves`:
 * how many times its target moved (its history says).
 */
export function workstreamDetail(program: Program, w: Workstream, now: Date, moves = 0): SlackMessage {
  const byKey = workstreamsByKey(program);
  const dependsOn = w.dependsOn.map((k) => escapeMrkdwn(byKey.get(k)?.name ?? k)).join(', ');
  const status = STATUS_INFO[w.status];
  const risk = RISK_INFO[w.risk];
  const ref = encodeWorkstreamRef({ program: program.slug, workstream: w.key });
  return message(
    `${escapeMrkdwn(w.name)}: ${status.label}, ${risk.label} risk${w.blocker ? ` (blocker: ${escapeMrkdwn(w.blocker)})` : ''}`,
    [
      header(BLOCKS.statusHeader, w.name),
      fieldsSection(BLOCKS.workstreamFacts, [
        field('Status', `${status.emoji} ${status.label}`),
        field('Risk', `${risk.emoji} ${risk.label}`),
        field('Owning team', escapeMrkdwn(w.ownerTeam)),
        field('Owners', w.ownerIds.map(mention).join(', ')),
        // Who covers while the owners are away: they may update it too, and get its reminders then.
        ...(w.backupIds.length ? [field('Backups', w.backupIds.map(mention).join(', '))] : []),
        field('Depends on', dependsOn),
        field('Program', escapeMrkdwn(program.name)),
      ]),
      ...datesBlocks(program, w, moves),
      // A section each: escaping can make one text long enough to push the next out of a shared section.
      prose(BLOCKS.workstreamState, 'Current state', escapeMrkdwn(w.state)),
      // The snapshot keeps its lines, quoted, so that none of them reads as one of the labels around it.
      prose(BLOCKS.workstreamSnapshot, 'Snapshot', quotedMrkdwn(w.summary)),
      prose(BLOCKS.workstreamBlocker, 'Main blocker', escapeMrkdwn(w.blocker)),
      ...pendingDecisionBlocks(program, w, now),
      context(undefined, lastUpdate(w, now)),
      actions(BLOCKS.workstreamActions, [
        button(ACTIONS.openWorkstreamUpdate, 'Update', ref, { style: 'primary' }),
        button(ACTIONS.showStatus, 'All workstreams', encodeProgramRef(program.slug)),
      ]),
    ],
  );
}

/** A labelled text in a section of its own; `mrkdwn` is already escaped, and "" shows as "—". */
function prose(blockId: string, label: string, mrkdwn: string): SectionBlock {
  return section(blockId, field(label, mrkdwn));
}

/**
 * "Target 1 Feb 2027 · baseline 18 Jan: +2 weeks, moved twice", and a warning for each thing it depends on
 * that is due after it; nothing for work that never had a date.
 */
function datesBlocks(program: Program, w: Workstream, moves: number): SectionBlock[] {
  if (!w.target && !w.baseline) return [];
  const line = targetLine(w, moves);
  const conflicts = dateMarks(program).bySubject.get(w.key) ?? [];
  const lines = [
    line.charAt(0).toUpperCase() + line.slice(1),
    ...conflictLines(conflicts, (c) => `due before ${upstreamDue(c.upstream)}`),
  ];
  return [section(BLOCKS.workstreamDates, lines.join('\n'))];
}
