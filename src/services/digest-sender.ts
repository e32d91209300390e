import { hostname } from 'node:os';
import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import { buildDigest, type Digest } from '../domain/digest-content.js';
import { digestMetadata, parseDigestMetadata } from '../domain/digest-metadata.js';
import type { Program } from '../domain/program.js';
import { weekKey as weekKeyOf, weekStart } from '../domain/week.js';
import { DigestHistory } from '../store/digest-history.js';
import { type DigestRun, DigestRuns, type DigestTrigger } from '../store/digest-runs.js';
import { digestMessage } from '../ui/digest-message.js';

export type SendResult =
  | { kind: 'posted'; run: DigestRun }
  /** This week's digest was already out; nothing was posted. */
  | { kind: 'already-posted'; run: DigestRun }
  /** An earlier attempt had posted it but died before recording it; the channel showed it, now recorded. */
  | { kind: 'recovered'; run: DigestRun }
  /** Another process is sending it right now. */
  | { kind: 'in-progress'; run: DigestRun }
  | { kind: 'failed'; run: DigestRun; error: string }
  | { kind: 'not-configured' };

export interface SendOptions {
  trigger: DigestTrigger;
  /** Another digest even though this week's is out (`rollout digest --send --force`). */
  force?: boolean;
}

/** How long a claim protects a run in progress; a process that died holding one is taken over after it. */
const CLAIM_LEASE_MS = 5 * 60_000;

/** What a week's digest says, as of `asOf`, from the store: the same for the preview and the post. */
export function composeDigest(
  store: { runs: DigestRuns; history: DigestHistory },
  program: Program,
  asOf: Date,
): Digest {
  const last = store.runs.lastPosted(program.id);
  const since = last?.postedAt ? new Date(last.postedAt) : undefined;
  // A first digest reports the last week's changes rather than the program's whole past.
  const from = since ?? new Date(asOf.getTime() - 7 * 86_400_000);
  return buildDigest({
    program,
    asOf,
    changesSince: store.history.changesSince(program.id, from.toISOString()),
    ...(since ? { since } : {}),
  });
}

/**
 * Posts a program's weekly digest exactly once per ISO week (program's time zone): claim the week's run,
 * make sure an earlier attempt did not already reach the channel, post with the run's key in the message
 * metadata, record the outcome. Slack's retries (429 Retry-After, 5xx, network) are the WebClient's, bounded
 * by the app's retry policy; a run that still fails is recorded and tried again by the scheduler's sweep.
 */
export class DigestSender {
  readonly runs: DigestRuns;
  readonly history: DigestHistory;
  private readonly who = `${hostname()}:${process.pid}`;

  constructor(
    private readonly deps: Deps,
    private readonly client: WebClient,
  ) {
    this.runs = new DigestRuns(deps.db);
    this.history = new DigestHistory(deps.db);
  }

  /** The digest as it would be posted now, for previews. */
  preview(program: Program, asOf: Date = this.deps.clock.now()): Digest {
    return composeDigest(this, program, asOf);
  }

  async send(program: Program, options: SendOptions): Promise<SendResult> {
    const { logger, clock } = this.deps;
    if (!program.digest) return { kind: 'not-configured' };
    const channel = program.digest.channel;
    const now = clock.now();
    const week = weekKeyOf(now, program.timezone);
    const log = { program: program.slug, week, channel, trigger: options.trigger };

    const claim = this.runs.claim({
      programId: program.id,
      slug: program.slug,
      weekKey: week,
      channel,
      trigger: options.trigger,
      by: this.who,
      now,
      leaseMs: CLAIM_LEASE_MS,
      ...(options.force ? { force: true } : {}),
    });
    if (claim.kind === 'posted') return { kind: 'already-posted', run: claim.run };
    if (claim.kind === 'busy') {
      logger.info(
        { event: 'digest_busy', ...log, claimedBy: claim.run.claimedBy },
        'another process is sending it',
      );
      return { kind: 'in-progress', run: claim.run };
    }
    const run = claim.run;

    if (claim.retry) {
      let found: string | undefined;
      try {
        found = await this.findPosted(channel, run.digestKey, weekStart(week, program.timezone));
      } catch (error) {
        // Posting blind could double the digest; wait for the channel to be readable again.
        const reason = `could not check the channel for an earlier attempt: ${describe(error)}`;
        logger.error({ event: 'digest_failed', ...log, attempts: run.attempts, reason }, 'digest not sent');
        return { kind: 'failed', run: this.runs.markFailed(run.id, reason), error: reason };
      }
      if (found) {
        logger.info(
          { event: 'digest_recovered', ...log, ts: found },
          'found the digest already in the channel',
        );
        return { kind: 'recovered', run: this.runs.markPosted(run.id, channel, found, now) };
      }
    }

    try {
      const digest = this.preview(program, now);
      const message = digestMessage(digest, program);
      const res = await this.client.chat.postMessage({
        channel,
        ...message,
        unfurl_links: false,
        metadata: digestMetadata({ program: program.slug, week, digest_key: run.digestKey }),
      });
      const posted = this.runs.markPosted(run.id, res.channel ?? channel, res.ts ?? '', clock.now());
      logger.info(
        { event: 'digest_posted', ...log, ts: posted.messageTs, attempts: run.attempts },
        'digest posted',
      );
      return { kind: 'posted', run: posted };
    } catch (error) {
      const reason = describe(error);
      logger.error(
        { event: 'digest_failed', ...log, attempts: run.attempts, reason },
        'digest not sent; it is retried at the next sweep or start',
      );
      return { kind: 'failed', run: this.runs.markFailed(run.id, reason), error: reason };
    }
  }

  /** The ts of a message in `channel` since `oldest` that carries this run's key, if any. */
  private async findPosted(channel: string, digestKey: string, oldest: Date): Promise<string | undefined> {
    let cursor: string | undefined;
    for (let page = 0; page < HISTORY_PAGES; page++) {
      const res = await this.client.conversations.history({
        channel,
        oldest: String(Math.floor(oldest.getTime() / 1000)),
        limit: 200,
        include_all_metadata: true,
        ...(cursor ? { cursor } : {}),
      });
      for (const message of res.messages ?? []) {
        if (parseDigestMetadata(message)?.digest_key === digestKey) return message.ts;
      }
      cursor = res.response_metadata?.next_cursor;
      if (!res.has_more || !cursor) return undefined;
    }
    // Not read to the end: posting now could double the digest, so this counts as a failed check.
    throw new Error(
      `more than ${HISTORY_PAGES * 200} messages in the channel this week; not all were checked`,
    );
  }
}

/** How far back a retry reads the channel (200 messages a page) before giving up rather than risk a double post. */
const HISTORY_PAGES = 25;

/** Slack's error code when there is one ("channel_not_found", "ratelimited"), else the message. */
export function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const e = error as { data?: { error?: string }; statusCode?: number; message?: string };
    if (e.data?.error) return e.data.error;
    if (e.statusCode) return `HTTP ${e.statusCode}`;
    if (e.message) return e.message;
  }
  return String(error);
}
