import type { Logger } from '@slack/logger';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/open.js';
import type { CanvasTiming } from './services/canvas-keeper.js';

/** What every part of the server is handed; nothing reaches for a global. */
export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  /**
   * How long a lookup that only makes a message nicer (users.info for a name or a time zone) may take before
   * the answer goes out without it: 1.5 s when not set. Tests pass a short one.
   */
  slackLookupDeadlineMs?: number;
  /** How often the canvas keeper looks for changes and how far apart its edits are; tests pass short ones. */
  canvasTiming?: Partial<CanvasTiming>;
}
