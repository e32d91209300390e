import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import { isSlackUserId } from '../../domain/slack-user.js';
import type { Services } from '../../services/index.js';
import { withinDeadline } from '../../services/lookup-deadline.js';
import { displayName } from '../../services/slack-users.js';
import { inZone } from '../../ui/zoned-time.js';

/** Who made a change that came first; `updatedBy` and `updatedAt` as the services report a conflict. */
export interface EarlierChange {
  updatedBy: string | null;
  updatedAt: string | null;
}

/** What a listener holds that the lookups need. */
export interface LookupContext {
  client: WebClient;
  deps: Deps;
  services: Pick<Services, 'viewerZones'>;
}

/**
 * Who made the earlier change and when, in plain text for places where `<@U…>` and `<!date…>` do not render
 * (a modal's inline error): `{ who: 'Dana', at: ' at Thu 26 Nov 2026, 03:00 GMT+9' }`, the time in the
 * viewer's own zone. Slack IDs are looked up; an import or a CLI user is named as such.
 */
export async function conflictAuthor(
  { client, deps, services }: LookupContext,
  viewer: string,
  change: EarlierChange,
): Promise<{ who: string; at: string }> {
  const { updatedBy, updatedAt } = change;
  // The form must be answered within Slack's 3 seconds, and these lookups only make the message nicer:
  // past the deadline it goes out in UTC and with the bare user ID.
  const [zone, name] = await Promise.all([
    updatedAt ? services.viewerZones.soon(client, viewer) : undefined,
    updatedBy && updatedBy !== viewer && isSlackUserId(updatedBy)
      ? withinDeadline(displayName(client, updatedBy, deps.logger), deps, (deadlineMs) => {
          deps.logger.warn(
            { event: 'users_info_slow', user: updatedBy, deadlineMs },
            'users.info too slow; answering with the user ID',
          );
          return updatedBy;
        })
      : undefined,
  ]);
  // Two tabs, or a form opened before the same person's quick edit: their own change, not someone else's.
  const who =
    updatedBy === viewer
      ? 'You'
      : (name ?? (updatedBy === 'import' ? 'An import' : (updatedBy ?? 'Someone')));
  return { who, at: updatedAt && zone ? ` at ${inZone(updatedAt, zone.zone)}` : '' };
}

/** "Dana changed this risk at …, after you opened this form. Nothing was saved: …" */
export async function formConflictMessage(
  ctx: LookupContext,
  viewer: string,
  change: EarlierChange,
  what: string,
  button: string,
): Promise<string> {
  const { who, at } = await conflictAuthor(ctx, viewer, change);
  const whose = who === 'You' ? 'your' : 'their';
  return `${who} changed this ${what}${at}, after you opened this form. Nothing was saved: close it and press ${button} again to start from ${whose} change.`;
}
