import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { migrate } from '../../src/db/migrate.js';
import { type Db, openDatabase } from '../../src/db/open.js';
import type { Deps } from '../../src/deps.js';
import type { Program } from '../../src/domain/program.js';
import type { ProgramFileInput } from '../../src/domain/program-file.js';
import { createLogger } from '../../src/logger.js';
import { ProgramRepo } from '../../src/store/program-repo.js';
import { importFixture, smallProgram } from './programs.js';
import type { LogLine } from './rollout-server.js';

export const IMPORTED_AT = '2026-01-05T09:00:00.000Z';
export const NOW = '2026-01-12T10:00:00.000Z';
export const GLOBAL_ADMIN = 'UGLOBAL01';

export interface ServiceEnv {
  deps: Deps;
  db: Db;
  clock: ReturnType<typeof fixedClock>;
  /** Every log line written, parsed. */
  logs: LogLine[];
  programId: number;
  /** The program as stored now; throws when it is gone. */
  program(): Program;
  /** Closes the database and removes its folder. */
  close(): void;
}

/**
 * What a service is built from, for real: a migrated SQLite file in a temporary folder holding `program`
 * (imported at IMPORTED_AT by "import"), a fixed clock at NOW, a config with one global admin, and a
 * logger whose lines are kept for assertions.
 */
export function serviceEnv(program: ProgramFileInput = smallProgram()): ServiceEnv {
  const dir = mkdtempSync(join(tmpdir(), 'rollout-service-'));
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: 'test-signing-secret',
    DATABASE_PATH: join(dir, 'rollout.db'),
    ROLLOUT_ADMINS: GLOBAL_ADMIN,
    LOG_LEVEL: 'debug',
  });
  const logs: LogLine[] = [];
  const logger = createLogger(config.logLevel, { write: (line) => logs.push(JSON.parse(line) as LogLine) });
  const db = openDatabase(config.databasePath);
  migrate(db);
  const { programId } = importFixture(db, program, new Date(IMPORTED_AT));
  const clock = fixedClock(NOW);
  const repo = new ProgramRepo(db);
  return {
    deps: { config, db, clock, logger },
    db,
    clock,
    logs,
    programId,
    program: () => {
      const program = repo.getById(programId);
      if (!program) throw new Error('program is missing');
      return program;
    },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every table an edit could touch, row for row, to show that a refused edit wrote nothing. */
export function snapshot(db: Db): Record<string, unknown[]> {
  const tables = [
    'workstreams',
    'workstream_owners',
    'risks',
    'readiness',
    'actions',
    'decisions',
    'history',
  ];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}
