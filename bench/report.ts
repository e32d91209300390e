import type { BenchCheck, BenchRow } from './bench.js';

const ms = (x: number) => x.toFixed(2);
const mb = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(1));

/** The figures as a fixed-width table: latency in milliseconds, memory in MB (10⁶ bytes). */
export function formatRows(rows: readonly BenchRow[]): string {
  const header = [
    'bench',
    'target',
    'n',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'mean ms',
    'max ms',
    'RSS MB',
    'peak MB',
  ];
  const body = rows.map((r) => [
    r.bench,
    r.target,
    String(r.samples),
    ms(r.p50Ms),
    ms(r.p95Ms),
    ms(r.p99Ms),
    ms(r.meanMs),
    ms(r.maxMs),
    mb(r.rssMb),
    mb(r.peakRssMb),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  // Names read left-aligned, numbers right-aligned.
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function formatChecks(checks: readonly BenchCheck[]): string {
  return checks
    .map((c) => `${c.pass ? 'PASS' : 'MISS'}  ${c.bench}: ${c.what} = ${c.actual} (target ${c.target})`)
    .join('\n');
}
