import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UpdateThreads } from '../../src/store/update-threads.js';
import { type ServiceEnv, serviceEnv } from '../support/service-deps.js';

let env: ServiceEnv;
beforeEach(() => {
  env = serviceEnv();
});
afterEach(() => env.close());

describe('UpdateThreads', () => {
  const at = new Date('2026-11-25T20:00:00Z');

  it('lets one claim per program, workstream and week through, records its ts, and gives back a failed one', () => {
    const threads = new UpdateThreads(env.db);
    const key = { programId: env.programId, workstreamKey: 'identity-sso', week: '2026-W48' };
    expect(threads.claim(key, 'C0UPDATES', at)).toBe(true);
    expect(threads.claim(key, 'C0UPDATES', at)).toBe(false);
    expect(threads.get(key)).toEqual({ channel: 'C0UPDATES', ts: null, claimedAt: at.toISOString() });
    // Another week and another workstream are their own threads.
    expect(threads.claim({ ...key, week: '2026-W49' }, 'C0UPDATES', at)).toBe(true);
    expect(threads.claim({ ...key, workstreamKey: 'other' }, 'C0UPDATES', at)).toBe(true);

    threads.release(key);
    expect(threads.get(key)).toBeUndefined();
    expect(threads.claim(key, 'C0UPDATES', at)).toBe(true);
    threads.record(key, '1700000000.000100');
    threads.release(key); // a posted parent is not given back
    expect(threads.get(key)?.ts).toBe('1700000000.000100');
  });

  it('hands a deleted parent’s thread to exactly one save, and a dead claim to one taker', () => {
    const threads = new UpdateThreads(env.db);
    const key = { programId: env.programId, workstreamKey: 'identity-sso', week: '2026-W48' };
    threads.claim(key, 'C0UPDATES', at);
    threads.record(key, '1.1');
    expect(threads.reclaim(key, '1.1', 'C0UPDATES', at)).toBe(true);
    expect(threads.reclaim(key, '1.1', 'C0UPDATES', at)).toBe(false);
    expect(threads.get(key)?.ts).toBeNull();

    const later = new Date(at.getTime() + 120_000);
    expect(threads.takeOver(key, at.toISOString(), later)).toBe(true);
    expect(threads.takeOver(key, at.toISOString(), later)).toBe(false);
    threads.record(key, '2.2');
    expect(threads.get(key)).toEqual({ channel: 'C0UPDATES', ts: '2.2', claimedAt: later.toISOString() });
  });
});
