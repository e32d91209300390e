import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { View } from '@slack/types';
import type { Deps } from '../../deps.js';
import type { Permission } from '../../domain/permissions.js';
import type { Program } from '../../domain/program.js';
import type { Services } from '../../services/index.js';
import { decodeItemRef, decodeProgramRef, encodeItemOf, type ItemRef } from '../../ui/action-values.js';
import { itemActionPattern } from '../../ui/ids.js';
import { itemHeading } from '../../ui/list-changes.js';
import { button } from '../../ui/list-parts.js';
import type { ListenerRouter } from '../router.js';
import { buttonListener } from './failures.js';
import { openListModal, openNotFound } from './open-list-modal.js';
import { answerQuickEdit, type QuickAnswer, type QuickResult, tellBeside } from './quick-edit.js';

/**
 * The buttons of the risks, readiness and next-actions lists: Add and Edit open the item's form (or say why
 * not), the quick ones (Close, Reopen, Mark done) change the item at once. What differs between the lists
 * (which items, which permission, which form, which service call) is passed in.
 */

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Which of the program's lists the items are in. */
type ListKey = 'risks' | 'readiness' | 'actions';
type ItemOf<K extends ListKey> = Program[K][number];

export interface AddButton {
  /** The button's action_id. */
  actionId: string;
  /** Said when the program is gone. */
  gone: string;
  /** The warn log's event when the form is refused. */
  refusedEvent: string;
  permission: (userId: string, program: Program, admins: readonly string[]) => Permission;
  view: (program: Program) => View;
}

/** The Add button: the form for a new item of the program the button names. */
export function registerAddButton(
  router: ListenerRouter,
  deps: Deps,
  services: Services,
  spec: AddButton,
): void {
  router.action<BlockButtonAction>(
    spec.actionId,
    buttonListener(deps, async ({ ack, action, body, client }) => {
      await ack();
      const req = { client, deps, triggerId: body.trigger_id, userId: body.user.id };
      const slug = decodeProgramRef(action.value);
      const program = slug ? services.programs.get(slug) : undefined;
      if (!program) return openNotFound(req, spec.gone);
      return openListModal(
        req,
        spec.permission(req.userId, program, deps.config.rolloutAdmins),
        { event: spec.refusedEvent, context: { program: program.slug }, title: 'Not yours to add' },
        () => spec.view(program),
      );
    }),
  );
}

export interface EditButton<K extends ListKey> {
  /** The action_id the item's Edit buttons start with. */
  actionId: string;
  gone: string;
  refusedEvent: string;
  /** The item's key in the refusal's log line: "risk", "action", "readiness". */
  what: string;
  items: K;
  permission: (userId: string, program: Program, item: ItemOf<K>, admins: readonly string[]) => Permission;
  view: (program: Program, item: ItemOf<K>) => View;
}

/** An item's Edit button: its form, prefilled, for someone allowed to change it. */
export function registerEditButton<K extends ListKey>(
  router: ListenerRouter,
  deps: Deps,
  services: Services,
  spec: EditButton<K>,
): void {
  router.action<BlockButtonAction>(
    itemActionPattern(spec.actionId),
    buttonListener(deps, async ({ ack, action, body, client }) => {
      await ack();
      const req = { client, deps, triggerId: body.trigger_id, userId: body.user.id };
      const found = itemOfButton(services, action.value, spec.items);
      if (!found) return openNotFound(req, spec.gone);
      const { program, item } = found;
      return openListModal(
        req,
        spec.permission(req.userId, program, item, deps.config.rolloutAdmins),
        {
          event: spec.refusedEvent,
          context: { program: program.slug, [spec.what]: item.id },
          title: 'Not yours to change',
        },
        () => spec.view(program, item),
      );
    }),
  );
}

export interface QuickButton<K extends 'risks' | 'actions', R extends QuickResult> {
  gone: string;
  items: K;
  /** Calls the edit service; `ref.version` is the version the list showed. */
  apply: (program: Program, item: ItemOf<K>, ref: ItemRef, actor: string) => R;
  /** The item as saved, when the result carries it (the Undo button refers to that version). */
  saved: (result: R) => ItemOf<K> | undefined;
  /** The answer's sentences and list; `about` is the item's text, escaped and in bold. */
  answer: (about: string) => Omit<QuickAnswer, 'programId' | 'undo'>;
  /** The action_id of the button that takes a saved change back, if there is one. */
  undo?: string;
}

/** A button that changes an item at once (Close, Reopen, Mark done) and answers with the list as it is now. */
export function quickButton<K extends 'risks' | 'actions', R extends QuickResult>(
  deps: Deps,
  services: Services,
  spec: QuickButton<K, R>,
): (args: ButtonArgs) => Promise<void> {
  return buttonListener(deps, async ({ ack, action, body, respond, client }) => {
    await ack();
    const ctx = { body, respond, client, deps, services };
    const found = itemOfButton(services, action.value, spec.items);
    if (!found) return tellBeside(ctx, spec.gone);
    const { ref, program, item } = found;
    const result = spec.apply(program, item, ref, body.user.id);
    const about = itemHeading(item.text);
    const after = spec.saved(result) ?? item;
    return answerQuickEdit(ctx, result, {
      programId: program.id,
      ...spec.answer(about),
      ...(spec.undo
        ? {
            undo: button(spec.undo, 'Undo', encodeItemOf(program, after)),
          }
        : {}),
    });
  });
}

/** The program and item an item button names; undefined when either is gone (or the value is forged). */
function itemOfButton<K extends ListKey>(
  services: Services,
  value: string | undefined,
  list: K,
): { ref: ItemRef; program: Program; item: ItemOf<K> } | undefined {
  const ref = decodeItemRef(value);
  const program = ref ? services.programs.get(ref.program) : undefined;
  const item = (program?.[list] as readonly ItemOf<K>[] | undefined)?.find((i) => i.id === ref?.id);
  if (!ref || !program || !item) return undefined;
  return { ref, program, item };
}
