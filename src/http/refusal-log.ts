import type { Logger } from '@slack/logger';

/** Why a request was refused before Bolt saw it. */
export type RefusalReason = 'unsigned' | 'stale' | 'bad_signature' | 'too_large' | 'unreadable';

/** How often counted refusals are written: one line per minute at most, whatever the flood. */
export const REFUSAL_LOG_INTERVAL_MS = 60_000;

/**
 * Counts refused requests and writes them as one `requests_refused` line per interval: a line per refusal
 * would let anyone on the internet fill the log (and the disk) at the rate they can send requests.
 */
export class RefusalLog {
  private counts = new Map<RefusalReason, number>();
  private since = Date.now();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs = REFUSAL_LOG_INTERVAL_MS,
  ) {}

  count(reason: RefusalReason): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    // The timer runs only while there is something to write, so an idle server keeps no timer.
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs).unref();
  }

  /** Writes what was counted since the last line, if anything; the server's stop calls it too. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.counts.size === 0) return;
    const byReason = Object.fromEntries(this.counts);
    const total = [...this.counts.values()].reduce((sum, n) => sum + n, 0);
    this.logger.warn(
      { event: 'requests_refused', total, byReason, since: new Date(this.since).toISOString() },
      'requests refused before reaching Rollout (not from Slack, or too large)',
    );
    this.counts = new Map();
    this.since = Date.now();
  }
}
