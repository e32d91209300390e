import type { Logger } from '@slack/logger';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { MigrationError, migrate } from './db/migrate.js';
import { ADMIN_WRITE_WAIT_MS, type Db, openDatabase, SERVER_WRITE_WAIT_MS, setWriteWait } from './db/open.js';
import { checkDatabaseAtStart, explainDatabaseError } from './db/startup-check.js';
import { loadEnvFile } from './env-file.js';
import { createLogger } from './logger.js';
import { startupHint } from './startup-hint.js';

/** config → open DB → migrate → register listeners → check the token → start schedules and canvases → listen. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    loadEnvFile();
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // A promise nobody awaited failed (a library's background work, a bug of ours): say so in the log's own
  // format and exit, so the supervisor restarts a clean process, rather than dumping a bare stack trace.
  process.on('unhandledRejection', (reason) => {
    const error = reason instanceof Error ? reason : new Error(String(reason));
    logger.error({ event: 'fatal' }, 'Rollout stopped on an unhandled error', error);
    process.exit(1);
  });
  const db = openOrExit(config.databasePath, logger);
  const rollout = createApp({ config, db, clock: systemClock, logger });
  try {
    // The token first: with Slack unreachable or the token refused, no digest is attempted (and recorded
    // as failed) before the process gives up.
    await rollout.init();
    // Not awaited: the first sweep (catch-up after downtime) talks to Slack and must not delay listening.
    void rollout.scheduler.start();
    // Its first look brings canvases left behind while the server was down up to date.
    rollout.services.canvases.start();
    await rollout.listen();
  } catch (error) {
    logger.error({ event: 'fatal', hint: startupHint(error, config) }, 'Rollout could not start', error);
    db.close();
    process.exit(1);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'shutdown', signal }, 'stopping');
    await rollout.stop().catch((error) => logger.error({ event: 'shutdown_failed' }, error));
    db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * Opens, checks and migrates the database, or stops the process with a log line saying what is wrong with
 * the file: a damaged or unwritable database found at start beats one found by the first person to save.
 */
function openOrExit(path: string, logger: Logger): Db {
  let db: Db | undefined;
  try {
    // Nobody waits on the start: a migration may wait its turn behind a CLI command's write.
    db = openDatabase(path, { writeWaitMs: ADMIN_WRITE_WAIT_MS });
    checkDatabaseAtStart(db, path);
    const { applied } = migrate(db);
    if (applied.length) logger.info({ event: 'migrated', applied }, 'database migrated');
    setWriteWait(db, SERVER_WRITE_WAIT_MS);
    return db;
  } catch (error) {
    const hint =
      explainDatabaseError(error, path) ??
      (error instanceof MigrationError ? error.message : `Check DATABASE_PATH (${path}).`);
    logger.error({ event: 'fatal', hint }, 'Rollout could not use its database', error);
    if (db?.open) db.close();
    process.exit(1);
  }
}

main().catch((error) => {
  process.stderr.write(
    `Rollout failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
