import { describe, expect, it } from 'vitest';
import { isTimeZone } from '../../src/domain/local-time.js';
import { inZone } from '../../src/ui/zoned-time.js';

describe('inZone', () => {
  it('writes the time in the given zone, naming the zone', () => {
    expect(inZone('2026-11-23T17:14:00Z', 'America/Los_Angeles')).toBe('Mon 23 Nov 2026, 09:14 PST');
    expect(inZone('2026-07-01T17:14:00Z', 'America/Los_Angeles')).toBe('Wed 1 Jul 2026, 10:14 PDT');
    expect(inZone('2026-11-23T17:14:00Z', 'Asia/Tokyo')).toBe('Tue 24 Nov 2026, 02:14 GMT+9');
    expect(inZone('2026-11-23T17:14:00Z', 'UTC')).toBe('Mon 23 Nov 2026, 17:14 UTC');
  });

  it('uses UTC for a zone it does not know, and keeps an unreadable timestamp as it is', () => {
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(inZone('2026-11-23T17:14:00Z', 'Mars/Olympus')).toBe('Mon 23 Nov 2026, 17:14 UTC');
    expect(inZone('not a date', 'UTC')).toBe('not a date');
  });
});
