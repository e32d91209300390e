import type { SlackViewMiddlewareArgs } from '@slack/bolt';
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import type { Program } from '../../domain/program.js';
import type { Conflict, EditRefusal } from '../../services/edit-outcomes.js';
import type { Services } from '../../services/index.js';
import { decodeItemRef, decodeProgramRef, type ItemRef } from '../../ui/action-values.js';
import { itemHeading, savedNotice } from '../../ui/list-changes.js';
import { nothingToSaveModal } from '../../ui/modal-parts.js';
import { formConflictMessage } from '../shared/conflict-author.js';
import { type FormList, refreshFormList } from '../shared/form-list.js';
import { errorsOnBlocks } from './inline-errors.js';
import { parseState, type StateValues } from './state.js';

export type ViewAck = SlackViewMiddlewareArgs['ack'];

type SubmittedView = SlackViewMiddlewareArgs['view'];

/** An "Add" form: the program it adds to (its slug in private_metadata) and what was typed; undefined when gone. */
export function addForm(
  services: Services,
  view: SubmittedView,
): { program: Program; values: StateValues } | undefined {
  const slug = decodeProgramRef(view.private_metadata);
  const program = slug ? services.programs.get(slug) : undefined;
  return program ? { program, values: parseState(view.state.values) } : undefined;
}

/** An "Edit" form: its item (program, id, version opened on) and what was typed; undefined when gone. */
export function editForm(
  services: Services,
  view: SubmittedView,
): { program: Program; ref: ItemRef; values: StateValues } | undefined {
  const ref = decodeItemRef(view.private_metadata);
  const program = ref ? services.programs.get(ref.program) : undefined;
  return ref && program ? { program, ref, values: parseState(view.state.values) } : undefined;
}

/** Inline errors by block_id, for `response_action: 'errors'`. */
export type BlockErrors = Record<string, string>;

type Saved = { kind: 'added' } | { kind: 'updated' };

/** Whatever an add or edit service answers a form with. */
type Outcome<F extends string> = EditRefusal<F> | Conflict | { kind: 'unchanged' } | Saved;

/** Who submitted which form, with what to answer it. */
export interface Submission {
  ack: ViewAck;
  client: WebClient;
  deps: Deps;
  services: Services;
  user: string;
  /** The form's `private_metadata`: opened from a list message, it carries where to answer (`list` below). */
  metadata?: string;
}

interface FormParts<F extends string, R> {
  /** The input that shows what concerns the whole form (a refusal, a conflict): its first one. */
  top: string;
  /** Where each field's validation error is shown. */
  fields: Record<F, string>;
  /** Shown when the item or its program is gone. */
  gone: BlockErrors;
  /** The modal that replaces the form once the submission is saved. */
  saved: (result: Extract<R, Saved>) => View;
  /** Slack calls that follow a saved submission, before Home is refreshed; they log their own failures. */
  after?: (result: Extract<R, Saved>) => Promise<void>;
  /**
   * The list a form of this kind is opened from: once saved, when the form came from that list's message
   * (not from Home), the message is replaced by the list as it is now with a line on top saying what was
   * done to which item (`savedNotice`): ":white_check_mark: `notice`: *`item`*".
   */
  list?: FormList & { notice: string; item: (result: Extract<R, Saved>) => string };
}

/** For a form that can meet someone else's change: how the item is named, and the button that reopens it. */
type ConflictPart<R> = [Extract<R, Conflict>] extends [never]
  ? { conflict?: undefined }
  : { conflict: { what: string; button: string } };

export type FormAnswer<F extends string, R> = FormParts<F, R> & ConflictPart<R>;

/** Turns a submission down with inline errors; the modal stays open. */
export function ackErrors(ack: ViewAck, errors: BlockErrors): Promise<void> {
  return ack({ response_action: 'errors', errors });
}

/**
 * Answers a form with what the service made of its submission: inline errors for a refusal or a conflict,
 * a notice when nothing changed, and once saved, the saved modal, the list message the form was opened from
 * replaced by the list as it is now, and the submitter's Home refreshed.
 */
export async function answerSubmission<F extends string, R extends Outcome<F>>(
  sub: Submission,
  result: R,
  form: FormAnswer<F, R>,
): Promise<void> {
  const outcome: Outcome<F> = result;
  switch (outcome.kind) {
    case 'invalid':
      return ackErrors(sub.ack, errorsOnBlocks(outcome.errors, form.fields));
    case 'forbidden':
      return ackErrors(sub.ack, { [form.top]: outcome.reason });
    case 'not-found':
      return ackErrors(sub.ack, form.gone);
    case 'conflict': {
      const { what, button } = (form as FormParts<F, R> & ConflictPart<Conflict>).conflict;
      return ackErrors(sub.ack, {
        [form.top]: await formConflictMessage(sub, sub.user, outcome, what, button),
      });
    }
    case 'unchanged':
      // Closing without a word would read as saved.
      return sub.ack({ response_action: 'update', view: nothingToSaveModal() });
    case 'added':
    case 'updated': {
      const saved = result as Extract<R, Saved>;
      await sub.ack({ response_action: 'update', view: form.saved(saved) });
      // Committed and answered: the list's reply cannot fail the save (refreshFormList never throws), and a
      // slow one holds up neither the notices nor Home for long (it gives up after LIST_REPLY_TIMEOUT_MS).
      await Promise.all([
        form.list &&
          refreshFormList(sub, form.list, savedNotice(form.list.notice, itemHeading(form.list.item(saved)))),
        form.after?.(saved),
      ]);
      await sub.services.home.publishHome(sub.client, sub.user);
      return;
    }
  }
}
