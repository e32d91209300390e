import { describe, expect, it } from 'vitest';
import { canonicalTimeZone } from '../../src/domain/time-zone-name.js';

const zoneOf = (name: string) => {
  const result = canonicalTimeZone(name);
  return result.ok ? result.zone : result.message;
};

describe('canonicalTimeZone', () => {
  it('spells a zone as the runtime lists it, whatever its case', () => {
    expect(zoneOf('america/los_angeles')).toBe('America/Los_Angeles');
    expect(zoneOf('EUROPE/BERLIN')).toBe('Europe/Berlin');
    expect(zoneOf('America/Los_Angeles')).toBe('America/Los_Angeles');
    expect(zoneOf('utc')).toBe('UTC');
    expect(zoneOf('Etc/UTC')).toBe('UTC');
  });

  it('keeps a current IANA name the runtime knows but does not list, and resolves an old one in another case', () => {
    expect(zoneOf('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(zoneOf('us/pacific')).toBe('America/Los_Angeles');
  });

  it('refuses abbreviations and other names without a region, suggesting one', () => {
    expect(zoneOf('EST')).toBe(
      '"EST" is an abbreviation, not a time zone: use a region name such as America/New_York, or UTC',
    );
    expect(zoneOf('PST')).toMatch(/such as America\/Los_Angeles/);
    expect(zoneOf('cet')).toMatch(/^"cet" is an abbreviation, not a time zone: .* Europe\/Paris/);
    expect(zoneOf('Japan')).toBe(
      '"Japan" is not a region name: use a region name such as Asia/Tokyo, or UTC',
    );
    expect(zoneOf('XYZ')).toMatch(/such as America\/New_York/);
  });

  it('refuses a zone the runtime does not know', () => {
    expect(zoneOf('Mars/Olympus')).toBe(
      'unknown time zone "Mars/Olympus": expected a region name such as America/Los_Angeles, or UTC',
    );
  });
});
