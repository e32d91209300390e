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
    updatedAt ? viewerTimeZone(client, viewer, deps.logger) : undefined,
    updatedBy && isSlackUserId(updatedBy) ? displayName(client, updatedBy, deps.logger) : undefined,
  ]);
  const who = name ?? (updatedBy === 'import' ? 'An import' : (updatedBy ?? 'Someone'));
  return { who, at: updatedAt && zone ? ` at ${inZone(updatedAt, zone.zone)}` : '' };
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
  return `${who} changed this ${what}${at}, after you opened this form. Nothing was saved: close it and press ${button} again to start from their change.`;
}
