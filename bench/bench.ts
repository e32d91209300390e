import type { Summary } from './stats.js';

/** One line of the results table: how long one target took, and what it held in memory when measured apart. */
export interface BenchRow extends Summary {
  bench: string;
  target: string;
  /** Resident memory of the process that served the target, when it ran in a process of its own. */
  rssMb?: number;
  peakRssMb?: number;
}

/** A target the project set itself; a miss is reported, never turned into a failed run. */
export interface BenchCheck {
  bench: string;
  what: string;
  target: string;
  actual: string;
  pass: boolean;
}

export interface BenchResult {
  rows: BenchRow[];
  checks: BenchCheck[];
  /** Anything needed to read the figures right (sizes, cut-short runs, how memory was read). */
  notes: string[];
}

/** A benchmark `bench/run.ts` runs in turn; each cleans up after itself, whatever happens. */
export interface Bench {
  name: string;
  description: string;
  run(): Promise<BenchResult>;
}

export const MB = 1_000_000;
