import { migrate } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { HistoryWriter } from '../src/store/history-writer.js';
import { importFixture, largeProgram } from '../tests/support/programs.js';
import type { Bench, BenchCheck, BenchResult, BenchRow } from './bench.js';
import { withServerPair } from './server-pair.js';
import type { CommandAnswer } from './signed-command.js';
import { summarize } from './stats.js';

const SIZES = [1000, 5000];
const COMMANDS = 1000;
const IN_FLIGHT = 50;
const WARM_UP = 100;
/** Edits per workstream in the week before the run: what the digest preview reports. */
const EDITS_PER_WORKSTREAM = 10;
/** Measured commands are split into rounds taken in turn (Rollout, Bolt, Rollout, Bolt) to share out noise. */
const ROUNDS = 2;
/** Well past Slack's 3 s, so that a slow ack is measured rather than cut off. */
const REQUEST_TIMEOUT_MS = 15_000;
const SLACK_ACK_MS = 3000;
const TARGET_P99_RATIO = 3;
/** The size at which p99 is compared with bare Bolt's; every size must ack within Slack's 3 s. */
const RATIO_SIZE = 1000;

const USER = 'U000001';

/**
 * 1,000 mixed `/rollout` commands with 50 in flight (`status`, `status WORKSTREAM`, `history WORKSTREAM`,
 * `digest`, in turn), against a bare Bolt app acking a fixed message under the same load, at 1,000 and
 * 5,000 workstreams.
 */
export const loadBench: Bench = {
  name: 'load',
  description: `${COMMANDS.toLocaleString('en-US')} mixed commands, ${IN_FLIGHT} in flight, at ${SIZES.map((n) => n.toLocaleString('en-US')).join(' and ')} workstreams vs a bare Bolt app`,
  run: runLoadBench,
};

/** The i-th command of the mix; workstreams are spread over the program. */
export function mixedCommand(i: number, workstreams: number): string {
  const ws = `ws-${(i * 7919) % workstreams}`;
  return [`status`, `status ${ws}`, `history ${ws}`, 'digest'][i % 4] as string;
}

async function runLoadBench(): Promise<BenchResult> {
  const rows: BenchRow[] = [];
  const checks: BenchCheck[] = [];
  const notes = [
    `Each size: a program of N workstreams with ${EDITS_PER_WORKSTREAM} edits each in the past week; ${WARM_UP} warm-up then ${COMMANDS} measured commands per server with ${IN_FLIGHT} in flight, in ${ROUNDS} alternating rounds; timed from send to the ack's last byte by a keep-alive node:http client (history answers in the ack once the viewer's zone is known; the first one answers through the response_url, to the stand-in, where the sender is a known user).`,
  ];
  for (const size of SIZES) {
    const { rollout, bolt, failures } = await runSize(size);
    const label = size.toLocaleString('en-US');
    rows.push(
      {
        bench: loadBench.name,
        target: `Rollout mixed, ${label} ws`,
        ...summarize(rollout.samples),
        ...(rollout.memory ?? {}),
      },
      {
        bench: loadBench.name,
        target: `bare Bolt, ${label} ws run`,
        ...summarize(bolt.samples),
        ...(bolt.memory ?? {}),
      },
    );
    const rolloutStats = summarize(rollout.samples);
    const boltStats = summarize(bolt.samples);
    checks.push({
      bench: loadBench.name,
      what: `slowest ack (of ${rollout.samples.length + failures.length}), Rollout, ${label} workstreams`,
      target: `< ${SLACK_ACK_MS} ms, none failed`,
      actual: `${rolloutStats.maxMs.toFixed(0)} ms, ${failures.length} failed`,
      pass: rolloutStats.maxMs < SLACK_ACK_MS && failures.length === 0,
    });
    if (size === RATIO_SIZE) {
      const ratio = rolloutStats.p99Ms / boltStats.p99Ms;
      checks.push({
        bench: loadBench.name,
        what: `p99, Rollout ÷ bare Bolt, ${label} workstreams`,
        target: `≤ ${TARGET_P99_RATIO}×`,
        actual: `${ratio.toFixed(2)}×`,
        pass: ratio <= TARGET_P99_RATIO,
      });
    }
    if (failures.length) notes.push(`${label} workstreams: ${failures.length} failed, first: ${failures[0]}`);
  }
  return { rows, checks, notes };
}

interface Measured {
  samples: number[];
  memory: { rssMb: number; peakRssMb: number } | undefined;
}

async function runSize(size: number): Promise<{ rollout: Measured; bolt: Measured; failures: string[] }> {
  const seedSize = (databasePath: string) => seed(databasePath, size);
  return withServerPair(
    { user: USER, requestTimeoutMs: REQUEST_TIMEOUT_MS, seed: seedSize },
    async (pair) => {
      const { rollout: rolloutServer, bolt: boltServer, send } = pair;

      const first = await send(rolloutServer, 'status');
      if (!first.body.includes('Large program'))
        throw new Error(`Rollout did not answer with the status overview: ${first.body.slice(0, 300)}`);
      const failures: string[] = [];
      const rollout: number[] = [];
      const bolt: number[] = [];
      await burst(WARM_UP, IN_FLIGHT, (i) => send(rolloutServer, mixedCommand(i, size)), [], failures);
      await burst(WARM_UP, IN_FLIGHT, (i) => send(boltServer, mixedCommand(i, size)), [], []);
      failures.length = 0;
      const perRound = Math.ceil(COMMANDS / ROUNDS);
      for (let round = 0; round < ROUNDS; round++) {
        const offset = round * perRound;
        await burst(
          perRound,
          IN_FLIGHT,
          (i) => send(rolloutServer, mixedCommand(offset + i, size)),
          rollout,
          failures,
        );
        await burst(perRound, IN_FLIGHT, (i) => send(boltServer, mixedCommand(offset + i, size)), bolt, []);
      }
      return {
        rollout: { samples: rollout, memory: rolloutServer.memory() },
        bolt: { samples: bolt, memory: boltServer.memory() },
        failures,
      };
    },
  );
}

/** `count` commands with `inFlight` outstanding at any time; a failed one is counted, not timed. */
async function burst(
  count: number,
  inFlight: number,
  send: (i: number) => Promise<CommandAnswer>,
  samples: number[],
  failures: string[],
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      try {
        samples.push((await send(i)).ms);
      } catch (error) {
        failures.push(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

function seed(databasePath: string, size: number): void {
  const db = openDatabase(databasePath);
  try {
    migrate(db);
    const now = Date.now();
    const { programId } = importFixture(
      db,
      largeProgram(size, { digest: { channel: 'C0LEADERS', schedule: '0 9 * * 1' } }),
      new Date(now - 30 * 86_400_000),
    );
    const history = new HistoryWriter(db);
    const week = 7 * 86_400_000;
    const edits = size * EDITS_PER_WORKSTREAM;
    db.transaction(() => {
      for (let i = 0; i < edits; i++) {
        const ws = i % size;
        history.record(programId, {
          entity: 'workstream',
          entityKey: `ws-${ws}`,
          entityLabel: `Workstream ${ws}`,
          field: 'blocker',
          oldValue: `blocker before ${i}`,
          newValue: `blocker after ${i}`,
          actor: `U${String(i % 50).padStart(6, '0')}`,
          at: new Date(now - week + Math.floor((i / edits) * week)).toISOString(),
          note: '',
        });
      }
    })();
  } finally {
    db.close();
  }
}
