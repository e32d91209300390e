import { tz, tzName } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { isTimeZone } from '../domain/local-time.js';

/**
 * An absolute time in a given zone, e.g. "Mon 23 Nov 2026, 09:14 PST". Used where Slack's own
 * `<!date^…>` cannot be (plain text, or where the zone must be stated), with the zone named.
 */
export function inZone(iso: string, zone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const safeZone = isTimeZone(zone) ? zone : 'UTC';
  return `${format(date, 'EEE d MMM yyyy, HH:mm', { in: tz(safeZone) })} ${tzName(safeZone, date, 'short')}`;
}
