import type { KnownBlock, SectionBlock } from '@slack/types';
import type { Program, Workstream } from '../domain/program.js';
import { byRiskThenPosition, RISK_INFO, RISKS, STATUS_INFO, STATUSES } from '../domain/vocabulary.js';
import { encodeWorkstreamRef } from './action-values.js';
import { ACTIONS, BLOCKS, workstreamRowBlock } from './ids.js';
import { BLOCK_LIMITS, truncate } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** Header, counts, a divider and the "and N more" line: what the overview spends before any workstream. */
const FIXED_BLOCKS = 4;

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

/**
 * `/rollout status`: every workstream's status, risk, owning team and main blocker, high risks first,
 * each with a Details button. A program larger than one message shows what fits and says how many more.
 */
export function statusOverview(
  program: Program,
  maxBlocks: number = BLOCK_LIMITS.messageBlocks,
): SlackMessage {
  const ordered = [...program.workstreams].sort(overviewOrder);
  const { risk, status } = countsLine(program);
  const total = ordered.length;
  const blocked = ordered.filter((w) => w.status === 'blocked').length;
  const high = ordered.filter((w) => w.risk === 'high' && w.status !== 'done').length;

  const blocks: KnownBlock[] = [
    {
      type: 'header',
      block_id: BLOCKS.statusHeader,
      text: { type: 'plain_text', text: truncate(program.name, BLOCK_LIMITS.headerText), emoji: true },
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
  } else {
    blocks.push({
      type: 'section',
      block_id: BLOCKS.statusCounts,
      text: {
        type: 'mrkdwn',
        text: truncate(
          [`*${total}* workstream${total === 1 ? '' : 's'}`, status, risk].filter(Boolean).join('\n'),
          BLOCK_LIMITS.sectionText,
        ),
      },
    });
    blocks.push({ type: 'divider' });
  }
  const room = Math.max(0, maxBlocks - FIXED_BLOCKS);
  const shown = ordered.length > room + 1 ? ordered.slice(0, room) : ordered;
  for (const w of shown) blocks.push(workstreamSection(program, w));
  const hidden = total - shown.length;
  if (hidden > 0) {
    blocks.push({
      type: 'context',
      block_id: BLOCKS.statusMore,
      elements: [
        {
          type: 'mrkdwn',
          text: `…and ${hidden} more workstream${hidden === 1 ? '' : 's'} (lower risk). See one with \`/rollout status WORKSTREAM\`; an admin can export all with \`rollout export ${escapeMrkdwn(program.slug)} --format markdown\`.`,
        },
      ],
    });
  }
  const text = truncate(
    `${escapeMrkdwn(program.name)}: ${total} workstream${total === 1 ? '' : 's'}, ${blocked} blocked, ${high} high risk`,
    BLOCK_LIMITS.fallbackText,
  );
  return { text, blocks };
}

const built = new WeakMap<Program, SlackMessage>();

/**
 * `statusOverview` at the message limit, built once per program snapshot: the store hands out the same
 * frozen Program until something changes, so the answer to `/rollout status` is reused until then.
 */
export function statusOverviewOf(program: Program): SlackMessage {
  let message = built.get(program);
  if (!message) {
    message = statusOverview(program);
    built.set(program, message);
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
      accessibility_label: truncate(`Details of ${w.name}`, BLOCK_LIMITS.buttonText),
    },
  };
}
