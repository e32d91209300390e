import { migrate } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { importFixture, largeProgram } from '../tests/support/programs.js';
import type { Bench, BenchCheck, BenchResult, BenchRow } from './bench.js';
import { withServerPair } from './server-pair.js';
import type { ServerProcess } from './server-process.js';
import { type Summary, summarize } from './stats.js';

const WORKSTREAMS = 1000;
const WARM_UP = 200;
const MEASURED = 2000;
/** Measured requests are split into rounds taken in turn (Rollout, Bolt, Rollout, Bolt…) to share out noise. */
const ROUNDS = 4;
/** The measured phase stops here even if short of MEASURED; the table then says how many it got. */
const MEASURE_BUDGET_MS = 120_000;
const REQUEST_TIMEOUT_MS = 5000;

const TARGET_P50_RATIO = 1.5;
const TARGET_P99_MS = 25;
const TARGET_RSS_MB = 120;

const USER = 'UBENCH001';

interface Target {
  server: ServerProcess;
  /** Throws unless the first answer is the real one (a fast wrong answer would measure nothing). */
  checkAnswer(body: string): void;
  samples: number[];
  answerBytes: number;
}

/**
 * `/rollout status` on a program of 1,000 workstreams, served by the built Rollout server (`node dist/main.js`
 * on a SQLite file), next to a bare Bolt app acking a fixed message: same machine, run, signing and client.
 */
export const statusBench: Bench = {
  name: 'status',
  description: `/rollout status on ${WORKSTREAMS.toLocaleString('en-US')} workstreams vs a bare Bolt app`,
  run: runStatusBench,
};

async function runStatusBench(): Promise<BenchResult> {
  return withServerPair({ user: USER, requestTimeoutMs: REQUEST_TIMEOUT_MS, seed }, async (pair) => {
    const { rollout, bolt } = pair;
    const send = (server: ServerProcess) => pair.send(server, 'status');
    const targets: Target[] = [
      { server: rollout, checkAnswer: isStatusOverview, samples: [], answerBytes: 0 },
      { server: bolt, checkAnswer: isFixedAnswer, samples: [], answerBytes: 0 },
    ];
    for (const target of targets) {
      const first = await send(target.server);
      target.checkAnswer(first.body);
      target.answerBytes = Buffer.byteLength(first.body);
      for (let i = 1; i < WARM_UP; i++) await send(target.server);
    }
    const rolloutLinesBefore = rollout.linesSinceListening();

    const deadline = performance.now() + MEASURE_BUDGET_MS;
    const perRound = Math.ceil(MEASURED / ROUNDS);
    rounds: for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) {
        for (let i = 0; i < perRound && target.samples.length < MEASURED; i++) {
          if (performance.now() > deadline) break rounds;
          target.samples.push((await send(target.server)).ms);
        }
      }
    }

    const rolloutStats = summarize(targets[0]?.samples ?? []);
    const boltStats = summarize(targets[1]?.samples ?? []);
    const rolloutMemory = rollout.memory();
    const boltMemory = bolt.memory();
    const rows: BenchRow[] = [
      row('Rollout /rollout status', rolloutStats, rolloutMemory),
      row('bare Bolt, fixed ack', boltStats, boltMemory),
    ];
    const ratio = rolloutStats.p50Ms / boltStats.p50Ms;
    const checks: BenchCheck[] = [
      check(
        'p50, Rollout ÷ bare Bolt',
        `≤ ${TARGET_P50_RATIO}×`,
        `${ratio.toFixed(2)}×`,
        ratio <= TARGET_P50_RATIO,
      ),
      check(
        'p99, Rollout',
        `< ${TARGET_P99_MS} ms`,
        `${rolloutStats.p99Ms.toFixed(2)} ms`,
        rolloutStats.p99Ms < TARGET_P99_MS,
      ),
      rolloutMemory
        ? check(
            'resident memory after the run, Rollout server',
            `< ${TARGET_RSS_MB} MB`,
            `${rolloutMemory.rssMb.toFixed(1)} MB`,
            rolloutMemory.rssMb < TARGET_RSS_MB,
          )
        : check(
            'resident memory after the run, Rollout server',
            `< ${TARGET_RSS_MB} MB`,
            'not measured (no /proc)',
            false,
          ),
    ];
    const notes = [
      `Program: ${WORKSTREAMS} workstreams in a SQLite file; each request is a signed POST of \`/rollout status\`, timed from send to the last byte of the answer (the ack carries the whole answer).`,
      `Answers: Rollout ${targets[0]?.answerBytes} bytes, bare Bolt ${targets[1]?.answerBytes} bytes.`,
      'Peak RSS (VmHWM) includes a transient spike in the first second after start-up that bare Bolt shows too (about 35 MB, before any request); the target is judged on resident memory after the load.',
      `Requests: ${WARM_UP} warm-up then up to ${MEASURED} measured per target, sequential, in ${ROUNDS} alternating rounds; both servers run under plain node in their own process, memory read from /proc/PID/status (VmRSS now, VmHWM peak) after the run.`,
      `Rollout logged ${rollout.linesSinceListening() - rolloutLinesBefore} lines during the measured requests (LOG_LEVEL=info).`,
    ];
    for (const target of targets) {
      if (target.samples.length < MEASURED)
        notes.push(
          `${target.server.name}: cut short by the ${MEASURE_BUDGET_MS / 1000} s budget after ${target.samples.length} requests.`,
        );
    }
    return { rows, checks, notes };
  });
}

function seed(databasePath: string): void {
  const db = openDatabase(databasePath);
  try {
    migrate(db);
    importFixture(db, largeProgram(WORKSTREAMS));
  } finally {
    db.close();
  }
}

function isStatusOverview(body: string): void {
  const answer = JSON.parse(body) as { blocks?: unknown[]; text?: string };
  const blocks = answer.blocks ?? [];
  if (blocks.length < 10 || !body.includes('Large program'))
    throw new Error(`Rollout did not answer with the status overview: ${body.slice(0, 300)}`);
}

function isFixedAnswer(body: string): void {
  if (!body.includes('fixed')) throw new Error(`bare Bolt did not answer 'fixed': ${body.slice(0, 300)}`);
}

function row(
  target: string,
  stats: Summary,
  memory: { rssMb: number; peakRssMb: number } | undefined,
): BenchRow {
  return { bench: statusBench.name, target, ...stats, ...(memory ?? {}) };
}

function check(what: string, target: string, actual: string, pass: boolean): BenchCheck {
  return { bench: statusBench.name, what, target, actual, pass };
}
