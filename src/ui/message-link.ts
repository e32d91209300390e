/**
 * A link to a posted message, from what the run log stores (channel and ts) without asking Slack:
 * slack.com/archives links open the message in the reader's own workspace.
 */
export function messageLink(channel: string, ts: string | null): string | undefined {
  if (!ts || !/^\d+\.\d+$/.test(ts) || !/^[A-Z0-9]+$/.test(channel)) return undefined;
  return `https://slack.com/archives/${channel}/p${ts.replace('.', '')}`;
}
