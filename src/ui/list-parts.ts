import type { Button, ContextBlock, KnownBlock, PlainTextOption, View } from '@slack/types';
import type { Program } from '../domain/program.js';
import { encodeItemOf, encodeProgramRef } from './action-values.js';
import { actions, button, context, header, option, section } from './blocks.js';
import { LIST_BLOCKS, listItemBlock, listItemButtonsBlock } from './ids.js';
import { BLOCK_LIMITS, truncate } from './limits.js';
import { formModal, formProgramLine, historyNoteInput } from './modal-parts.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { plural } from './plural.js';

/**
 * Pieces shared by the risks, readiness and next-actions lists and their forms. Lists are ephemeral
 * messages (50 blocks); each item is cut to fit, and a list that does not fit says how many more there are.
 */

/** For the listeners, which build an Undo button with it; Rollout's own builders import blocks.ts. */
export { button } from './blocks.js';

/** Who is looking, to offer only the buttons they may use (the service checks again on submit). */
export interface ListViewer {
  userId: string;
  /** Rollout's global admins (`ROLLOUT_ADMINS`); the program's own admins are in the program. */
  admins: readonly string[];
}

export interface ListOptions {
  /** A line above the list saying what just happened; mrkdwn the caller has escaped. */
  notice?: string;
  /** A button beside the notice that takes it back (Reopen, Not done). */
  undo?: Button;
}

/** The workstream select's "no workstream" choice: not a valid key (keys start with a letter or digit). */
export const NO_WORKSTREAM = '_none';

/** Shown in a list for an item's workstream: "Identity and SSO · Identity and Security", escaped. */
export function workstreamLabel(program: Program, key: string | null): string {
  if (key === null) return 'Program-wide';
  const w = program.workstreams.find((x) => x.key === key);
  if (!w) return escapeMrkdwn(key);
  return escapeMrkdwn(w.ownerTeam ? `${w.name} · ${w.ownerTeam}` : w.name);
}

/** "None" then the program's workstreams, the current one kept within a select's 100 options. */
export function workstreamOptions(program: Program, current: string | null): PlainTextOption[] {
  const room = BLOCK_LIMITS.selectOptions - 1;
  let shown = program.workstreams.slice(0, room);
  const cur = current === null ? undefined : program.workstreams.find((w) => w.key === current);
  if (cur && !shown.includes(cur)) shown = [...shown.slice(0, room - 1), cur];
  return [
    option(NO_WORKSTREAM, 'None (program-wide)'),
    ...shown.map((w) => option(w.key, w.name, w.ownerTeam || undefined)),
  ];
}

/** The select's value as the services take it: a key, or null for none. */
export function workstreamFromSelect(value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  return value === NO_WORKSTREAM || value === '' ? null : value;
}

export interface ItemForm {
  /** The callback_ids of adding and of editing. */
  callbackIds: { add: string; edit: string };
  /** What the item is called in the title: "Add risk", "Edit risk". */
  noun: string;
  /** The item's inputs, between the program's name and the note. */
  blocks: KnownBlock[];
  /** The note's block, and its placeholder when adding (an edit asks why it changed). */
  note: { blockId: string; whenAdding: string };
}

/**
 * A list item's form: adding one to the program (no `item`), or editing `item`, in which case the form
 * carries the version it was opened on, to catch someone else's change.
 */
export function itemFormModal(
  program: Program,
  item: { id: number; version: number } | undefined,
  form: ItemForm,
): View {
  return formModal({
    callbackId: item ? form.callbackIds.edit : form.callbackIds.add,
    metadata: item ? encodeItemOf(program, item) : encodeProgramRef(program.slug),
    title: `${item ? 'Edit' : 'Add'} ${form.noun}`,
    submit: item ? 'Save' : 'Add',
    blocks: [
      formProgramLine(program.name),
      ...form.blocks,
      historyNoteInput(form.note.blockId, item ? 'Why it changed (optional)' : form.note.whenAdding),
    ],
  });
}

/**
 * "🔴 High: *2*   🟡 Medium: *1*": how many of `values` take each value of a scale, in the scale's order;
 * values none take are left out.
 */
export function scaleCounts<V extends string>(
  scale: readonly V[],
  info: Record<V, { emoji: string; label: string }>,
  values: readonly V[],
): string {
  return scale
    .map((v) => ({ v, n: values.filter((x) => x === v).length }))
    .filter((c) => c.n > 0)
    .map((c) => `${info[c.v].emoji} ${info[c.v].label}: *${c.n}*`)
    .join('   ');
}

/** A list's Add button (beside its summary), for those who may add to the program's list. */
export function addButton(
  allowed: boolean,
  actionId: string,
  text: string,
  program: Program,
): Button | undefined {
  return allowed ? button(actionId, text, encodeProgramRef(program.slug), { style: 'primary' }) : undefined;
}

/**
 * An open item of a list: its line, and under it the buttons (`buttons(ref, about)`, `about` the item's text
 * cut for their accessibility labels) for those who may change it.
 */
export function itemBlocks(
  kind: 'risk' | 'action',
  program: Program,
  item: { id: number; version: number; text: string },
  line: string,
  buttons: ((ref: string, about: string) => Button[]) | undefined,
): KnownBlock[] {
  const blocks: KnownBlock[] = [section(listItemBlock(kind, item.id), line)];
  if (buttons) {
    blocks.push(
      actions(
        listItemButtonsBlock(kind, item.id),
        buttons(encodeItemOf(program, item), truncate(item.text, 40)),
      ),
    );
  }
  return blocks;
}

/** The notice line (if any) that goes first. */
function noticeBlocks(opts: ListOptions): KnownBlock[] {
  return opts.notice ? [section(LIST_BLOCKS.notice, opts.notice, opts.undo)] : [];
}

/**
 * A list's first blocks: the notice (if any), the header, and the summary with `add` (an Add button) beside it;
 * `ids`, the header's and the summary's block_ids.
 */
export function listHead(
  opts: ListOptions,
  title: string,
  summary: string,
  add?: Button,
  ids: { header: string; summary: string } = LIST_BLOCKS,
): KnownBlock[] {
  return [...noticeBlocks(opts), header(ids.header, title), section(ids.summary, summary, add)];
}

/** Closes a list of open items cut to fit: how many more (`items`, e.g. "more open risk"), and how to see them all. */
export function moreOpenLine(program: Program, hidden: number, item: string, which: string): ContextBlock {
  return context(
    LIST_BLOCKS.more,
    `…and ${plural(hidden, item)} (${which}). An admin can export them all with \`rollout export ${escapeMrkdwn(program.slug)} --format markdown\`.`,
  );
}

/**
 * The items' blocks that fit in `room`, in order; when some do not, the last block is `more(hidden)`.
 * An item is shown whole or not at all.
 */
export function fitItems<T>(
  items: readonly T[],
  blocksOf: (item: T) => KnownBlock[],
  room: number,
  more: (hidden: number) => KnownBlock,
): KnownBlock[] {
  const out: KnownBlock[] = [];
  let shown = 0;
  for (const item of items) {
    const next = blocksOf(item);
    const reserve = shown + 1 < items.length ? 1 : 0;
    if (out.length + next.length + reserve > room) break;
    out.push(...next);
    shown++;
  }
  if (shown < items.length) out.push(more(items.length - shown));
  return out;
}
