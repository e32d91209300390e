import { describe, expect, it } from 'vitest';
import { percentile, summarize } from '../../bench/stats.js';

describe('bench statistics', () => {
  it('takes percentiles by nearest rank, so each is a latency that was observed', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([3, 7], 50)).toBe(3);
    expect(percentile([3, 7], 99)).toBe(7);
    expect(percentile([5], 0)).toBe(5);
  });

  it('summarizes samples in any order', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({
      samples: 4,
      p50Ms: 2,
      p95Ms: 4,
      p99Ms: 4,
      meanMs: 2.5,
      maxMs: 4,
    });
  });

  it('refuses to invent a percentile of nothing', () => {
    expect(() => percentile([], 50)).toThrow('no samples');
  });
});
