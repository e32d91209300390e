import { describe, expect, it } from 'vitest';
import { dependencyCycles } from '../../src/domain/dependency-cycles.js';

const graph = (edges: Record<string, string[]>) =>
  Object.entries(edges).map(([key, dependsOn]) => ({ key, dependsOn }));

describe('dependencyCycles', () => {
  it('finds none in a graph without cycles, ignoring self-dependencies and unknown keys', () => {
    expect(dependencyCycles(graph({ a: ['b', 'c'], b: ['c'], c: [], d: ['d', 'nope'] }))).toEqual([]);
  });

  it('names a cycle of any length from its member earliest in the list', () => {
    expect(dependencyCycles(graph({ x: [], b: ['c'], c: ['a'], a: ['b'] }))).toEqual([
      { index: 1, keys: ['b', 'c', 'a', 'b'] },
    ]);
    expect(dependencyCycles(graph({ a: ['b'], b: ['a'] }))).toEqual([{ index: 0, keys: ['a', 'b', 'a'] }]);
  });

  it('gives one cycle for each separate knot, the shortest through its first member', () => {
    expect(
      dependencyCycles(graph({ a: ['b'], b: ['c', 'a'], c: ['a'], d: ['e'], e: ['d'], f: ['a'] })),
    ).toEqual([
      { index: 0, keys: ['a', 'b', 'a'] },
      { index: 3, keys: ['d', 'e', 'd'] },
    ]);
  });

  it('walks a long chain without running out of stack', () => {
    const n = 10_000;
    const nodes = Array.from({ length: n }, (_, i) => ({ key: `k${i}`, dependsOn: [`k${(i + 1) % n}`] }));
    const [cycle] = dependencyCycles(nodes);
    expect(cycle?.keys).toHaveLength(n + 1);
    expect(cycle?.keys.at(-1)).toBe('k0');
  });
});
