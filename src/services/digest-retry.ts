import type { DigestRun } from '../store/digest-runs.js';

const MINUTE = 60_000;

/** After a failed run, wait before the next try: 5, 10, 20… minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5 * MINUTE * 2 ** Math.max(0, attempts - 1), 6 * 60 * MINUTE);
}

/** When the scheduler's sweep takes a failed run up again. */
export function retryAt(run: Pick<DigestRun, 'claimedAt' | 'attempts'>): Date {
  return new Date(Date.parse(run.claimedAt) + retryDelayMs(run.attempts));
}
