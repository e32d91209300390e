import { isSlackUserId } from '../domain/slack-user.js';
import { multiLine, oneLine } from '../domain/user-text.js';

function escapeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Stored text is user text: escaped so that `<!channel>`, `<@U123>` or `<https://evil|docs>` typed into a
 * blocker shows as written and pings or links nothing, and put on one line (see `oneLine`) so that it cannot
 * start a line that reads as Rollout's own (a fake "*Readiness*: Ready" under a risk). Use for every mrkdwn
 * string and fallback `text` built from stored data; `quotedMrkdwn` for the few texts that keep their lines.
 */
export function escapeMrkdwn(text: string): string {
  return escapeEntities(oneLine(text));
}

/**
 * Multi-line user text (a snapshot) with its lines kept, each marked as a quote: every line it has is
 * visibly inside the quote, so none can pass for a line of Rollout's own. Empty text gives "".
 */
export function quotedMrkdwn(text: string): string {
  const lines = multiLine(text);
  if (!lines) return '';
  return lines
    .split('\n')
    .map((line) => (line ? `> ${escapeEntities(line)}` : '>'))
    .join('\n');
}

/** A deliberate mention of a Slack user ID we stored; anything that is not an ID is shown as text. */
export function mention(userId: string): string {
  return isSlackUserId(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/** A date Slack renders in the reader's own time zone, with a fallback for clients that cannot. */
export function slackDate(iso: string, format = '{date_short_pretty} {time}'): string {
  const date = new Date(iso);
  const seconds = Math.floor(date.getTime() / 1000);
  const fallback = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${seconds}^${format}|${fallback}>`;
}
