import { writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { Bench, BenchResult } from './bench.js';
import { digestBench } from './digest.js';
import { loadBench } from './load.js';
import { formatChecks, formatRows } from './report.js';
import { statusBench } from './status.js';

/** Every benchmark, run in this order; `npm run bench -- NAME…` runs only those named. */
const BENCHES: Bench[] = [statusBench, loadBench, digestBench];

const RESULTS_FILE = new URL('./results.json', import.meta.url);

type Outcome = { name: string; description: string } & (BenchResult | { error: string });

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !BENCHES.some((b) => b.name === name));
  if (unknown.length) {
    process.stderr.write(
      `Unknown bench ${unknown.join(', ')}; there are: ${BENCHES.map((b) => b.name).join(', ')}.\n`,
    );
    process.exitCode = 2;
    return;
  }
  const selected = wanted.length ? BENCHES.filter((b) => wanted.includes(b.name)) : BENCHES;
  const cores = cpus();
  const machine = {
    cpu: cores[0]?.model ?? 'unknown',
    cores: cores.length,
    memoryGb: Math.round(totalmem() / 1e9),
    os: `${platform()} ${release()}`,
    node: process.version,
    // Other work on the machine skews every figure; the 1-minute load says how busy it was.
    loadAtStart: round2(loadavg()[0] ?? 0),
    loadAtEnd: 0,
  };
  process.stdout.write(
    `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, ${machine.os}, node ${machine.node}, load ${machine.loadAtStart}\n`,
  );

  const outcomes: Outcome[] = [];
  for (const bench of selected) {
    process.stdout.write(`\n${bench.name}: ${bench.description}…\n`);
    try {
      outcomes.push({ name: bench.name, description: bench.description, ...(await bench.run()) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${bench.name} failed: ${message}\n`);
      outcomes.push({ name: bench.name, description: bench.description, error: message });
    }
  }

  machine.loadAtEnd = round2(loadavg()[0] ?? 0);
  const results = outcomes.filter((o): o is Outcome & BenchResult => !('error' in o));
  const rows = results.flatMap((r) => r.rows);
  const checks = results.flatMap((r) => r.checks);
  if (rows.length) process.stdout.write(`\n${formatRows(rows)}\n`);
  if (checks.length) process.stdout.write(`\n${formatChecks(checks)}\n`);
  for (const r of results) for (const note of r.notes) process.stdout.write(`\n- ${r.name}: ${note}`);
  process.stdout.write('\n');

  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), machine, benches: outcomes }, null, 2)}\n`,
  );
  process.stdout.write(`\nLoad average (1 min) ${machine.loadAtStart} → ${machine.loadAtEnd}.\n`);
  process.stdout.write('Figures written to bench/results.json.\n');
  // A missed target is a measurement, not a failure; only a bench that could not run fails the command.
  if (outcomes.some((o) => 'error' in o)) process.exitCode = 1;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

await main();
// Exit outright: the 'exit' hook of server-process.ts then kills any server a bench failed to stop.
process.exit();
