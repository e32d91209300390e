import { formatDistanceStrict } from 'date-fns/formatDistanceStrict';

/** "3 days ago", from the injected clock's now; absolute times go through `slackDate` (viewer's zone). */
export function ago(iso: string, now: Date): string {
  const then = new Date(iso);
  if (now.getTime() - then.getTime() < 60_000) return 'just now';
  return `${formatDistanceStrict(then, now)} ago`;
}
