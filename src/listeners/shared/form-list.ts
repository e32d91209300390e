import type { Deps } from '../../deps.js';
import type { Services } from '../../services/index.js';
import { decodeListReply, standInOrigin } from '../../ui/action-values.js';
import { ephemeral } from '../commands/context.js';
import { LISTS, type ListName } from './lists.js';
import { viewerOf } from './quick-edit.js';

/** How long the reply to the list's response_url may take; the save is answered before it either way. */
export const LIST_REPLY_TIMEOUT_MS = 5000;

/** The list a submitted form may have been opened from. */
export interface FormList {
  /** Which list: what a form of this kind is opened from. */
  name: ListName;
  /** The program the form is about; its list is read again from the store. */
  programId: number;
}

/** Who saved the form, and what it carried back (`private_metadata`, where the list's response_url rides). */
export interface SavedForm {
  deps: Deps;
  services: Services;
  user: string;
  metadata?: string;
}

/**
 * Replaces the list message a form was opened from with the list as it is now, `notice` (escaped mrkdwn) on
 * top, as a quick edit does: through the response_url of the click that opened the form, which the form
 * carried in its `private_metadata` (`withListReply`). A form opened elsewhere (the Home tab, which is
 * published again anyway) carries none, and nothing is sent. Call it once the save is committed and the
 * submission acknowledged. It never throws: a response_url takes 5 replies within 30 minutes, and a failure
 * only leaves the list as it was, logged as `list_refresh_failed`.
 */
export async function refreshFormList(saved: SavedForm, list: FormList, notice: string): Promise<void> {
  const { deps, services, user } = saved;
  const url = decodeListReply(saved.metadata, standInOrigin(deps.config.slackApiUrl));
  if (!url) return;
  let slug: string | undefined;
  try {
    const program = services.programs.getById(list.programId);
    if (!program) return;
    slug = program.slug;
    const message = LISTS[list.name](program, viewerOf(user, deps), { deps, services }, { notice });
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ ...ephemeral(message), replace_original: true }),
      // The URL was checked to be Slack's; a redirect would lead somewhere that was not.
      redirect: 'error',
      signal: AbortSignal.timeout(LIST_REPLY_TIMEOUT_MS),
    });
    const refused = refusalOf(res.status, await res.text());
    if (refused) throw new Error(refused);
  } catch (error) {
    deps.logger.warn(
      { event: 'list_refresh_failed', list: list.name, program: slug, user, reason: reasonOf(error) },
      'saved, but could not replace the list the form was opened from; it shows what it showed before. ' +
        'expired_url or used_url: the list was older than 30 minutes or answered 5 times, nothing to fix',
    );
  }
}

/** Slack's refusal of a response_url reply ("expired_url", "used_url", "invalid_blocks"); undefined when taken. */
function refusalOf(status: number, body: string): string | undefined {
  let error: unknown;
  let ok: unknown = status >= 200 && status < 300;
  try {
    const answer = JSON.parse(body) as { ok?: unknown; error?: unknown };
    if (answer && typeof answer === 'object') {
      error = answer.error;
      if (answer.ok === false) ok = false;
    }
  } catch {
    // Slack has answered a plain "ok".
  }
  if (ok) return undefined;
  return typeof error === 'string' ? error : `HTTP ${status}`;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return `no answer within ${LIST_REPLY_TIMEOUT_MS} ms`;
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const detail = cause?.code ?? cause?.message;
    return typeof detail === 'string' ? `${error.message}: ${detail}` : error.message;
  }
  return String(error);
}
