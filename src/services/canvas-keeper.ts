import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import type { Program } from '../domain/program.js';
import { answerLost, rateLimitedFor, singleAttemptClient, slackErrorReason } from '../slack-client.js';
import { type CanvasKind, type CanvasRecord, ProgramCanvases } from '../store/program-canvases.js';
import type { ProgramRepo } from '../store/program-repo.js';
import { type CanvasPage, CanvasPages } from './canvas-pages.js';

export interface CanvasTiming {
  /** How often the keeper looks for a change (any process's commit) that puts a canvas behind. */
  pollMs: number;
  /** The least time between two edits of one canvas: a burst of saves becomes a few edits. */
  minIntervalMs: number;
  /** How often a canvas is checked even when nothing was saved: "overdue" and "last 7 days" move with time. */
  recheckMs: number;
  /** The first wait after a failure; doubled after each, up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
}

/** A change shows on the canvas within pollMs + minIntervalMs + Slack's answer: well inside 10 seconds. */
export const CANVAS_TIMING: CanvasTiming = {
  pollMs: 2_000,
  minIntervalMs: 4_000,
  recheckMs: 15 * 60_000,
  backoffMs: 5_000,
  maxBackoffMs: 15 * 60_000,
};

export type PublishOutcome =
  | { kind: 'no-canvas' }
  | { kind: 'current' | 'edited' | 'created'; canvas: CanvasRecord };

/** Slack refused or did not answer: its reason, and what an operator can do about it. */
export class CanvasFailure extends Error {
  override name = 'CanvasFailure';

  constructor(
    readonly reason: string,
    readonly hint: string,
    readonly retryAfterMs?: number,
  ) {
    super(`${reason}: ${hint}`);
  }
}

/** What an operator can do about each reason Slack gives; anything else is retried with backoff. */
const HINTS: Record<string, string> = {
  not_in_channel: 'invite the bot to the channel (/invite @Rollout)',
  channel_not_found: 'check canvas.channel in the program file, and invite the bot if the channel is private',
  free_teams_cannot_edit_standalone_canvases:
    'free workspaces cannot edit standalone canvases: remove the channel’s own canvas so Rollout can make it',
  free_teams_cannot_create_non_tabbed_canvases:
    'free workspaces cannot make standalone canvases: remove the channel’s own canvas so Rollout can make it',
  canvas_not_found: 'the canvas was deleted: Rollout makes a new one',
  restricted_action:
    'the bot may not edit this canvas: invite it to the channel (/invite @Rollout) or give it edit access',
  missing_scope: 'the app lacks canvases:write: update it from manifest.yml and reinstall',
  canvas_disabled_user_team: 'canvases are turned off for this workspace',
  canvas_too_large: 'the page is larger than Slack takes',
};
const DEFAULT_HINT = 'Rollout tries again; `rollout canvas SLUG --publish` tries now';

export function canvasHint(reason: string): string {
  return HINTS[reason] ?? DEFAULT_HINT;
}

/** A canvas on record that is the one kept in the program's channel (not gone, not another channel's). */
type KeptCanvas = CanvasRecord & { canvasId: string };

function isKept(record: CanvasRecord | undefined, channel: string): record is KeptCanvas {
  return !!record?.canvasId && record.channel === channel;
}

function failure(error: unknown): CanvasFailure {
  if (error instanceof CanvasFailure) return error;
  const reason = answerLost(error) ? `no answer (${slackErrorReason(error)})` : slackErrorReason(error);
  return new CanvasFailure(reason, canvasHint(reason), rateLimitedFor(error));
}

/** One program's edits: at most one in flight, the next no sooner than minIntervalMs after the last began. */
interface Lane {
  timer?: NodeJS.Timeout;
  running?: Promise<unknown>;
  /** Something changed while an edit was in flight: look again when it ends. */
  again: boolean;
  lastStart: number;
  /** Slack's Retry-After, or the backoff after a failure. */
  notBefore: number;
  failures: number;
}

/**
 * Keeps each program's canvas current. It watches the database rather than being told of each save, so a
 * form in this process, an import from the CLI and a restart all land the same way: whenever the database
 * moved, each program's page is rendered and compared (by hash) with what its canvas last took, and a
 * canvas that is behind gets one `canvases.edit` with the whole page, the latest version at the time the
 * edit starts. Failures are logged (`canvas_failed`, with Slack's reason and a hint) and retried with
 * backoff; Slack's Retry-After is honoured.
 */
export class CanvasKeeper {
  private readonly store: ProgramCanvases;
  private readonly pages: CanvasPages;
  private readonly timing: CanvasTiming;
  private readonly once: WebClient;
  private readonly lanes = new Map<number, Lane>();
  private poll: NodeJS.Timeout | undefined;
  private lastMark = '';
  private lastFullCheck = 0;
  private workspaceUrl: Promise<string | null> | undefined;

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'clock' | 'logger' | 'canvasTiming'>,
    private readonly programs: ProgramRepo,
    client: WebClient,
  ) {
    this.store = new ProgramCanvases(deps.db);
    this.pages = new CanvasPages(deps);
    this.timing = { ...CANVAS_TIMING, ...deps.canvasTiming };
    // Each call made once: a lost answer to a create must not make a second canvas, and a 429 is waited
    // out here (the lane's notBefore), not inside the client while the lane is held.
    this.once = singleAttemptClient(client, deps.logger);
  }

  /** Watches for changes; the first look is now, so a canvas left behind before a restart catches up. */
  start(): void {
    if (this.poll) return;
    this.poll = setInterval(() => this.sweep(), this.timing.pollMs);
    this.poll.unref();
    this.sweep();
  }

  /** Stops watching and waits for the edits in flight. */
  async stop(): Promise<void> {
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
    for (const lane of this.lanes.values()) {
      if (lane.timer) clearTimeout(lane.timer);
      lane.timer = undefined;
      lane.again = false;
    }
    await Promise.allSettled([...this.lanes.values()].map((l) => l.running));
  }

  /** Where people open the program's page, for `/rollout status`; null until its canvas is made. */
  pageUrl(program: Program): string | null {
    if (!program.canvasChannel) return null;
    const record = this.store.get(program.id);
    return isKept(record, program.canvasChannel) ? record.url : null;
  }

  /**
   * Brings one program's canvas up to date now, after any edit in flight (`rollout canvas --publish`).
   * Throws CanvasFailure when Slack refuses.
   */
  async publishNow(programId: number): Promise<PublishOutcome> {
    const lane = this.lane(programId);
    while (lane.running) await lane.running.catch(() => undefined);
    const run = this.publish(programId);
    lane.running = run;
    lane.lastStart = Date.now();
    try {
      return await run;
    } catch (error) {
      throw failure(error);
    } finally {
      lane.running = undefined;
    }
  }

  /** Looks at every program that wants a canvas when the database moved, or when the recheck is due. */
  private sweep(): void {
    const mark = this.programs.changeMark();
    const now = Date.now();
    if (mark === this.lastMark && now - this.lastFullCheck < this.timing.recheckMs) return;
    this.lastMark = mark;
    this.lastFullCheck = now;
    for (const wanted of this.store.wanted()) {
      try {
        if (this.behind(wanted.id)) this.schedule(wanted.id);
      } catch (error) {
        this.deps.logger.error(
          { event: 'canvas_failed', program: wanted.slug, step: 'render', reason: String(error) },
          'could not render the program’s canvas page',
        );
      }
    }
  }

  private behind(programId: number): boolean {
    const program = this.programs.getById(programId);
    if (!program?.canvasChannel) return false;
    const record = this.store.get(programId);
    if (!isKept(record, program.canvasChannel)) return true;
    return record.publishedHash !== this.pages.page(program).hash;
  }

  private lane(programId: number): Lane {
    let lane = this.lanes.get(programId);
    if (!lane) {
      lane = { again: false, lastStart: 0, notBefore: 0, failures: 0 };
      this.lanes.set(programId, lane);
    }
    return lane;
  }

  private schedule(programId: number): void {
    const lane = this.lane(programId);
    if (lane.running) {
      lane.again = true;
      return;
    }
    if (lane.timer) return;
    const now = Date.now();
    const at = Math.max(now, lane.lastStart + this.timing.minIntervalMs, lane.notBefore);
    lane.timer = setTimeout(() => {
      lane.timer = undefined;
      this.run(programId, lane);
    }, at - now);
    lane.timer.unref();
  }

  private run(programId: number, lane: Lane): void {
    lane.lastStart = Date.now();
    lane.running = this.publish(programId)
      .then(() => {
        lane.failures = 0;
      })
      .catch((error: unknown) => this.failed(programId, lane, failure(error)))
      .finally(() => {
        lane.running = undefined;
        if (lane.again) {
          lane.again = false;
          // The next sweep looks again; forcing it now would also notice a change made during the edit.
          this.lastMark = '';
        }
      });
  }

  private failed(programId: number, lane: Lane, f: CanvasFailure): void {
    const program = this.programs.getById(programId);
    const log = { program: program?.slug, channel: program?.canvasChannel };
    if (f.retryAfterMs !== undefined) {
      lane.notBefore = Date.now() + f.retryAfterMs;
      this.deps.logger.info(
        { event: 'canvas_rate_limited', ...log, retry_after_ms: f.retryAfterMs },
        'Slack asked to wait before the next canvas edit',
      );
    } else {
      lane.failures++;
      const wait = Math.min(this.timing.backoffMs * 2 ** (lane.failures - 1), this.timing.maxBackoffMs);
      lane.notBefore = Date.now() + wait;
      this.deps.logger.warn(
        { event: 'canvas_failed', ...log, reason: f.reason, hint: f.hint, retry_in_ms: wait },
        `could not update the program’s canvas: ${f.hint}`,
      );
    }
    lane.again = true;
  }

  private async publish(programId: number): Promise<PublishOutcome> {
    const program = this.programs.getById(programId);
    const channel = program?.canvasChannel;
    if (!program || !channel) return { kind: 'no-canvas' };
    const page = this.pages.page(program);
    const onRecord = this.store.get(programId);
    const kept = isKept(onRecord, channel);
    // A canvas adopted after a lost answer is made without the page on it: it is edited below.
    const record = kept ? onRecord : await this.make(program, channel, page, onRecord);
    if (record.publishedHash === page.hash) return { kind: kept ? 'current' : 'created', canvas: record };
    const { canvasId } = record;
    try {
      await this.once.canvases.edit({
        canvas_id: canvasId,
        changes: [{ operation: 'replace', document_content: { type: 'markdown', markdown: page.markdown } }],
      });
    } catch (error) {
      if (slackErrorReason(error) !== 'canvas_not_found') throw error;
      // Deleted in Slack: said once, then made again with the same page.
      this.deps.logger.warn(
        {
          event: 'canvas_failed',
          program: program.slug,
          channel,
          canvas: canvasId,
          reason: 'canvas_not_found',
        },
        `the program’s canvas is gone: ${canvasHint('canvas_not_found')}`,
      );
      this.store.recordGone(programId, canvasId);
      return { kind: 'created', canvas: await this.make(program, channel, page, undefined) };
    }
    const at = this.deps.clock.now();
    this.store.recordPublished(programId, canvasId, page.hash, at);
    this.deps.logger.info(
      {
        event: 'canvas_published',
        program: program.slug,
        canvas: canvasId,
        bytes: Buffer.byteLength(page.markdown),
      },
      'canvas brought up to date',
    );
    return { kind: 'edited', canvas: { ...record, publishedHash: page.hash, publishedAt: at.toISOString() } };
  }

  /**
   * The channel's own canvas when the channel has none; else a standalone canvas tabbed in the channel and
   * readable by its members. A create whose answer was lost may have worked: the channel's canvas is then
   * adopted (and edited to the page) rather than taken for someone else's.
   */
  private async make(
    program: Program,
    channel: string,
    page: CanvasPage,
    previous: CanvasRecord | undefined,
  ): Promise<KeptCanvas> {
    const content = { type: 'markdown' as const, markdown: page.markdown };
    const log = { program: program.slug, channel };
    const record = (canvasId: string, kind: CanvasKind, hash: string | null, url: string | null) => {
      this.store.recordMade({
        programId: program.id,
        channel,
        canvasId,
        kind,
        url,
        hash,
        at: this.deps.clock.now(),
      });
      this.deps.logger.info({ event: 'canvas_created', ...log, canvas: canvasId, kind }, 'canvas made');
      return this.store.get(program.id) as KeptCanvas;
    };
    const uncertain = previous?.createUncertainAt && previous.channel === channel;
    if (uncertain) {
      const existing = await this.channelCanvas(channel);
      if (existing) return record(existing, 'channel', null, await this.urlOf(existing));
    }
    try {
      const made = await this.once.conversations.canvases.create({
        channel_id: channel,
        title: page.title,
        document_content: content,
      });
      const id = made.canvas_id as string;
      return record(id, 'channel', page.hash, await this.urlOf(id));
    } catch (error) {
      if (answerLost(error))
        this.store.recordCreateUncertain(program.id, channel, 'channel', this.deps.clock.now());
      if (slackErrorReason(error) !== 'channel_canvas_already_exists') throw error;
    }
    this.deps.logger.warn(
      { event: 'canvas_channel_taken', ...log },
      'the channel already has a canvas Rollout did not make: using a standalone canvas tabbed in the channel',
    );
    const made = await this.once.canvases.create({
      title: page.title,
      document_content: content,
      channel_id: channel,
    });
    const id = made.canvas_id as string;
    const saved = record(id, 'standalone', page.hash, await this.urlOf(id));
    await this.once.canvases.access.set({ canvas_id: id, access_level: 'read', channel_ids: [channel] });
    return saved;
  }

  private async channelCanvas(channel: string): Promise<string | undefined> {
    const info = await this.once.conversations.info({ channel });
    const properties = (info.channel as { properties?: { canvas?: { file_id?: string } } } | undefined)
      ?.properties;
    return properties?.canvas?.file_id;
  }

  /** A canvas's link: the workspace's docs address, known from auth.test once per keeper. */
  private async urlOf(canvasId: string): Promise<string | null> {
    this.workspaceUrl ??= this.once.auth.test().then(
      (a) => (a.url && a.team_id ? `${a.url.replace(/\/?$/, '/')}docs/${a.team_id}/` : null),
      () => null,
    );
    const base = await this.workspaceUrl;
    if (base === null) this.workspaceUrl = undefined;
    return base ? `${base}${canvasId}` : null;
  }
}
