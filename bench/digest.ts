import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../src/db/migrate.js';
import { type Db, openDatabase } from '../src/db/open.js';
import { composeDigest } from '../src/services/digest-sender.js';
import { DigestHistory } from '../src/store/digest-history.js';
import { DigestRuns } from '../src/store/digest-runs.js';
import { HistoryWriter } from '../src/store/history-writer.js';
import { ProgramRepo } from '../src/store/program-repo.js';
import { digestMessage } from '../src/ui/digest-message.js';
import { importFixture, largeProgram } from '../tests/support/programs.js';
import type { Bench, BenchCheck, BenchResult, BenchRow } from './bench.js';
import { summarize } from './stats.js';

const WORKSTREAMS = 1000;
const HISTORY = 100_000;
const TARGET_MS = 50;
const WARM_UP = 5;
const MEASURED = 40;
const AS_OF = new Date('2026-11-30T17:00:00Z');

/** A week of heavy editing: status and risk moves, blockers rewritten, spread over the 7 days before AS_OF. */
function seed(db: Db): number {
  const { programId } = importFixture(
    db,
    largeProgram(WORKSTREAMS, {
      timezone: 'America/Los_Angeles',
      digest: { channel: 'C0LEADERS', schedule: '0 9 * * 1' },
    }),
    new Date('2026-11-01T00:00:00Z'),
  );
  const history = new HistoryWriter(db);
  const statuses = ['in-discovery', 'drafted', 'needs-decision', 'needs-validation', 'blocked'];
  const fields = ['status', 'risk', 'blocker', 'state'] as const;
  const week = 7 * 86_400_000;
  db.transaction(() => {
    for (let i = 0; i < HISTORY; i++) {
      const ws = i % WORKSTREAMS;
      const field = fields[i % fields.length] as (typeof fields)[number];
      const [oldValue, newValue] =
        field === 'status'
          ? [statuses[i % 5], statuses[(i + 1) % 5]]
          : field === 'risk'
            ? [['high', 'medium', 'low'][i % 3], ['high', 'medium', 'low'][(i + 1) % 3]]
            : [`${field} before ${i}`, `${field} after ${i}`];
      history.record(programId, {
        entity: 'workstream',
        entityKey: `ws-${ws}`,
        entityLabel: `Workstream ${ws}`,
        field,
        oldValue: oldValue ?? null,
        newValue: newValue ?? null,
        actor: `U${String(i % 50).padStart(6, '0')}`,
        at: new Date(AS_OF.getTime() - week + Math.floor((i / HISTORY) * week)).toISOString(),
        note: '',
      });
    }
  })();
  return programId;
}

/**
 * Building the weekly digest for 1,000 workstreams and 100,000 history entries, from the store as the
 * sender does (a fresh read each time: program, the week's history, content, Block Kit), next to the
 * store reads alone, the floor the digest cannot go under, in the same process and run.
 */
export const digestBench: Bench = {
  name: 'digest',
  description: `the weekly digest for ${WORKSTREAMS} workstreams and ${HISTORY.toLocaleString('en-US')} history entries`,
  async run(): Promise<BenchResult> {
    const dir = mkdtempSync(join(tmpdir(), 'rollout-bench-digest-'));
    const db = openDatabase(join(dir, 'rollout.db'));
    try {
      migrate(db);
      const programId = seed(db);
      const runs = new DigestRuns(db);
      const targets = {
        digest: [] as number[],
        reads: [] as number[],
      };
      let blocks = 0;
      const buildOnce = () => {
        const programs = new ProgramRepo(db);
        const program = programs.getById(programId);
        if (!program) throw new Error('bench program missing');
        const message = digestMessage(
          composeDigest({ runs, history: new DigestHistory(db) }, program, AS_OF),
          program,
        );
        blocks = message.blocks.length;
      };
      const readOnce = () => {
        const programs = new ProgramRepo(db);
        programs.getById(programId);
        new DigestHistory(db).changesSince(
          programId,
          new Date(AS_OF.getTime() - 7 * 86_400_000).toISOString(),
        );
      };
      const time = (f: () => void) => {
        const start = performance.now();
        f();
        return performance.now() - start;
      };
      for (let i = 0; i < WARM_UP; i++) {
        buildOnce();
        readOnce();
      }
      // Alternate, so machine noise falls on both alike.
      for (let i = 0; i < MEASURED; i++) {
        targets.digest.push(time(buildOnce));
        targets.reads.push(time(readOnce));
      }
      const digest = summarize(targets.digest);
      const reads = summarize(targets.reads);
      const rows: BenchRow[] = [
        { bench: 'digest', target: 'digest: read, build, Block Kit', ...digest },
        { bench: 'digest', target: 'store reads alone (floor)', ...reads },
      ];
      const checks: BenchCheck[] = [
        {
          bench: 'digest',
          what: 'p50, building the digest',
          target: `< ${TARGET_MS} ms`,
          actual: `${digest.p50Ms.toFixed(2)} ms`,
          pass: digest.p50Ms < TARGET_MS,
        },
      ];
      return {
        rows,
        checks,
        notes: [
          `Program: ${WORKSTREAMS} workstreams, ${HISTORY.toLocaleString('en-US')} history entries in the week before the digest, in a SQLite file; the digest message has ${blocks} blocks.`,
          `Each sample reads afresh (no cached program): ${WARM_UP} warm-up then ${MEASURED} measured, alternating with the reads alone; in process, no Slack call.`,
          `Building over the floor: ${(digest.p50Ms - reads.p50Ms).toFixed(2)} ms at p50.`,
        ],
      };
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
