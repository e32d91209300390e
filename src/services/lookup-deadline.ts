import type { Deps } from '../deps.js';

/** How long a Slack lookup that only makes an answer nicer may take: well inside Slack's 3 s to answer. */
export const LOOKUP_DEADLINE_MS = 1500;

/**
 * `lookup`'s answer, or `late(deadlineMs)`'s once the deadline (`deps.slackLookupDeadlineMs`, 1.5 s when not
 * set) passes first. The lookup is not cancelled: a cache that shares it still gets its answer.
 */
export function withinDeadline<T, L = T>(
  lookup: Promise<T>,
  deps: Pick<Deps, 'slackLookupDeadlineMs'>,
  late: (deadlineMs: number) => L,
): Promise<T | L> {
  const deadlineMs = deps.slackLookupDeadlineMs ?? LOOKUP_DEADLINE_MS;
  let timer: NodeJS.Timeout | undefined;
  const past = new Promise<L>((resolve) => {
    timer = setTimeout(() => resolve(late(deadlineMs)), deadlineMs);
    timer.unref();
  });
  return Promise.race([lookup, past]).finally(() => clearTimeout(timer));
}
