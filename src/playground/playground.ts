import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Logger } from '@slack/logger';
import { createApp, type RolloutApp } from '../app.js';
import { type Clock, systemClock } from '../clock.js';
import { type LogLevelName, loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { type Db, openDatabase } from '../db/open.js';
import { createLogger, type LogSink } from '../logger.js';
import { StandInClient } from '../slack-standin/client.js';
import { SlackStandIn } from '../slack-standin/stand-in.js';
import { importProgram } from '../store/program-import.js';
import { DEMO_CHANNEL_LIST, DEMO_PEOPLE, demoProgram, playgroundUsers } from './demo-world.js';
import { digestOutcome } from './digest-outcome.js';
import { loadEmojiMap } from './emoji-map.js';
import { messageShortcuts } from './manifest-shortcuts.js';
import { PageServer } from './page-server.js';

export interface PlaygroundOptions {
  /** The page's port (0: any free one). */
  port: number;
  databasePath: string;
  /** Keep the demo database of an earlier run rather than starting afresh from the example. */
  keep?: boolean;
  logLevel?: LogLevelName;
  logSink?: LogSink;
  clock?: Clock;
  /** Where the bundled page is; dist/playground/page/ by default. */
  pageDir?: URL;
}

export interface Playground {
  /** The page. */
  url: string;
  slack: SlackStandIn;
  rollout: RolloutApp;
  db: Db;
  logger: Logger;
  stop(): Promise<void>;
}

const PAGE_DIR = new URL('../../dist/playground/page/', import.meta.url);

/**
 * Starts the real Rollout app (createApp, as main.ts does, in HTTP mode on loopback), the Slack stand-in
 * it calls through SLACK_API_URL, and the page, with the example program imported for the demo's people.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const slack = await new SlackStandIn().start();
  const clock = options.clock ?? systemClock;
  slack.now = () => clock.now().getTime();
  for (const person of DEMO_PEOPLE) slack.workspace.addUser(person);
  for (const channel of DEMO_CHANNEL_LIST) slack.workspace.addChannel(channel);

  if (!options.keep) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${options.databasePath}${suffix}`, { force: true });
  }
  const signingSecret = randomBytes(16).toString('hex');
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-playground',
    SLACK_SIGNING_SECRET: signingSecret,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: options.databasePath,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: options.logLevel ?? 'info',
  });
  const logger = createLogger(config.logLevel, options.logSink);
  const db = openDatabase(config.databasePath);
  const stopAll: (() => Promise<void> | void)[] = [() => slack.stop(), () => void db.close()];
  const stop = async () => {
    for (const step of stopAll.reverse()) await step();
  };
  try {
    migrate(db);
    const program = demoProgram();
    // With --keep, what people changed in the playground stays; the example is only loaded into a new file.
    const existing = db.prepare('SELECT 1 FROM programs WHERE slug = ?').get(program.slug);
    if (!existing) importProgram(db, program, { actor: 'import', now: clock.now() });

    const rollout = createApp({ config, db, clock, logger });
    await rollout.init();
    void rollout.scheduler.start();
    rollout.services.canvases.start();
    stopAll.push(() => rollout.stop());
    const { port } = await rollout.listen();

    const client = new StandInClient(slack, {
      eventsUrl: `http://127.0.0.1:${port}/slack/events`,
      signingSecret,
    });
    const page = new PageServer({
      slack,
      client,
      people: playgroundUsers(),
      channels: DEMO_CHANNEL_LIST,
      shortcuts: messageShortcuts(),
      pageDir: options.pageDir ?? PAGE_DIR,
      emoji: loadEmojiMap(),
      postDigest: async () => {
        const found = rollout.services.programs.get(program.slug);
        if (!found) return { ok: false, error: `There is no program ${program.slug} any more.` };
        // The schedule's own path: the scheduler fires the sender, which posts at most once a week.
        const result = await rollout.scheduler.fire(found.id, 'schedule');
        return digestOutcome(result, found, DEMO_CHANNEL_LIST);
      },
    });
    const url = await page.start(options.port);
    stopAll.push(() => page.stop());
    return { url, slack, rollout, db, logger, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
