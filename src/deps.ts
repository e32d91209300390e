import type { Logger } from '@slack/logger';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/open.js';

/** What every part of the server is handed; nothing reaches for a global. */
export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
}
