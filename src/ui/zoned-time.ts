import { type TZDate, tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { isTimeZone } from '../domain/local-time.js';

/**
 * Per zone, what naming a time in it needs: building an Intl.DateTimeFormat costs far more than using one
 * (a history of 1,000 entries built one per line), so each zone's is built once. Zones are few.
 */
const zones = new Map<string, { in: (value: Date | number | string) => TZDate; name: Intl.DateTimeFormat }>();

function zoneTools(zone: string) {
  let tools = zones.get(zone);
  if (!tools) {
    tools = {
      in: tz(zone),
      // As @date-fns/tz's tzName(zone, date, 'short') builds it: the hour forces the engine to show the zone.
      name: new Intl.DateTimeFormat('en-US', { hour: 'numeric', timeZone: zone, timeZoneName: 'short' }),
    };
    zones.set(zone, tools);
  }
  return tools;
}

/**
 * An absolute time in a given zone, e.g. "Mon 23 Nov 2026, 09:14 PST". Used where Slack's own
 * `<!date^…>` cannot be (plain text, or where the zone must be stated), with the zone named.
 */
export function inZone(iso: string, zone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const tools = zoneTools(isTimeZone(zone) ? zone : 'UTC');
  // "9 AM PST": skip the hour and AM/PM, as tzName does (Intl may separate them with non-breaking spaces).
  const name = tools.name.format(date).split(/\s/g).slice(2).join(' ');
  return `${format(date, 'EEE d MMM yyyy, HH:mm', { in: tools.in })} ${name}`;
}
