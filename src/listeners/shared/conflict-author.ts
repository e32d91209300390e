import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import { isSlackUserId } from '../../domain/slack-user.js';
import { displayName } from '../../services/slack-users.js';
import { viewerTimeZone } from '../../services/viewer-zone.js';
import { inZone } from '../../ui/zoned-time.js';

/** Who made a change that came first; `updatedBy` and `updatedAt` as the services report a conflict. */
export interface EarlierChange {
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * Who made the earlier change and when, in plain text for places where `<@U…>` and `<!date…>` do not render
 * (a modal's inline error): `{ who: 'Dana', at: ' at Thu 26 Nov 2026, 03:00 GMT+9' }`, the time in the
 * viewer's own zone. Slack IDs are looked up; an import or a CLI user is named as such.
 */
export async function conflictAuthor(
  client: WebClient,
  deps: Deps,
  viewer: string,
  change: EarlierChange,
): Promise<{ who: string; at: string }> {
  const { updatedBy, updatedAt } = change;
  const [zone, name] = await Promise.all([
    updatedAt
      ? withinDeadline(viewerTimeZone(client, viewer, deps.logger), { zone: 'UTC', fallback: true }, deps)
      : undefined,
    updatedBy && updatedBy !== viewer && isSlackUserId(updatedBy)
      ? withinDeadline(displayName(client, updatedBy, deps.logger), updatedBy, deps)
      : undefined,
  ]);
  // Two tabs, or a form opened before the same person's quick edit: their own change, not someone else's.
  const who =
    updatedBy === viewer
      ? 'You'
      : (name ?? (updatedBy === 'import' ? 'An import' : (updatedBy ?? 'Someone')));
  return { who, at: updatedAt && zone ? ` at ${inZone(updatedAt, zone.zone)}` : '' };
}

/**
 * The form must be answered within Slack's 3 seconds, and these lookups are only for a nicer message:
 * past this, the answer goes out with UTC and the bare user ID. `deps.slackLookupDeadlineMs` overrides it.
 */
const LOOKUP_DEADLINE_MS = 1500;

function withinDeadline<T>(lookup: Promise<T>, fallback: T, deps: Deps): Promise<T> {
  const deadlineMs = deps.slackLookupDeadlineMs ?? LOOKUP_DEADLINE_MS;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => {
      deps.logger.warn({ event: 'users_info_slow', deadlineMs }, 'users.info too slow; answering without it');
      resolve(fallback);
    }, deadlineMs);
    timer.unref();
  });
  return Promise.race([lookup, late]).finally(() => clearTimeout(timer));
}

/** "Dana changed this risk at …, after you opened this form. Nothing was saved: …" */
export async function formConflictMessage(
  client: WebClient,
  deps: Deps,
  viewer: string,
  change: EarlierChange,
  what: string,
  button: string,
): Promise<string> {
  const { who, at } = await conflictAuthor(client, deps, viewer, change);
  const whose = who === 'You' ? 'your' : 'their';
  return `${who} changed this ${what}${at}, after you opened this form. Nothing was saved: close it and press ${button} again to start from ${whose} change.`;
}
