import type { App, BlockButtonAction } from '@slack/bolt';
import type { View } from '@slack/types';
import type { Deps } from '../../deps.js';
import type { Permission } from '../../domain/permissions.js';
import type { Program } from '../../domain/program.js';
import type { Services } from '../../services/index.js';
import { itemActionPattern } from '../../ui/ids.js';
import { buttonListener } from './failures.js';
import { itemOfButton, programOfButton } from './list-items.js';
import { listModalRequest, openListModal, openNotFound } from './open-list-modal.js';

/** What every list's buttons share: where to find the program, and what to say when it is gone. */
interface FormButtons {
  app: App;
  deps: Deps;
  services: Services;
  /** Said when the program or the item a button names no longer exists. */
  gone: string;
}

/**
 * A list's Add button (risks, actions, decisions, milestones): the program it names, whether the person may
 * add to it, and the empty form; a refusal is logged as `event` and shown as "Not yours to add".
 */
export function addButtonOpensForm(
  { app, deps, services, gone }: FormButtons,
  spec: {
    actionId: string;
    event: string;
    may: (userId: string, program: Program, admins: readonly string[]) => Permission;
    form: (program: Program) => View;
  },
): void {
  app.action<BlockButtonAction>(
    spec.actionId,
    buttonListener(deps, async ({ ack, action, body, client }) => {
      await ack();
      const req = listModalRequest(body, client, deps);
      const program = programOfButton(services, action.value);
      if (!program) return openNotFound(req, gone);
      return openListModal(
        req,
        spec.may(req.userId, program, deps.config.rolloutAdmins),
        { event: spec.event, context: { program: program.slug }, title: 'Not yours to add' },
        () => spec.form(program),
      );
    }),
  );
}

/**
 * An item's button that opens a form (Edit; a decision's Record, Defer, Withdraw): the item it names, whether
 * the person may act on it, and the form; a refusal is logged as `event` with the item's `context`.
 */
export function itemButtonOpensForm<K extends 'risks' | 'actions' | 'decisions' | 'milestones'>(
  { app, deps, services, gone }: FormButtons,
  spec: {
    /** The button kind; each item's button carries it with its id (`itemAction`). */
    kind: string;
    /** The program's list the item is in. */
    list: K;
    event: string;
    title: string;
    context: (item: Program[K][number]) => Record<string, unknown>;
    may: (
      userId: string,
      program: Program,
      item: Program[K][number],
      admins: readonly string[],
    ) => Permission;
    form: (program: Program, item: Program[K][number], userId: string) => View;
  },
): void {
  app.action<BlockButtonAction>(
    itemActionPattern(spec.kind),
    buttonListener(deps, async ({ ack, action, body, client }) => {
      await ack();
      const req = listModalRequest(body, client, deps);
      const found = itemOfButton<Program[K][number]>(services, action.value, (p) => p[spec.list]);
      if (!found) return openNotFound(req, gone);
      const { program, item } = found;
      return openListModal(
        req,
        spec.may(req.userId, program, item, deps.config.rolloutAdmins),
        { event: spec.event, context: { program: program.slug, ...spec.context(item) }, title: spec.title },
        () => spec.form(program, item, req.userId),
      );
    }),
  );
}
