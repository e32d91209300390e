import type { KnownBlock } from '@slack/types';
import { type DateMarks, dateMarks } from '../domain/date-marks.js';
import { canAddMilestone, canEditMilestone } from '../domain/permissions.js';
import type { Program } from '../domain/program.js';
import { type DateConflict, type MilestoneOutlook, milestoneOutlooks } from '../domain/target-dates.js';
import { encodeItemOf } from './action-values.js';
import { button, context, divider, message, section } from './blocks.js';
import { conflictLines, dayLabel, targetLine, upstreamDue } from './date-labels.js';
import { itemAction, MILESTONE_ACTIONS, MILESTONE_BLOCKS, milestoneItemBlock } from './ids.js';
import { SURFACE_BLOCKS, truncate } from './limits.js';
import { addButton, fitItems, type ListOptions, type ListViewer, listHead } from './list-parts.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mention } from './mrkdwn.js';
import { plural } from './plural.js';

/** How many names a line of upstream work lists before counting the rest. */
const NAMED = 4;

/** A name as a line shows it: escaped and cut, so that one long name cannot crowd out the rest. */
const nameOf = (name: string) => escapeMrkdwn(truncate(name, 100));

function namesLine(names: readonly string[]): string {
  const shown = names.slice(0, NAMED).map(nameOf);
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/**
 * `/rollout milestones`: each milestone with its target (and its baseline and slip once moved), its forecast
 * from what it waits on, what it still waits on, whether it is at risk and why, and a warning when it is due
 * before something it depends on. Edit on those the viewer may change, Add milestone for admins.
 * `moves`: how many times each milestone's target moved, by key (from the history); `opts.notice`, a line on
 * top once a form opened from the list is saved.
 */
export function milestonesList(
  program: Program,
  viewer: ListViewer,
  moves: ReadonlyMap<string, number> = new Map(),
  opts: ListOptions = {},
): SlackMessage {
  const outlooks = milestoneOutlooks(program);
  const marks = dateMarks(program);
  const atRisk = outlooks.filter((o) => o.atRisk).length;
  const conflicted = outlooks.filter((o) => marks.bySubject.has(o.milestone.key)).length;
  const mayAdd = canAddMilestone(viewer.userId, program, viewer.admins).allowed;

  const summary = outlooks.length
    ? [
        `*${plural(outlooks.length, 'milestone')}*`,
        atRisk ? `:rotating_light: ${atRisk} at risk` : '',
        conflicted
          ? `:warning: ${conflicted} due before what ${conflicted === 1 ? 'it waits' : 'they wait'} on`
          : '',
      ]
        .filter(Boolean)
        .join('   ')
    : 'No milestones yet.';
  const head = listHead(
    opts,
    `Milestones · ${program.name}`,
    summary,
    addButton(mayAdd, MILESTONE_ACTIONS.add, 'Add milestone', program),
    MILESTONE_BLOCKS,
  );
  if (outlooks.length) head.push(divider());
  const items = fitItems(
    outlooks,
    (o) => [milestoneBlock(program, o, viewer, moves.get(o.milestone.key) ?? 0, marks)],
    SURFACE_BLOCKS.message - head.length,
    (hidden) =>
      context(
        MILESTONE_BLOCKS.more,
        `…and ${plural(hidden, 'more milestone')}. An admin can export them all with \`rollout export ${escapeMrkdwn(program.slug)}\`.`,
      ),
  );
  return message(
    `Milestones of ${escapeMrkdwn(program.name)}: ${outlooks.length}, ${atRisk} at risk, ${conflicted} due before what they wait on`,
    [...head, ...items],
  );
}

function milestoneBlock(
  program: Program,
  o: MilestoneOutlook,
  viewer: ListViewer,
  moves: number,
  marks: DateMarks,
): KnownBlock {
  const m = o.milestone;
  const mayEdit = canEditMilestone(viewer.userId, program, m, viewer.admins).allowed;
  return section(
    milestoneItemBlock(m.id),
    milestoneText(o, moves, marks.bySubject.get(m.key) ?? []),
    mayEdit
      ? button(itemAction(MILESTONE_ACTIONS.edit, m.id), 'Edit', encodeItemOf(program, m), {
          label: `Edit milestone: ${truncate(m.name, 40)}`,
        })
      : undefined,
  );
}

/** The lines of one milestone, escaped mrkdwn; `conflicts`: the milestone's own, from the program's marks. */
export function milestoneText(
  o: MilestoneOutlook,
  moves: number,
  conflicts: readonly DateConflict[],
): string {
  const m = o.milestone;
  const owner = m.owner ? ` · ${mention(m.owner)}` : '';
  const lines = [`*${nameOf(m.name)}*${owner}`, targetLine(m, moves)];
  lines.push(forecastLine(o));
  lines.push(
    o.waitingOn.length
      ? `*Waits on:* ${namesLine(o.waitingOn.map((u) => u.name))}`
      : m.dependsOn.length
        ? '*Waits on:* nothing left: everything it depends on is done'
        : '*Waits on:* nothing named',
  );
  if (o.atRisk) lines.push(`:rotating_light: *At risk:* ${riskWhy(o)}`);
  lines.push(
    ...conflictLines(conflicts, (c) => {
      const due = c.subject.target ? dayLabel(c.subject.target) : 'undated';
      return `Due ${due} but depends on ${upstreamDue(c.upstream)}`;
    }),
  );
  return lines.join('\n');
}

/**
 * "*Forecast:* 1 Feb 2027, after its target" when what it waits on is due later; the forecast alone
 * otherwise. Labelled like the lines around it ("*Waits on:*").
 */
function forecastLine(o: MilestoneOutlook): string {
  if (!o.forecast) return '*Forecast:* none yet, as nothing it waits on has a target date';
  const late = o.milestone.target !== null && o.forecast > o.milestone.target;
  return late
    ? `:hourglass: *Forecast:* ${dayLabel(o.forecast)}, after its target`
    : `*Forecast:* ${dayLabel(o.forecast)}`;
}

/** "Identity and SSO is blocked; Kanopy hosting is high risk". */
function riskWhy(o: MilestoneOutlook): string {
  const reasons = o.riskyUpstream.map(
    (w) =>
      `${nameOf(w.name)} is ${w.status === 'blocked' ? (w.risk === 'high' ? 'blocked and high risk' : 'blocked') : 'high risk'}`,
  );
  const shown = reasons.slice(0, NAMED);
  const rest = reasons.length - shown.length;
  return `${shown.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`;
}
