import type { KnownBlock } from '@slack/types';
import { canAddRisk, canEditRisk } from '../domain/permissions.js';
import { openRisks, type Program, type TopRisk } from '../domain/program.js';
import { RISK_INFO, RISKS } from '../domain/vocabulary.js';
import { encodeItemOf } from './action-values.js';
import { button, context, divider, message, section } from './blocks.js';
import { itemAction, LIST_ACTIONS, LIST_BLOCKS, listItemBlock } from './ids.js';
import { SURFACE_BLOCKS, truncate } from './limits.js';
import {
  addButton,
  fitItems,
  itemBlocks,
  type ListOptions,
  type ListViewer,
  listHead,
  moreOpenLine,
  scaleCounts,
  workstreamLabel,
} from './list-parts.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, slackDate } from './mrkdwn.js';
import { plural } from './plural.js';

/** Closed risks are listed briefly, most recently closed first, so one closed by mistake is a click away. */
const CLOSED_SHOWN = 3;

function byClosedLatest(a: TopRisk, b: TopRisk): number {
  return (b.closedAt ?? '').localeCompare(a.closedAt ?? '') || a.position - b.position;
}

/**
 * `/rollout risks`: open risks, high severity first, with the workstream and owning team each is about;
 * then the latest closed ones. Edit, Close and Reopen appear only on risks the viewer may change, and
 * "Add risk" only for members and admins.
 */
export function risksList(program: Program, viewer: ListViewer, opts: ListOptions = {}): SlackMessage {
  const open = openRisks(program);
  const closed = program.risks.filter((r) => r.status === 'closed').sort(byClosedLatest);
  const mayEdit = (r: TopRisk) => canEditRisk(viewer.userId, program, r, viewer.admins).allowed;
  const mayAdd = canAddRisk(viewer.userId, program, viewer.admins).allowed;

  const counts = scaleCounts(
    RISKS,
    RISK_INFO,
    open.map((r) => r.severity),
  );
  const summary = [
    open.length ? `*${plural(open.length, 'open risk')}*` : 'No open risks.',
    counts,
    closed.length ? `_${closed.length} closed_` : '',
  ]
    .filter(Boolean)
    .join('\n');

  const head = listHead(
    opts,
    `Top risks · ${program.name}`,
    summary,
    addButton(mayAdd, LIST_ACTIONS.riskAdd, 'Add risk', program),
  );
  if (open.length) head.push(divider());
  const tail = closedBlocks(program, closed, mayEdit);
  const room = SURFACE_BLOCKS.message - head.length - tail.length;
  const items = fitItems(
    open,
    (r) => openRiskBlocks(program, r, mayEdit(r)),
    room,
    (hidden) => moreOpenLine(program, hidden, 'more open risk', 'lower severity'),
  );
  const high = open.filter((r) => r.severity === 'high').length;
  return message(
    `Top risks of ${escapeMrkdwn(program.name)}: ${open.length} open (${high} high), ${closed.length} closed`,
    [...head, ...items, ...tail],
  );
}

/**
 * One risk as every list and confirmation shows it: "🔴 *High* · the risk", and under it the workstream
 * and its owning team.
 */
export function riskLine(program: Program, r: TopRisk): string {
  const sev = RISK_INFO[r.severity];
  return `${sev.emoji} *${sev.label}* · ${escapeMrkdwn(r.text)}\n_${workstreamLabel(program, r.workstream)}_`;
}

function openRiskBlocks(program: Program, r: TopRisk, editable: boolean): KnownBlock[] {
  return itemBlocks(
    'risk',
    program,
    r,
    riskLine(program, r),
    editable
      ? (ref, about) => [
          button(itemAction(LIST_ACTIONS.riskEdit, r.id), 'Edit', ref, { label: `Edit risk: ${about}` }),
          button(itemAction(LIST_ACTIONS.riskClose, r.id), 'Close', ref, { label: `Close risk: ${about}` }),
        ]
      : undefined,
  );
}

function closedBlocks(program: Program, closed: TopRisk[], mayEdit: (r: TopRisk) => boolean): KnownBlock[] {
  if (closed.length === 0) return [];
  const shown = closed.slice(0, CLOSED_SHOWN);
  const blocks: KnownBlock[] = [
    divider(),
    context(LIST_BLOCKS.closedHeader, `*Recently closed* (${closed.length} in all)`),
  ];
  for (const r of shown) {
    // Slack renders the date in the viewer's own time zone.
    const when = r.closedAt ? ` · closed ${slackDate(r.closedAt, '{date_short_pretty}')}` : '';
    const text = `:white_check_mark: ${escapeMrkdwn(truncate(r.text, 300))}\n_${workstreamLabel(program, r.workstream)}${when}_`;
    const ref = encodeItemOf(program, r);
    blocks.push(
      section(
        listItemBlock('risk', r.id),
        text,
        mayEdit(r)
          ? button(itemAction(LIST_ACTIONS.riskReopen, r.id), 'Reopen', ref, {
              label: `Reopen risk: ${truncate(r.text, 40)}`,
            })
          : undefined,
      ),
    );
  }
  if (closed.length > shown.length) {
    blocks.push(context(LIST_BLOCKS.closedMore, `…and ${closed.length - shown.length} more closed.`));
  }
  return blocks;
}
