import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { createLogger } from './logger.js';

/** config → open DB → migrate → register listeners → start schedules → listen. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const db = openDatabase(config.databasePath);
  const { applied } = migrate(db);
  if (applied.length) logger.info({ event: 'migrated', applied }, 'database migrated');
  const rollout = createApp({ config, db, clock: systemClock, logger });
  await rollout.start();

  const shutdown = async (signal: string) => {
    logger.info({ event: 'shutdown', signal }, 'stopping');
    await rollout.stop().catch((error) => logger.error({ event: 'shutdown_failed' }, error));
    db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(
    `Rollout failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
