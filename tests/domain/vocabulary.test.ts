import { describe, expect, it } from 'vitest';
import {
  byRiskThenPosition,
  bySeverityThenPosition,
  STATUS_INFO,
  STATUSES,
} from '../../src/domain/vocabulary.js';

describe('vocabulary', () => {
  it('has the seed page’s five statuses in its order, plus Done, each with a description', () => {
    expect(STATUSES).toEqual([
      'in-discovery',
      'drafted',
      'needs-decision',
      'needs-validation',
      'blocked',
      'done',
    ]);
    for (const s of STATUSES) expect(STATUS_INFO[s].description.length).toBeLessThanOrEqual(75);
  });

  it('orders workstreams high risk first and risks most severe first, then by the page’s order', () => {
    const ws = [
      { risk: 'low', position: 0 },
      { risk: 'high', position: 2 },
      { risk: 'high', position: 1 },
    ] as const;
    expect([...ws].sort(byRiskThenPosition).map((w) => w.position)).toEqual([1, 2, 0]);
    const risks = [
      { severity: 'medium', position: 0, id: 3 },
      { severity: 'high', position: 1, id: 2 },
      { severity: 'high', position: 1, id: 1 },
    ] as const;
    expect([...risks].sort(bySeverityThenPosition).map((r) => r.id)).toEqual([1, 2, 3]);
  });
});
