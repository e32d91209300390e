import { isSlackUserId } from '../domain/slack-user.js';

/**
 * Stored text is user text: escaped so that `<!channel>`, `<@U123>` or `<https://evil|docs>` typed into a
 * blocker shows as written and pings or links nothing. Use for every mrkdwn string and fallback `text`
 * built from stored data.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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
