import type { KnownBlock } from '@slack/types';
import { daysBetween, localDate } from '../domain/local-time.js';
import { canAddNextAction, canEditNextAction } from '../domain/permissions.js';
import type { NextAction, Program } from '../domain/program.js';
import { formatDayLabel } from '../domain/week.js';
import { button, divider, message } from './blocks.js';
import { itemAction, LIST_ACTIONS } from './ids.js';
import { SURFACE_BLOCKS } from './limits.js';
import {
  addButton,
  fitItems,
  itemBlocks,
  type ListOptions,
  type ListViewer,
  listHead,
  moreOpenLine,
  workstreamLabel,
} from './list-parts.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mention } from './mrkdwn.js';
import { plural } from './plural.js';

/** Soonest due first (so overdue ones lead), undated last, then the page's order. */
function byDue(a: NextAction, b: NextAction): number {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.position - b.position;
}

/** The action, then who owns it, its workstream and its due date, overdue ones marked against `today`. */
function nextActionLine(program: Program, a: NextAction, today: string): string {
  const overdue = !a.done && a.due !== null && a.due < today;
  const owner = a.owner ? `Owner: ${mention(a.owner)}` : 'Owner: _nobody yet_';
  let due = 'No due date';
  if (a.due !== null) {
    if (overdue) due = `*Due ${formatDayLabel(a.due)}* (${plural(daysBetween(a.due, today), 'day')} late)`;
    else if (a.due === today) due = '*Due today*';
    else due = `Due ${formatDayLabel(a.due)}`;
  }
  return [
    `${overdue ? ':warning: *OVERDUE* · ' : ''}${escapeMrkdwn(a.text)}`,
    `${owner} · _${workstreamLabel(program, a.workstream)}_ · ${due}`,
  ].join('\n');
}

/**
 * `/rollout actions`: open next actions, soonest due first, with owner, workstream and due date; overdue
 * against the program's own calendar date at `now`. Done ones are counted. Edit and Mark done appear only
 * on actions the viewer may change, "Add action" only for members and admins.
 */
export function nextActionsList(
  program: Program,
  viewer: ListViewer,
  now: Date,
  opts: ListOptions = {},
): SlackMessage {
  const today = localDate(now, program.timezone);
  const open = program.actions.filter((a) => !a.done).sort(byDue);
  const done = program.actions.length - open.length;
  const overdue = open.filter((a) => a.due !== null && a.due < today).length;
  const mayAdd = canAddNextAction(viewer.userId, program, viewer.admins).allowed;
  const summary = [
    open.length ? `*${plural(open.length, 'open action')}*` : 'No open actions.',
    [overdue ? `:warning: *${overdue} overdue*` : '', done ? `:white_check_mark: ${done} done` : '']
      .filter(Boolean)
      .join('   '),
  ]
    .filter(Boolean)
    .join('\n');

  const head = listHead(
    opts,
    `Next actions · ${program.name}`,
    summary,
    addButton(mayAdd, LIST_ACTIONS.nextActionAdd, 'Add action', program),
  );
  if (open.length) head.push(divider());
  const items = fitItems(
    open,
    (a) =>
      nextActionBlocks(
        program,
        a,
        today,
        canEditNextAction(viewer.userId, program, a, viewer.admins).allowed,
      ),
    SURFACE_BLOCKS.message - head.length,
    (hidden) => moreOpenLine(program, hidden, 'more open action', 'due later'),
  );
  return message(
    `Next actions of ${escapeMrkdwn(program.name)}: ${open.length} open, ${overdue} overdue, ${done} done`,
    [...head, ...items],
  );
}

function nextActionBlocks(program: Program, a: NextAction, today: string, editable: boolean): KnownBlock[] {
  return itemBlocks(
    'action',
    program,
    a,
    nextActionLine(program, a, today),
    editable
      ? (ref, about) => [
          button(itemAction(LIST_ACTIONS.nextActionEdit, a.id), 'Edit', ref, {
            label: `Edit action: ${about}`,
          }),
          button(itemAction(LIST_ACTIONS.nextActionDone, a.id), 'Mark done', ref, {
            style: 'primary',
            label: `Mark done: ${about}`,
          }),
        ]
      : undefined,
  );
}
