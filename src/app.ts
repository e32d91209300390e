import type { AddressInfo } from 'node:net';
import { App, type CustomRoute, type LogLevel } from '@slack/bolt';
import { checkWritable } from './db/health.js';
import type { Deps } from './deps.js';
import { gatedReceiver } from './http/receiver.js';
import { registerListeners } from './listeners/index.js';
import { DigestScheduler } from './services/digest-scheduler.js';
import { createServices, type Services } from './services/index.js';
import { slackClientOptions } from './slack-client.js';

export interface RolloutApp {
  app: App;
  services: Services;
  /** Digest schedules; `main` starts them, tests drive `sweep()` and `fire()` themselves. */
  scheduler: DigestScheduler;
  /** Checks the bot token with Slack (auth.test): a refused token or an unreachable Slack throws here. */
  init(): Promise<void>;
  /** Serves Slack; resolves with the port actually bound (useful when `config.port` is 0). Call `init` first. */
  listen(): Promise<{ port: number }>;
  /** `init`, then `listen`. */
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

/**
 * 200 while the database can be written (a reader that answers is not enough: every edit would fail), 503
 * once it cannot (read-only, damaged, I/O errors). A write lock held by another process is 200 with
 * `busy`: the file is fine, and restarting the server would not release that lock.
 */
function healthRoute(deps: Deps): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      const health = checkWritable(deps.db);
      if (!health.ok) deps.logger.error({ event: 'healthz_failed', problem: health.problem });
      const body = health.ok ? { ok: true, ...(health.busy ? { busy: true } : {}) } : health;
      res.writeHead(health.ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    },
  };
}

/**
 * Builds the Bolt app from its dependencies. HTTP mode serves commands, interactivity and events
 * on POST /slack/events; with an app-level token it uses Socket Mode instead.
 */
export function createApp(deps: Deps): RolloutApp {
  const { config, logger } = deps;
  const socketMode = Boolean(config.slackAppToken);
  const customRoutes = [healthRoute(deps)];
  // Over HTTP, anyone can reach the endpoint: Bolt's receiver sits behind Rollout's gate (request-gate.ts).
  const http = socketMode
    ? undefined
    : gatedReceiver({ signingSecret: config.slackSigningSecret ?? '', customRoutes, logger });
  const app = new App({
    token: config.slackBotToken,
    logger,
    // Bolt sets its logger to INFO unless told a level, which would undo LOG_LEVEL=warn or error.
    logLevel: config.logLevel as LogLevel,
    // Rollout keeps no conversation state; Bolt's default store would run on every request for nothing.
    convoStore: false,
    // Check the token (auth.test) inside start(), where a refusal can fail the start, not in the background.
    deferInitialization: true,
    clientOptions: slackClientOptions(config),
    ...(http
      ? { receiver: http.receiver }
      : {
          socketMode: true,
          appToken: config.slackAppToken,
          installerOptions: { port: config.port },
          customRoutes,
        }),
  });
  app.error(async (error) => {
    logger.error({ event: 'unhandled_listener_error' }, error);
  });

  const services = createServices(deps, app.client);
  registerListeners(app, deps, services);
  const scheduler = new DigestScheduler(deps, services.programs, services.digest, {
    onSweep: async (now) => {
      await services.reminders.sweep(app.client, now);
      // Imports and edits from any process change dates; the sweep is where all of them are seen.
      await services.dateConflicts.sweep(app.client);
    },
  });

  const rollout: RolloutApp = {
    app,
    services,
    scheduler,
    async init() {
      await app.init();
    },
    async listen() {
      const server = await app.start(config.host ? { port: config.port, host: config.host } : config.port);
      const address =
        server && typeof server.address === 'function' ? (server.address() as AddressInfo | null) : null;
      const port = address?.port ?? config.port;
      logger.info({ event: 'listening', port, mode: socketMode ? 'socket' : 'http' }, 'Rollout is listening');
      return { port };
    },
    async start() {
      await rollout.init();
      return rollout.listen();
    },
    async stop() {
      await scheduler.stop();
      await services.canvases.stop();
      await app.stop();
      // Refusals counted since the last line are written now rather than lost with the process.
      http?.refusals.flush();
    },
  };
  return rollout;
}
