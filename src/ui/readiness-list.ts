import type { KnownBlock } from '@slack/types';
import { canEditReadiness } from '../domain/permissions.js';
import type { Program, ReadinessDimension } from '../domain/program.js';
import { SIGNAL_INFO, SIGNALS } from '../domain/vocabulary.js';
import { encodeItemRef } from './action-values.js';
import { itemAction, LIST_ACTIONS, LIST_BLOCKS, listItemBlock } from './ids.js';
import { BLOCK_LIMITS, truncate } from './limits.js';
import {
  button,
  contextLine,
  fitItems,
  type ListOptions,
  type ListViewer,
  listHeader,
  mrkdwnSection,
  noticeBlocks,
  plural,
} from './list-parts.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** "🟡 *Hosting readiness* — Partially ready", and the note under it. */
export function readinessLine(d: ReadinessDimension): string {
  const s = SIGNAL_INFO[d.signal];
  return `${s.emoji} *${escapeMrkdwn(d.name)}* — ${s.label}\n${d.note ? escapeMrkdwn(d.note) : '_no note_'}`;
}

/**
 * `/rollout readiness`: each dimension's signal and note, in the page's order. Readiness is the program's
 * go/no-go call, so only admins get a Change button; others are told who can change it.
 */
export function readinessList(program: Program, viewer: ListViewer, opts: ListOptions = {}): SlackMessage {
  const dims = program.readiness;
  const isAdmin = canEditReadiness(viewer.userId, program, viewer.admins).allowed;
  const counts = SIGNALS.map((s) => ({ s, n: dims.filter((d) => d.signal === s).length }))
    .filter((c) => c.n > 0)
    .map((c) => `${SIGNAL_INFO[c.s].emoji} ${SIGNAL_INFO[c.s].label}: *${c.n}*`)
    .join('   ');
  const head: KnownBlock[] = [
    ...noticeBlocks(opts),
    listHeader(`Readiness · ${program.name}`),
    mrkdwnSection(
      LIST_BLOCKS.summary,
      dims.length
        ? `*${plural(dims.length, 'dimension')}*\n${counts}`
        : 'No readiness dimensions yet. An admin adds them to the program file and imports it with `rollout import`.',
    ),
  ];
  if (!isAdmin && dims.length) {
    head.push(
      contextLine(
        LIST_BLOCKS.hint,
        `Only an admin of ${escapeMrkdwn(program.name)} changes readiness: it is the program’s go/no-go call.`,
      ),
    );
  }
  if (dims.length) head.push({ type: 'divider' });
  const items = fitItems(
    dims,
    (d) => [
      mrkdwnSection(
        listItemBlock('readiness', d.id),
        readinessLine(d),
        isAdmin
          ? button(
              itemAction(LIST_ACTIONS.readinessEdit, d.id),
              'Change',
              encodeItemRef({ program: program.slug, id: d.id, version: d.version }),
              { label: `Change ${truncate(d.name, 60)}` },
            )
          : undefined,
      ),
    ],
    BLOCK_LIMITS.messageBlocks - head.length,
    (hidden) => contextLine(LIST_BLOCKS.more, `…and ${plural(hidden, 'more dimension')}.`),
  );
  const notReady = dims.filter((d) => d.signal === 'not-ready').length;
  const text = truncate(
    `Readiness of ${escapeMrkdwn(program.name)}: ${plural(dims.length, 'dimension')}, ${notReady} not ready`,
    BLOCK_LIMITS.fallbackText,
  );
  return { text, blocks: [...head, ...items] };
}
