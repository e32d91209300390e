import { describe, expect, it } from 'vitest';
import { problemLines } from '../../src/cli/problem-list.js';

describe('problemLines', () => {
  it('lists up to 50 problems, one a line', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `p${i}`);
    expect(problemLines(fifty).split('\n').slice(0, 2)).toEqual(['  - p0', '  - p1']);
    expect(problemLines(fifty)).not.toContain('more');
  });

  it('says how many more there are after the first 50', () => {
    const lines = problemLines(Array.from({ length: 73 }, (_, i) => `p${i}`))
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[49]).toBe('  - p49');
    expect(lines[50]).toBe('  … and 23 more');
  });
});
