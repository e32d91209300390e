import { hostname } from 'node:os';
import type { ChatPostMessageArguments, WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import { buildDigest, type Digest } from '../domain/digest-content.js';
import { digestMetadata, parseDigestMetadata } from '../domain/digest-metadata.js';
import type { Program } from '../domain/program.js';
import { shiftWeek, weekKey as weekKeyOf, weekStart } from '../domain/week.js';
import { answerLost, rateLimitedFor, singleAttemptClient, slackErrorReason } from '../slack-client.js';
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

/** Tries of chat.postMessage per run; what still fails is recorded and taken up by the next sweep. */
const POST_ATTEMPTS = 3;
/** A Retry-After longer than this is left to the next sweep rather than waited out holding the claim. */
const MAX_RETRY_AFTER_MS = 60_000;

/** What a week's digest says, as of `asOf`, from the store: the same for the preview and the post. */
export function composeDigest(
  store: { runs: DigestRuns; history: DigestHistory },
  program: Program,
  asOf: Date,
  last: DigestRun | undefined = store.runs.lastPosted(program.id),
): Digest {
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

/** One claimed run on its way to the channel: what every step of `send` needs. */
interface Attempt {
  program: Program;
  run: DigestRun;
  channel: string;
  week: string;
  /** The start of the week, in the program's zone: how far back the channel is read. */
  oldest: Date;
  /** When the run was claimed: the digest is composed as of then. */
  now: Date;
  /** The program's last posted run when this one was claimed: the digest reports changes since it. */
  last: DigestRun | undefined;
  log: { program: string; week: string; channel: string; trigger: DigestTrigger };
}

/**
 * Posts a program's weekly digest exactly once per ISO week (program's time zone): claim the week's run,
 * make sure an earlier attempt did not already reach the channel, post with the run's key in the message
 * metadata, record the outcome. Posts are retried here, not by the HTTP client (see `post`); a run that still
 * fails is recorded and tried again by the scheduler's sweep.
 */
export class DigestSender {
  readonly runs: DigestRuns;
  readonly history: DigestHistory;
  private readonly who = `${hostname()}:${process.pid}`;
  /** Posts go out once per attempt: the client's own retries could double a post Slack took silently. */
  private readonly poster: WebClient;
  private author: Promise<{ user?: string; bot?: string }> | undefined;

  constructor(
    private readonly deps: Deps,
    private readonly client: WebClient,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.runs = new DigestRuns(deps.db);
    this.history = new DigestHistory(deps.db);
    this.poster = singleAttemptClient(client, deps.logger);
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

    const last = this.runs.lastPosted(program.id);
    if (last && last.weekKey > week && !options.force) {
      // The program moved to a zone where it is still the week before the one already posted.
      logger.info(
        { event: 'digest_week_passed', ...log, lastPostedWeek: last.weekKey },
        'a later week was already posted; nothing to send',
      );
      return { kind: 'already-posted', run: last };
    }

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
    const attempt: Attempt = {
      program,
      run: claim.run,
      channel,
      week,
      oldest: weekStart(week, program.timezone),
      now,
      last,
      log,
    };
    if (claim.retry) {
      const earlier = await this.recoverEarlierAttempt(attempt);
      if (earlier) return earlier;
    }

    // Reading the channel can take long; another process may have taken the run over meanwhile.
    if (!this.runs.renew(attempt.run, this.who, clock.now())) {
      logger.warn({ event: 'digest_claim_lost', ...log }, 'another process took the run over; not posting');
      return { kind: 'in-progress', run: this.runs.byId(attempt.run.id) };
    }

    if (last && last.weekKey < shiftWeek(week, -1))
      logger.warn(
        { event: 'digest_weeks_missed', ...log, lastPostedWeek: last.weekKey },
        `no digest went out between ${last.weekKey} and ${week} (the server was down?); this one covers the changes since`,
      );

    return this.postAndRecord(attempt);
  }

  /**
   * A retried run: did an earlier attempt reach the channel before its process died? Recorded as posted
   * if so; a channel that cannot be read fails the run rather than risk posting twice.
   */
  private async recoverEarlierAttempt(a: Attempt): Promise<SendResult | undefined> {
    const { logger } = this.deps;
    let found: string | undefined;
    try {
      found = await this.findPosted(a.channel, a.run.digestKey, a.oldest);
    } catch (error) {
      const reason = `could not check the channel for an earlier attempt: ${slackErrorReason(error)}`;
      logger.error({ event: 'digest_failed', ...a.log, attempts: a.run.attempts, reason }, 'digest not sent');
      return { kind: 'failed', run: this.runs.markFailed(a.run, this.who, reason), error: reason };
    }
    if (!found) return undefined;
    logger.info(
      { event: 'digest_recovered', ...a.log, ts: found },
      'found the digest already in the channel',
    );
    return { kind: 'recovered', run: this.runs.markPosted(a.run.id, a.channel, found, tsDate(found)) };
  }

  /** Composes the digest as of the claim, posts it, and records the outcome either way. */
  private async postAndRecord(a: Attempt): Promise<SendResult> {
    const { logger } = this.deps;
    try {
      const digest = composeDigest(this, a.program, a.now, a.last);
      const posted = await this.post(
        {
          channel: a.channel,
          ...digestMessage(digest, a.program),
          unfurl_links: false,
          metadata: digestMetadata({ program: a.program.slug, week: a.week, digest_key: a.run.digestKey }),
        },
        a.run.digestKey,
        a.oldest,
      );
      // "Posted as of" the moment the digest was composed: the next one reports changes from there.
      const recorded = this.runs.markPosted(a.run.id, posted.channel, posted.ts, a.now);
      logger.info(
        {
          event: 'digest_posted',
          ...a.log,
          ts: recorded.messageTs,
          attempts: a.run.attempts,
          tries: posted.tries,
        },
        'digest posted',
      );
      return { kind: 'posted', run: recorded };
    } catch (error) {
      const reason = slackErrorReason(error);
      logger.error(
        { event: 'digest_failed', ...a.log, attempts: a.run.attempts, reason },
        'digest not sent; it is retried at the next sweep or start',
      );
      return { kind: 'failed', run: this.runs.markFailed(a.run, this.who, reason), error: reason };
    }
  }

  /**
   * chat.postMessage, retried here rather than by the client: after a 429 (Slack posted nothing) once
   * Retry-After has passed; after a lost answer (timeout, network, 5xx: Slack may have posted) only once
   * the channel shows no message with this run's key.
   */
  private async post(
    message: ChatPostMessageArguments,
    digestKey: string,
    oldest: Date,
  ): Promise<{ channel: string; ts: string; tries: number }> {
    for (let tries = 1; ; tries++) {
      try {
        const res = await this.poster.chat.postMessage(message);
        return { channel: res.channel ?? message.channel, ts: res.ts ?? '', tries };
      } catch (error) {
        if (tries >= POST_ATTEMPTS) throw error;
        const retryAfterMs = rateLimitedFor(error);
        if (retryAfterMs !== undefined) {
          if (retryAfterMs > MAX_RETRY_AFTER_MS) throw error;
          await this.sleep(retryAfterMs);
          continue;
        }
        if (!answerLost(error)) throw error;
        await this.sleep(250 * 2 ** tries);
        const found = await this.findPosted(message.channel, digestKey, oldest);
        if (found) return { channel: message.channel, ts: found, tries };
      }
    }
  }

  /** Whether a message was posted by this app's bot (its bot user or bot ID, from auth.test once). */
  private async isOwn(message: { user?: string; bot_id?: string }): Promise<boolean> {
    this.author ??= this.client.auth.test().then(
      (res) => ({
        ...(res.user_id ? { user: res.user_id } : {}),
        ...(res.bot_id ? { bot: res.bot_id } : {}),
      }),
      (error) => {
        this.author = undefined;
        throw error;
      },
    );
    const me = await this.author;
    return (
      (me.bot !== undefined && message.bot_id === me.bot) ||
      (me.user !== undefined && message.user === me.user)
    );
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
        if (parseDigestMetadata(message)?.digest_key !== digestKey) continue;
        // Any app may post the same metadata; only this bot's message counts.
        if (await this.isOwn(message)) return message.ts;
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

function tsDate(ts: string): Date {
  return new Date(Math.floor(Number(ts) * 1000));
}

/** How far back a retry reads the channel (200 messages a page) before giving up rather than risk a double post. */
const HISTORY_PAGES = 25;
