import type { BlockButtonAction, RespondFn } from '@slack/bolt';
import type { Button } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import type { Program } from '../../domain/program.js';
import type { Services } from '../../services/index.js';
import { notice } from '../../ui/help.js';
import type { ListOptions, ListViewer } from '../../ui/list-parts.js';
import type { SlackMessage } from '../../ui/message.js';
import { noticeModal } from '../../ui/modal-parts.js';
import { escapeMrkdwn } from '../../ui/mrkdwn.js';
import { ephemeral } from '../commands/context.js';
import { conflictAuthor } from './conflict-author.js';

/** What a list button's listener is handed by Bolt, plus the app's parts. */
export interface QuickContext {
  body: BlockButtonAction;
  respond: RespondFn;
  client: WebClient;
  deps: Deps;
  services: Services;
}

/** The outcome of an edit service call, as far as a button's answer needs it. */
export interface QuickResult {
  kind: 'updated' | 'unchanged' | 'conflict' | 'invalid' | 'forbidden' | 'not-found';
  reason?: string;
  updatedBy?: string | null;
  updatedAt?: string | null;
  errors?: Partial<Record<string, string>>;
}

export interface QuickAnswer {
  programId: number;
  /** "risk", "action": how the item is named in sentences. */
  what: string;
  /** The notice once saved, escaped mrkdwn: ":white_check_mark: Closed: …". */
  saved: string;
  /** The notice when it already was so. */
  unchanged: string;
  /** Beside the saved notice: the button that takes it back. */
  undo?: Button;
  /** The list, rebuilt from the store. */
  list: (program: Program, viewer: ListViewer, opts: ListOptions) => SlackMessage;
}

export function viewerOf(userId: string, deps: Deps): ListViewer {
  return { userId, admins: deps.config.rolloutAdmins };
}

/**
 * Answers a button that changed an item directly (Close, Reopen, Mark done): the list the button was on is
 * replaced by the list as it is now, with a line on top saying what happened. A refusal is said beside the
 * list, which stays as it was. Runs after the service has committed.
 */
export async function answerQuickEdit(
  ctx: QuickContext,
  result: QuickResult,
  answer: QuickAnswer,
): Promise<void> {
  const user = ctx.body.user.id;
  if (result.kind === 'forbidden') return tellBeside(ctx, escapeMrkdwn(result.reason ?? 'Not allowed.'));
  if (result.kind === 'invalid') {
    const first = Object.values(result.errors ?? {}).find(Boolean) ?? 'the change is not valid';
    return tellBeside(ctx, `Nothing was saved: ${escapeMrkdwn(first)}.`);
  }
  const program = ctx.services.programs.getById(answer.programId);
  if (!program) return tellBeside(ctx, 'That program no longer exists. Try `/rollout help`.');
  let line: string;
  let undo: Button | undefined;
  switch (result.kind) {
    case 'updated':
      line = answer.saved;
      undo = answer.undo;
      break;
    case 'unchanged':
      line = answer.unchanged;
      break;
    case 'not-found':
      line = `That ${answer.what} no longer exists. Here is the list as it is now.`;
      break;
    case 'conflict': {
      const { who, at } = await conflictAuthor(ctx, user, {
        updatedBy: result.updatedBy ?? null,
        updatedAt: result.updatedAt ?? null,
      });
      line = `:warning: ${escapeMrkdwn(who)} changed this ${answer.what}${at} after this list was shown, so nothing was changed. Here is the list as it is now.`;
      break;
    }
  }
  const message = answer.list(program, viewerOf(user, ctx.deps), { notice: line, ...(undo ? { undo } : {}) });
  await refreshList(ctx, message, line);
  if (result.kind === 'updated') await ctx.services.home.publishHome(ctx.client, user);
  return undefined;
}

/** Replaces the message the button was on; where there is no message (a modal, Home), shows the line. */
async function refreshList(ctx: QuickContext, message: SlackMessage, line: string): Promise<void> {
  if (ctx.body.response_url) {
    await ctx.respond({ ...ephemeral(message), replace_original: true });
    return;
  }
  await ctx.client.views.open({ trigger_id: ctx.body.trigger_id, view: noticeModal('Rollout', line) });
}

/** Says something privately, leaving the message the button was on as it is. */
export async function tellBeside(ctx: QuickContext, mrkdwn: string): Promise<void> {
  if (ctx.body.response_url) {
    await ctx.respond({ ...ephemeral(notice(mrkdwn)), replace_original: false });
    return;
  }
  await ctx.client.views.open({ trigger_id: ctx.body.trigger_id, view: noticeModal('Rollout', mrkdwn) });
}
