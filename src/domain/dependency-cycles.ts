export interface DependencyNode {
  key: string;
  dependsOn: readonly string[];
}

export interface DependencyCycle {
  /** Index of the cycle's first member in the list: where the problem is reported. */
  index: number;
  /** The keys around the cycle, starting and ending with the same key: a → b → c → a. */
  keys: string[];
}

/**
 * One cycle for each knot of workstreams that wait on each other (a strongly connected component), starting
 * at its member earliest in the list. Listing every cycle could run to thousands for a dense knot; one per
 * knot is enough to find and break it. A self-dependency and an unknown key are left to their own messages.
 */
export function dependencyCycles(nodes: readonly DependencyNode[]): DependencyCycle[] {
  const indexOf = new Map(nodes.map((n, i) => [n.key, i]));
  const edges = nodes.map((n, i) =>
    n.dependsOn.map((dep) => indexOf.get(dep)).filter((j): j is number => j !== undefined && j !== i),
  );
  const component = stronglyConnected(edges);
  const cycles: DependencyCycle[] = [];
  const seen = new Set<number>();
  nodes.forEach((_, start) => {
    const c = component[start] as number;
    if (seen.has(c)) return;
    seen.add(c);
    const path = shortestCycle(start, edges, (j) => component[j] === c && j !== start);
    if (path) cycles.push({ index: start, keys: path.map((i) => (nodes[i] as DependencyNode).key) });
  });
  return cycles;
}

/** Breadth first inside the component, so the named cycle is the shortest through `start`. */
function shortestCycle(
  start: number,
  edges: number[][],
  inside: (j: number) => boolean,
): number[] | undefined {
  const previous = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head] as number;
    for (const next of edges[at] as number[]) {
      if (next === start) {
        const path = [start];
        for (let i: number | undefined = at; i !== undefined && i !== start; i = previous.get(i))
          path.push(i);
        return [start, ...path.slice(1).reverse(), start];
      }
      if (inside(next) && !previous.has(next)) {
        previous.set(next, at);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** Tarjan's algorithm, iterative so a long chain cannot overflow the stack: a component id per node. */
function stronglyConnected(edges: number[][]): number[] {
  const n = edges.length;
  const order = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const component = new Array<number>(n).fill(-1);
  const stack: number[] = [];
  const onStack = new Array<boolean>(n).fill(false);
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    const work: [node: number, edge: number][] = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length) {
      const frame = work[work.length - 1] as [number, number];
      const [v, e] = frame;
      const out = edges[v] as number[];
      if (e < out.length) {
        frame[1] = e + 1;
        const w = out[e] as number;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v] as number, order[w] as number);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] as number, low[v] as number);
      if (low[v] === order[v]) {
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = false;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  return component;
}
