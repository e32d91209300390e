import type { Button, KnownBlock, SectionBlock } from '@slack/types';
import type { Program, Workstream } from '../domain/program.js';
import { oneLine } from '../domain/user-text.js';
import { byRiskThenPosition, RISK_INFO, RISKS, STATUS_INFO, STATUSES } from '../domain/vocabulary.js';
import { encodeProgramRef, encodeStatusPageRef, encodeWorkstreamRef } from './action-values.js';
import { ACTIONS, BLOCKS, workstreamRowBlock } from './ids.js';
import { BLOCK_LIMITS, truncate } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** Header, counts and divider: what the overview spends before any workstream. */
export const HEAD_BLOCKS = 3;

/** The head and the "and N more" line: what a cut overview spends besides its rows. */
export const FIXED_BLOCKS = HEAD_BLOCKS + 1;

/** Workstreams that need eyes come first: high risk, then blocked/waiting, then the page's order. */
function overviewOrder(a: Workstream, b: Workstream): number {
  const doneA = a.status === 'done' ? 1 : 0;
  const doneB = b.status === 'done' ? 1 : 0;
  return doneA - doneB || byRiskThenPosition(a, b);
}

export function statusLine(w: Workstream): string {
  const s = STATUS_INFO[w.status];
  const r = RISK_INFO[w.risk];
  return `${s.emoji} ${s.label} · ${r.emoji} ${r.label} risk`;
}

/** One workstream as a row of the overview: status, risk, owning team and main blocker at a glance. */
export function workstreamRow(w: Workstream): string {
  const lines = [`*${escapeMrkdwn(w.name)}*`, statusLine(w)];
  if (w.ownerTeam) lines.push(`_${escapeMrkdwn(w.ownerTeam)}_`);
  if (w.blocker && w.status !== 'done') lines.push(`*Blocker:* ${escapeMrkdwn(w.blocker)}`);
  return truncate(lines.join('\n'), BLOCK_LIMITS.sectionText);
}

function countsLine(program: Program): { risk: string; status: string } {
  const byStatus = new Map<string, number>();
  const byRisk = new Map<string, number>();
  for (const w of program.workstreams) {
    byStatus.set(w.status, (byStatus.get(w.status) ?? 0) + 1);
    if (w.status !== 'done') byRisk.set(w.risk, (byRisk.get(w.risk) ?? 0) + 1);
  }
  const status = STATUSES.filter((s) => byStatus.has(s))
    .map((s) => `${STATUS_INFO[s].emoji} ${STATUS_INFO[s].label}: *${byStatus.get(s)}*`)
    .join('   ');
  const risk = RISKS.filter((r) => byRisk.has(r))
    .map((r) => `${RISK_INFO[r].emoji} ${RISK_INFO[r].label} risk: *${byRisk.get(r)}*`)
    .join('   ');
  return { risk, status };
}

/** Rows on one page of `/rollout status` for a program too large for one message: a screenful to scan. */
export const STATUS_PAGE_SIZE = 20;

/** A program with no more workstreams than this is shown whole, in one message without page buttons. */
export const WHOLE_PROGRAM_ROWS = BLOCK_LIMITS.messageBlocks - HEAD_BLOCKS;

/** The header and headline counts (and a divider when there are rows below them). */
function overviewHead(program: Program, total: number): KnownBlock[] {
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      block_id: BLOCKS.statusHeader,
      text: {
        type: 'plain_text',
        text: truncate(oneLine(program.name), BLOCK_LIMITS.headerText),
        emoji: true,
      },
    },
  ];
  if (total === 0) {
    blocks.push({
      type: 'section',
      block_id: BLOCKS.statusCounts,
      text: {
        type: 'mrkdwn',
        text: 'This program has no workstreams yet. An admin adds them with `rollout import`.',
      },
    });
    return blocks;
  }
  const { risk, status } = countsLine(program);
  blocks.push(
    {
      type: 'section',
      block_id: BLOCKS.statusCounts,
      text: {
        type: 'mrkdwn',
        text: truncate(
          [`*${total}* workstream${total === 1 ? '' : 's'}`, status, risk].filter(Boolean).join('\n'),
          BLOCK_LIMITS.sectionText,
        ),
      },
    },
    { type: 'divider' },
  );
  return blocks;
}

function fallbackText(program: Program): string {
  const total = program.workstreams.length;
  const blocked = program.workstreams.filter((w) => w.status === 'blocked').length;
  const high = program.workstreams.filter((w) => w.risk === 'high' && w.status !== 'done').length;
  return truncate(
    `${escapeMrkdwn(program.name)}: ${total} workstream${total === 1 ? '' : 's'}, ${blocked} blocked, ${high} high risk`,
    BLOCK_LIMITS.fallbackText,
  );
}

const moreWorkstreams = (n: number) => `${n.toLocaleString('en-US')} more workstream${n === 1 ? '' : 's'}`;

/**
 * A program's overview cut to `maxBlocks` (the App Home tab shares its blocks among programs): every
 * workstream's status, risk, owning team and main blocker, high risks first, then "…and N more" with an
 * All workstreams button that opens the paged overview.
 */
export function statusOverview(
  program: Program,
  maxBlocks: number = BLOCK_LIMITS.messageBlocks,
): SlackMessage {
  const ordered = [...program.workstreams].sort(overviewOrder);
  const blocks = overviewHead(program, ordered.length);
  const room = Math.max(0, maxBlocks - FIXED_BLOCKS);
  const shown = ordered.length > room + 1 ? ordered.slice(0, room) : ordered;
  for (const w of shown) blocks.push(workstreamSection(program, w));
  const hidden = ordered.length - shown.length;
  if (hidden > 0) {
    blocks.push({
      type: 'section',
      block_id: BLOCKS.statusMore,
      text: {
        type: 'mrkdwn',
        text: `…and ${moreWorkstreams(hidden)} (lower risk). See one with \`/rollout status WORKSTREAM\`, or page through them all.`,
      },
      accessory: {
        type: 'button',
        action_id: ACTIONS.showStatus,
        text: { type: 'plain_text', text: 'All workstreams' },
        value: encodeProgramRef(program.slug),
      },
    });
  }
  return { text: fallbackText(program), blocks };
}

/**
 * `/rollout status`: every workstream, high risks first, each row with a Details button. A program too
 * large for one message comes a page at a time: each page says which rows it shows and how many more, with
 * Previous/Next buttons that turn the page in place. `page` counts from 0; past the end (the program shrank
 * since the button was drawn) it shows the last page.
 */
export function statusPage(program: Program, page = 0): SlackMessage {
  const ordered = [...program.workstreams].sort(overviewOrder);
  const total = ordered.length;
  const pageSize = total <= WHOLE_PROGRAM_ROWS ? Math.max(1, total) : STATUS_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const index = Math.min(Math.max(0, Math.trunc(page) || 0), pages - 1);
  const from = index * pageSize;
  const rows = ordered.slice(from, from + pageSize);
  const blocks = overviewHead(program, total);
  for (const w of rows) blocks.push(workstreamSection(program, w));
  if (pages > 1) blocks.push(...pageFooter(program, index, pages, from, rows.length, total));
  return { text: fallbackText(program), blocks };
}

function pageFooter(
  program: Program,
  index: number,
  pages: number,
  from: number,
  shown: number,
  total: number,
): KnownBlock[] {
  const to = from + shown;
  const after = total - to;
  const where = `Workstreams ${from + 1}–${to} of ${total.toLocaleString('en-US')}, high risks first`;
  const more = after > 0 ? `; …and ${moreWorkstreams(after)}` : '';
  const buttons: Button[] = [];
  if (index > 0)
    buttons.push({
      type: 'button',
      action_id: ACTIONS.statusPagePrevious,
      text: { type: 'plain_text', text: `‹ Previous ${STATUS_PAGE_SIZE}` },
      value: encodeStatusPageRef({ program: program.slug, page: index - 1 }),
    });
  if (index < pages - 1)
    buttons.push({
      type: 'button',
      action_id: ACTIONS.statusPageNext,
      text: { type: 'plain_text', text: `Next ${Math.min(STATUS_PAGE_SIZE, after)} ›` },
      value: encodeStatusPageRef({ program: program.slug, page: index + 1 }),
    });
  return [
    {
      type: 'context',
      block_id: BLOCKS.statusMore,
      elements: [
        {
          type: 'mrkdwn',
          text: `${where}${more}. See one with \`/rollout status WORKSTREAM\`.`,
        },
      ],
    },
    { type: 'actions', block_id: BLOCKS.statusPages, elements: buttons },
  ];
}

const firstPages = new WeakMap<Program, SlackMessage>();

/**
 * The first page of `statusPage`, built once per program snapshot: the store hands out the same frozen
 * Program until something changes, so the answer to `/rollout status` is reused until then.
 */
export function statusPageOf(program: Program): SlackMessage {
  let message = firstPages.get(program);
  if (!message) {
    message = statusPage(program);
    firstPages.set(program, message);
  }
  return message;
}

function workstreamSection(program: Program, w: Workstream): SectionBlock {
  return {
    type: 'section',
    block_id: truncate(workstreamRowBlock(w.key), BLOCK_LIMITS.blockId),
    text: { type: 'mrkdwn', text: workstreamRow(w) },
    accessory: {
      type: 'button',
      action_id: ACTIONS.showWorkstream,
      text: { type: 'plain_text', text: 'Details' },
      value: encodeWorkstreamRef({ program: program.slug, workstream: w.key }),
      accessibility_label: truncate(`Details of ${oneLine(w.name)}`, BLOCK_LIMITS.buttonText),
    },
  };
}
