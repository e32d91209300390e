import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type RolloutApp } from '../../src/app.js';
import { type Clock, systemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { migrate } from '../../src/db/migrate.js';
import { type Db, openDatabase } from '../../src/db/open.js';
import type { Deps } from '../../src/deps.js';
import { createLogger } from '../../src/logger.js';
import type { CanvasTiming } from '../../src/services/canvas-keeper.js';
import { commandAnswerProblems, submissionAnswerProblems } from '../../src/slack-standin/block-kit-rules.js';
import {
  type BlockActionFields,
  blockActionPayload,
  commandBody,
  eventEnvelope,
  interactionBody,
  type MessageActionFields,
  messageActionPayload,
  type SignedPostOptions,
  type SlackResponse,
  signedPost,
  type ViewSubmissionFields,
  viewSubmissionPayload,
} from '../../src/slack-standin/requests.js';
import { SlackStandIn } from '../../src/slack-standin/stand-in.js';

export const SIGNING_SECRET = 'test-signing-secret';

export interface LogLine {
  level: string;
  msg: string;
  event?: string;
  [field: string]: unknown;
}

export interface HarnessOptions {
  clock?: Clock;
  /** Extra environment, e.g. `{ ROLLOUT_ADMINS: 'UADMIN1' }`. */
  env?: Record<string, string>;
  /** Reuse a database folder (to restart on the same file); a fresh temporary one otherwise. */
  dir?: string;
  /** Reuse a fake Web API (to keep its recorded calls across a restart). */
  fake?: SlackStandIn;
  /** Runs on the migrated database before the server starts (seed programs here). */
  seed?: (db: Db) => void;
  /** A restart hands over what the first harness created, so that the last one's stop() cleans it up. */
  owns?: { dir: boolean; fake: boolean };
  /** `Deps.slackLookupDeadlineMs`: how long a users.info lookup for a nicer message may take (1.5 s if not set). */
  slackLookupDeadlineMs?: number;
  /** Keep canvases current as `main` does (started after listen), with this timing (the real one for `true`). */
  canvases?: true | Partial<CanvasTiming>;
}

/**
 * Starts Rollout as `main.ts` does (config → open DB → migrate → createApp → listen) on a random port,
 * against a real SQLite file and the fake Web API, and drives it with signed requests as Slack would.
 */
export class RolloutHarness {
  private constructor(
    /** Every log line the server wrote, parsed. */
    readonly logs: LogLine[],
    readonly rollout: RolloutApp,
    /** What the app was built from: config, the database, the clock, the logger. */
    readonly deps: Deps,
    readonly fake: SlackStandIn,
    readonly dir: string,
    readonly url: string,
    private readonly options: HarnessOptions,
    private readonly owns: { dir: boolean; fake: boolean },
  ) {}

  static async start(options: HarnessOptions = {}): Promise<RolloutHarness> {
    const owns = options.owns ?? { dir: !options.dir, fake: !options.fake };
    const fake = options.fake ?? (await new SlackStandIn().start());
    const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'rollout-test-'));
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: '0',
      DATABASE_PATH: join(dir, 'rollout.db'),
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: 'debug',
      ...options.env,
    });
    const logs: LogLine[] = [];
    const logger = createLogger(config.logLevel, {
      write: (line) => {
        logs.push(JSON.parse(line) as LogLine);
      },
    });
    const db = openDatabase(config.databasePath);
    migrate(db);
    options.seed?.(db);
    const clock = options.clock ?? systemClock;
    fake.now = () => clock.now().getTime();
    const deps: Deps = {
      config,
      db,
      clock,
      logger,
      slackLookupDeadlineMs: options.slackLookupDeadlineMs,
      ...(typeof options.canvases === 'object' ? { canvasTiming: options.canvases } : {}),
    };
    const rollout = createApp(deps);
    const { port } = await rollout.start();
    if (options.canvases) rollout.services.canvases.start();
    return new RolloutHarness(logs, rollout, deps, fake, dir, `http://127.0.0.1:${port}`, options, owns);
  }

  get db(): Db {
    return this.deps.db;
  }

  get clock(): Clock {
    return this.deps.clock;
  }

  get eventsUrl(): string {
    return `${this.url}/slack/events`;
  }

  /** Sends `/rollout TEXT` as `user`; the ack (what the user sees at once) is the response body. */
  command(user: string, text: string, extra: { channel?: string; post?: SignedPostOptions } = {}) {
    const responseUrl = this.fake.responseUrl();
    const triggerId = this.fake.mintTrigger(user);
    const body = commandBody({
      user,
      text,
      responseUrl,
      triggerId,
      ...(extra.channel ? { channel: extra.channel } : {}),
    });
    return this.post(body, 'application/x-www-form-urlencoded', extra.post).then((res) => {
      refuseAsSlack('command answer', commandAnswerProblems(res.json));
      return { ...res, responseUrl, triggerId };
    });
  }

  /**
   * Clicks a button (or picks an option) as `user`. `responseUrl`: the one the click carries, e.g. the
   * command's whose answer holds the button (replies to either replace that answer in Slack); a new one else.
   */
  action(
    fields: Omit<BlockActionFields, 'triggerId' | 'responseUrl'> & {
      triggerId?: string;
      responseUrl?: string;
    },
  ) {
    const triggerId = fields.triggerId ?? this.fake.mintTrigger(fields.user);
    // A click on a message Slack shows: replies to its response_url land on that message, as in Slack.
    const responseUrl =
      fields.responseUrl ??
      (fields.message
        ? this.fake.responseUrl(undefined, {
            user: fields.user,
            channel: fields.channel ?? 'C0CHANNEL1',
            messageTs: fields.message.ts,
          })
        : this.fake.responseUrl());
    // The view a click came from is one Slack showed: the stand-in takes it in, so views.update finds it.
    if (fields.view?.id) this.fake.workspace.adopt(fields.user, fields.view);
    const payload = blockActionPayload({ ...fields, triggerId, responseUrl });
    return this.post(interactionBody(payload), 'application/x-www-form-urlencoded').then((res) => ({
      ...res,
      responseUrl,
      triggerId,
    }));
  }

  /** Submits a modal as `user`; the body is the `response_action` (errors, update…) or empty when it closes. */
  submit(fields: Omit<ViewSubmissionFields, 'triggerId'>): Promise<SlackResponse> {
    const payload = viewSubmissionPayload({ ...fields, triggerId: this.fake.mintTrigger(fields.user) });
    return this.post(interactionBody(payload), 'application/x-www-form-urlencoded').then((res) => {
      refuseAsSlack('form answer', submissionAnswerProblems(res.json));
      return res;
    });
  }

  /** Uses a message shortcut on a message, as `user`; the modal it opens is a `views.open` call. */
  messageAction(fields: Omit<MessageActionFields, 'triggerId' | 'responseUrl'>) {
    const triggerId = this.fake.mintTrigger(fields.user);
    const payload = messageActionPayload({ ...fields, triggerId, responseUrl: this.fake.responseUrl() });
    return this.post(interactionBody(payload), 'application/x-www-form-urlencoded').then((res) => ({
      ...res,
      triggerId,
    }));
  }

  /** Delivers an Events API event. */
  event(
    event: Record<string, unknown>,
    opts: SignedPostOptions & { eventId?: string } = {},
  ): Promise<SlackResponse> {
    return this.post(JSON.stringify(eventEnvelope(event, opts.eventId)), 'application/json', opts);
  }

  post(body: string, contentType: string, opts: SignedPostOptions = {}): Promise<SlackResponse> {
    return signedPost(this.eventsUrl, SIGNING_SECRET, body, contentType, opts);
  }

  /** Log lines with this `event` field. */
  logsOf(event: string): LogLine[] {
    return this.logs.filter((l) => l.event === event);
  }

  /** Stops this server and starts a new one on the same database file and fake (a process restart). */
  async restart(overrides: Partial<HarnessOptions> = {}): Promise<RolloutHarness> {
    await this.rollout.stop();
    this.db.close();
    return RolloutHarness.start({
      ...this.options,
      seed: undefined,
      ...overrides,
      dir: this.dir,
      fake: this.fake,
      owns: this.owns,
    });
  }

  async stop(): Promise<void> {
    await this.rollout.stop();
    if (this.db.open) this.db.close();
    if (this.owns.fake) await this.fake.stop();
    if (this.owns.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}

function refuseAsSlack(what: string, problems: string[]): void {
  if (problems.length) throw new Error(`Slack would refuse this ${what}:\n  ${problems.join('\n  ')}`);
}
