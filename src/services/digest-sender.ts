import { hostname } from 'node:os';
import type { ChatPostMessageArguments, WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import { buildDigest, type Digest, staleOwnerIds } from '../domain/digest-content.js';
import { dueCalendar, onlyMergedBetween } from '../domain/digest-due.js';
import { digestMetadata, parseDigestMetadata } from '../domain/digest-metadata.js';
import type { SendResult as DigestSendResult } from '../domain/digest-send.js';
import { localDate } from '../domain/local-time.js';
import type { Program } from '../domain/program.js';
import { shiftWeek, weekKey as weekKeyOf, weekStart } from '../domain/week.js';
import {
  answerLost,
  CALL_TIMEOUT_MS,
  rateLimitedFor,
  singleAttemptClient,
  slackErrorReason,
} from '../slack-client.js';
import { DigestHistory } from '../store/digest-history.js';
import { type DigestRun, DigestRuns, type DigestTrigger } from '../store/digest-runs.js';
import { digestMessage } from '../ui/digest-message.js';
import { ChannelWitness, channelReadHint } from './channel-witness.js';
import { retryAt } from './digest-retry.js';

/** How a send ended (see the domain's `SendResult`), with the run as the store records it. */
export type SendResult = DigestSendResult<DigestRun>;

/** What the sender uses: the database (its run log and history), the clock and the logger; no config. */
export type SenderDeps = Pick<Deps, 'db' | 'clock' | 'logger'>;

/** What a digest is composed from: the last posted run (changes are reported since it) and the history. */
export interface DigestSources {
  runs: Pick<DigestRuns, 'lastPosted'>;
  history: Pick<DigestHistory, 'changesSince'>;
}

/** The sources of a database's digests. */
export function digestSources(db: Deps['db']): DigestSources {
  return { runs: new DigestRuns(db), history: new DigestHistory(db) };
}

export interface SendOptions {
  trigger: DigestTrigger;
  /** Another digest even though this week's is out (`rollout digest --send --force`). */
  force?: boolean;
  /**
   * The week to claim, when not now's: a digest a holiday moved into a later week is still its own week's,
   * so that week's claim keeps it to once.
   */
  week?: string;
}

/** How long a claim protects a run in progress; a process that died holding one is taken over after it. */
const CLAIM_LEASE_MS = 5 * 60_000;

/** Tries of chat.postMessage per run; what still fails is recorded and taken up by the next sweep. */
const POST_ATTEMPTS = 3;
/** A Retry-After longer than this is left to the next sweep rather than waited out holding the claim. */
const MAX_RETRY_AFTER_MS = 60_000;

/** How long the sender waits on Slack; injectable so that tests play a slow Slack in milliseconds. */
export interface SenderTimings {
  /** How long one chat.postMessage waits for Slack's answer before giving up on it. */
  postTimeoutMs: number;
  /**
   * After a post's answer is lost, how long to wait before reading the channel to learn whether it went
   * through. Slack can carry a post out after the client gave up on it (seen 4 s after a 10 s timeout); a
   * channel read sooner shows nothing, and the digest is posted twice. Each try holds the claim for about
   * postTimeoutMs + lateWindowMs, so three of them must stay well inside CLAIM_LEASE_MS.
   */
  lateWindowMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const SENDER_TIMINGS: SenderTimings = {
  postTimeoutMs: CALL_TIMEOUT_MS,
  lateWindowMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** How one post of the digest ended, once retries are done. */
type PostOutcome =
  /** `afterLostAnswer`: Slack's answer was lost, and the channel showed the post after the wait. */
  | { kind: 'posted'; channel: string; ts: string; tries: number; afterLostAnswer: boolean }
  /** Slack refused it, or never took it: the channel has no digest from this run. */
  | { kind: 'failed'; error: unknown }
  /** The answer was lost and the channel could not be read: it may or may not be there. */
  | { kind: 'uncertain'; reason: string; tries: number }
  /** Another process took the run over while this one waited: it posts, not this one. */
  | { kind: 'claim-lost' };

/** What a week's digest says, as of `asOf`, from the store: the same for the preview and the post. */
export function composeDigest(
  store: DigestSources,
  program: Program,
  asOf: Date,
  options: {
    /** The last posted run (changes are reported since it); read from the store when not given. */
    last?: DigestRun;
    /** Owners away, with their last day away. */
    away?: ReadonlyMap<string, string | null>;
    /** The week the digest is for when not `asOf`'s: a holiday may move it into the next week. */
    weekKey?: string;
  } = {},
): Digest {
  const last = options.last ?? store.runs.lastPosted(program.id);
  const since = last?.postedAt ? new Date(last.postedAt) : undefined;
  // A first digest reports the last week's changes rather than the program's whole past.
  const from = since ?? new Date(asOf.getTime() - 7 * 86_400_000);
  return buildDigest({
    program,
    asOf,
    changesSince: store.history.changesSince(program.id, from.toISOString()),
    ...(since ? { since } : {}),
    ...(options.away ? { away: options.away } : {}),
    ...(options.weekKey ? { weekKey: options.weekKey } : {}),
  });
}

/** Who is away on a day (YYYY-MM-DD in `zone`): the server's PeopleAway, asked or from what it knows. */
export interface AwayLookup {
  awayOn(
    client: WebClient,
    user: string,
    date: string,
    zone: string,
  ): Promise<{ until: string | null } | undefined>;
  knownAwayOn(user: string, date: string, zone: string): { until: string | null } | undefined;
}

/**
 * Owners of stale open work in `program` who are away on `asOf`'s day, asked of Slack at once (the posted
 * digest). Only stale work's owners are asked about, as only a stale line says "owner away": a program of
 * 1,000 workstreams must not cost 1,000 calls to Slack.
 */
export async function awayOwners(
  lookup: AwayLookup,
  client: WebClient,
  program: Program,
  asOf: Date,
): Promise<Map<string, string | null>> {
  const day = localDate(asOf, program.timezone);
  const owners = staleOwnerIds(program, asOf);
  const answers = await Promise.all(owners.map((o) => lookup.awayOn(client, o, day, program.timezone)));
  return awayMap(owners, answers);
}

/** The same from what is known without asking Slack (previews, which answer at once). */
export function knownAwayOwners(
  lookup: Pick<AwayLookup, 'knownAwayOn'>,
  owners: readonly string[],
  program: Program,
  asOf: Date,
): Map<string, string | null> {
  const day = localDate(asOf, program.timezone);
  return awayMap(
    owners,
    owners.map((o) => lookup.knownAwayOn(o, day, program.timezone)),
  );
}

function awayMap(
  owners: readonly string[],
  answers: readonly ({ until: string | null } | undefined)[],
): Map<string, string | null> {
  const away = new Map<string, string | null>();
  owners.forEach((o, i) => {
    const a = answers[i];
    if (a) away.set(o, a.until);
  });
  return away;
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
  private readonly runs: DigestRuns;
  /** The run log and the history, as composing a digest reads them. */
  private readonly sources: DigestSources;
  private readonly who = `${hostname()}:${process.pid}`;
  /** Posts go out once per attempt: the client's own retries could double a post Slack took silently. */
  private readonly poster: WebClient;
  private readonly channel: ChannelWitness;
  private readonly timings: SenderTimings;

  constructor(
    private readonly deps: SenderDeps,
    private readonly client: WebClient,
    timings: Partial<SenderTimings> = {},
    /** Owners away are named in the digest; without it (the CLI), nobody counts as away. */
    private readonly away?: AwayLookup,
  ) {
    this.runs = new DigestRuns(deps.db);
    this.sources = { runs: this.runs, history: new DigestHistory(deps.db) };
    this.timings = { ...SENDER_TIMINGS, ...timings };
    this.poster = singleAttemptClient(client, deps.logger, this.timings.postTimeoutMs);
    this.channel = new ChannelWitness(client);
  }

  /** The digest as it would be posted now, for previews. */
  preview(
    program: Program,
    asOf: Date = this.deps.clock.now(),
    away?: ReadonlyMap<string, string | null>,
  ): Digest {
    return composeDigest(this.sources, program, asOf, away ? { away } : {});
  }

  /** The week's regular run, if any: whether this week's digest is out, failed, or being sent. */
  weekRun(programId: number, weekKey: string): DigestRun | undefined {
    return this.runs.weekRun(programId, weekKey);
  }

  async send(program: Program, options: SendOptions): Promise<SendResult> {
    const { logger, clock } = this.deps;
    if (!program.digest) return { kind: 'not-configured' };
    const channel = program.digest.channel;
    const now = clock.now();
    const week = options.week ?? weekKeyOf(now, program.timezone);
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
    // Every claim reads the channel first: a retry, for an earlier attempt that may have posted; a new claim,
    // for a database restored from a backup taken before this week's digest went out.
    const earlier = await this.recoverEarlierPost(attempt, claim.retry);
    if (earlier) return earlier;

    // Reading the channel can take long; another process may have taken the run over meanwhile.
    if (!this.runs.renew(attempt.run, this.who, clock.now())) {
      logger.warn({ event: 'digest_claim_lost', ...log }, 'another process took the run over; not posting');
      return { kind: 'in-progress', run: this.runs.byId(attempt.run.id) };
    }

    if (
      last &&
      last.weekKey < shiftWeek(week, -1) &&
      // A holiday break that merged weeks into this one skipped their keys, not their digests.
      !onlyMergedBetween(dueCalendar(program.digest.schedule, program), last.weekKey, week)
    )
      logger.warn(
        { event: 'digest_weeks_missed', ...log, lastPostedWeek: last.weekKey },
        `no digest went out between ${last.weekKey} and ${week} (the server was down?); this one covers the changes since`,
      );

    return this.postAndRecord(attempt);
  }

  /**
   * Is the run's message already in the channel (an earlier attempt that died before recording it, or a
   * post this database forgot)? Recorded as posted if so; a channel that cannot be read fails the run
   * rather than risk posting twice.
   */
  private async recoverEarlierPost(a: Attempt, retry: boolean): Promise<SendResult | undefined> {
    const { logger } = this.deps;
    let found: string | undefined;
    try {
      found = await this.channel.findOwn(a.channel, a.oldest, isRun(a.run.digestKey));
    } catch (error) {
      const why = slackErrorReason(error);
      const reason = `could not read the channel before posting: ${why}`;
      const hint = channelReadHint(why);
      logger.error(
        {
          event: 'digest_failed',
          ...a.log,
          attempts: a.run.attempts,
          reason,
          ...(hint ? { hint } : {}),
          retryAt: retryAt(a.run).toISOString(),
        },
        'digest not sent: the channel must show it is not there yet',
      );
      return { kind: 'failed', run: this.runs.markFailed(a.run, this.who, reason), error: reason };
    }
    if (!found) return undefined;
    logger.info(
      {
        event: 'digest_recovered',
        ...a.log,
        ts: found,
        why: retry
          ? 'an earlier attempt posted it and did not record it'
          : 'no run of this week was recorded (a database restored from a backup?)',
      },
      'found the digest already in the channel; recorded it, posted nothing',
    );
    return { kind: 'recovered', run: this.runs.markPosted(a.run.id, a.channel, found, tsDate(found)) };
  }

  /** Composes the digest as of the claim, posts it, and records the outcome either way. */
  private async postAndRecord(a: Attempt): Promise<SendResult> {
    const { logger } = this.deps;
    let outcome: PostOutcome;
    try {
      const away = this.away ? await awayOwners(this.away, this.client, a.program, a.now) : undefined;
      const digest = composeDigest(this.sources, a.program, a.now, {
        ...(a.last ? { last: a.last } : {}),
        ...(away ? { away } : {}),
        // The claimed week: a digest a holiday moved into the next week still says the week it is for.
        weekKey: a.week,
      });
      outcome = await this.post(a, {
        channel: a.channel,
        ...digestMessage(digest, a.program),
        unfurl_links: false,
        metadata: digestMetadata({ program: a.program.slug, week: a.week, digest_key: a.run.digestKey }),
      });
    } catch (error) {
      outcome = { kind: 'failed', error };
    }
    switch (outcome.kind) {
      case 'posted': {
        // "Posted as of" the moment the digest was composed: the next one reports changes from there.
        const recorded = this.runs.markPosted(a.run.id, outcome.channel, outcome.ts, a.now);
        logger.info(
          {
            event: 'digest_posted',
            ...a.log,
            ts: recorded.messageTs,
            attempts: a.run.attempts,
            tries: outcome.tries,
            ...(outcome.afterLostAnswer ? { afterLostAnswer: true } : {}),
          },
          outcome.afterLostAnswer
            ? 'digest posted: Slack lost its answer, the channel shows the post'
            : 'digest posted',
        );
        return { kind: 'posted', run: recorded };
      }
      case 'claim-lost':
        logger.warn(
          { event: 'digest_claim_lost', ...a.log },
          'another process took the run over; not posting',
        );
        return { kind: 'in-progress', run: this.runs.byId(a.run.id) };
      case 'uncertain': {
        const run = this.runs.markFailed(a.run, this.who, `uncertain: ${outcome.reason}`);
        const at = retryAt(run).toISOString();
        logger.warn(
          {
            event: 'digest_uncertain',
            ...a.log,
            attempts: a.run.attempts,
            tries: outcome.tries,
            reason: outcome.reason,
            retryAt: at,
            next:
              `from ${at} the next sweep (or rollout digest --send) reads the channel again: it records the ` +
              'digest if it is there and posts it only if it is not. Do not post it by hand.',
          },
          'the digest may or may not be in the channel; nothing more is posted until the channel says',
        );
        return { kind: 'failed', run, error: `uncertain: ${outcome.reason}`, uncertain: true };
      }
      case 'failed': {
        const reason = slackErrorReason(outcome.error);
        logger.error(
          {
            event: 'digest_failed',
            ...a.log,
            attempts: a.run.attempts,
            reason,
            retryAt: retryAt(a.run).toISOString(),
          },
          'digest not sent; it is retried at the next sweep or start',
        );
        return { kind: 'failed', run: this.runs.markFailed(a.run, this.who, reason), error: reason };
      }
    }
  }

  /**
   * chat.postMessage, retried here rather than by the client: after a 429 (Slack posted nothing) once
   * Retry-After has passed; after a lost answer (timeout, network, 5xx: Slack may have posted, or may yet)
   * only once the late window has passed and the channel shows no message with this run's key.
   */
  private async post(a: Attempt, message: ChatPostMessageArguments): Promise<PostOutcome> {
    const { logger, clock } = this.deps;
    const { sleep, lateWindowMs } = this.timings;
    for (let tries = 1; ; tries++) {
      // Waits since the claim (Retry-After, the late window) eat into its lease: hold on to it, or stop.
      if (tries > 1 && !this.runs.renew(a.run, this.who, clock.now())) return { kind: 'claim-lost' };
      try {
        const res = await this.poster.chat.postMessage(message);
        return {
          kind: 'posted',
          channel: res.channel ?? message.channel,
          ts: res.ts ?? '',
          tries,
          afterLostAnswer: false,
        };
      } catch (error) {
        const retryAfterMs = rateLimitedFor(error);
        if (retryAfterMs !== undefined) {
          if (tries >= POST_ATTEMPTS || retryAfterMs > MAX_RETRY_AFTER_MS) return { kind: 'failed', error };
          await sleep(retryAfterMs);
          continue;
        }
        if (!answerLost(error)) return { kind: 'failed', error };
        const lost = slackErrorReason(error);
        await sleep(lateWindowMs);
        let found: string | undefined;
        try {
          found = await this.channel.findOwn(a.channel, a.oldest, isRun(a.run.digestKey));
        } catch (readError) {
          return {
            kind: 'uncertain',
            tries,
            reason:
              `no answer to chat.postMessage (${lost}), and the channel could not be read ` +
              `${Math.round(lateWindowMs / 1000)} s later (${slackErrorReason(readError)})`,
          };
        }
        if (found) return { kind: 'posted', channel: a.channel, ts: found, tries, afterLostAnswer: true };
        if (tries >= POST_ATTEMPTS) return { kind: 'failed', error };
        logger.warn(
          { event: 'digest_post_retry', ...a.log, tries, reason: lost, waitedMs: lateWindowMs },
          'no answer from Slack, and no digest in the channel after the wait; posting again',
        );
      }
    }
  }
}

function tsDate(ts: string): Date {
  return new Date(Math.floor(Number(ts) * 1000));
}

/** A message of the channel that is this run's digest: its key in the metadata. */
function isRun(digestKey: string): (message: unknown) => boolean {
  return (message) => parseDigestMetadata(message)?.digest_key === digestKey;
}
