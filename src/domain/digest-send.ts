import type { RunRecord } from './digest-log.js';

/**
 * How one send of a week's digest ended, as the sender returns it and the answers to `/rollout digest send`
 * and `rollout digest --send` tell it. `R` is the run as the store records it (the store's `DigestRun`).
 */
export type SendResult<R extends RunRecord = RunRecord> =
  | { kind: 'posted'; run: R }
  /** This week's digest was already out; nothing was posted. */
  | { kind: 'already-posted'; run: R }
  /** An earlier attempt had posted it but died before recording it; the channel showed it, now recorded. */
  | { kind: 'recovered'; run: R }
  /** Another process is sending it right now. */
  | { kind: 'in-progress'; run: R }
  /**
   * Not posted, or (`uncertain`) Slack's answer to the post was lost and the channel could not tell: the run
   * is recorded as failed either way, and the next sweep reads the channel before it posts anything.
   */
  | { kind: 'failed'; run: R; error: string; uncertain?: true }
  | { kind: 'not-configured' };
