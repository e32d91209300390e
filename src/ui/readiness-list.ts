import { canEditReadiness } from '../domain/permissions.js';
import type { Program, Readiness } from '../domain/program.js';
import { SIGNAL_INFO, SIGNALS } from '../domain/vocabulary.js';
import { encodeItemOf } from './action-values.js';
import { button, context, divider, message, section } from './blocks.js';
import { itemAction, LIST_ACTIONS, LIST_BLOCKS, listItemBlock } from './ids.js';
import { SURFACE_BLOCKS, truncate } from './limits.js';
import { fitItems, type ListOptions, type ListViewer, listHead, scaleCounts } from './list-parts.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { plural } from './plural.js';

/** "🟡 *Hosting readiness* — Partially ready", and the note under it. */
function readinessLine(r: Readiness): string {
  const s = SIGNAL_INFO[r.signal];
  return `${s.emoji} *${escapeMrkdwn(r.name)}* — ${s.label}\n${r.note ? escapeMrkdwn(r.note) : '_no note_'}`;
}

/**
 * `/rollout readiness`: each dimension's signal and note, in the page's order. Readiness is the program's
 * go/no-go call, so only admins get a Change button; others are told who can change it.
 */
export function readinessList(program: Program, viewer: ListViewer, opts: ListOptions = {}): SlackMessage {
  const readiness = program.readiness;
  const isAdmin = canEditReadiness(viewer.userId, program, viewer.admins).allowed;
  const counts = scaleCounts(
    SIGNALS,
    SIGNAL_INFO,
    readiness.map((d) => d.signal),
  );
  const head = listHead(
    opts,
    `Readiness · ${program.name}`,
    readiness.length
      ? `*${plural(readiness.length, 'dimension')}*\n${counts}`
      : 'No readiness dimensions yet. An admin adds them to the program file and imports it with `rollout import`.',
  );
  if (!isAdmin && readiness.length) {
    head.push(
      context(
        LIST_BLOCKS.hint,
        `Only an admin of ${escapeMrkdwn(program.name)} changes readiness: it is the program’s go/no-go call.`,
      ),
    );
  }
  if (readiness.length) head.push(divider());
  const items = fitItems(
    readiness,
    (d) => [
      section(
        listItemBlock('readiness', d.id),
        readinessLine(d),
        isAdmin
          ? button(itemAction(LIST_ACTIONS.readinessEdit, d.id), 'Change', encodeItemOf(program, d), {
              label: `Change ${truncate(d.name, 60)}`,
            })
          : undefined,
      ),
    ],
    SURFACE_BLOCKS.message - head.length,
    (hidden) => context(LIST_BLOCKS.more, `…and ${plural(hidden, 'more dimension')}.`),
  );
  const notReady = readiness.filter((d) => d.signal === 'not-ready').length;
  return message(
    `Readiness of ${escapeMrkdwn(program.name)}: ${plural(readiness.length, 'dimension')}, ${notReady} not ready`,
    [...head, ...items],
  );
}
