/**
 * A Slack user ID as stored for owners and admins (U… or W…), as opposed to a name typed as free text
 * (a team, a vendor) or another actor ("import", a CLI user). Slack's IDs carry digits; requiring one
 * keeps short capitalised names (`UXR`, `WEB`, `UTC`) from being taken for people and shown as mentions.
 */
export const SLACK_USER_ID = /^[UW](?=[A-Z]*[0-9])[A-Z0-9]{2,}$/;

export function isSlackUserId(value: string): boolean {
  return SLACK_USER_ID.test(value);
}

/** `<@U012AB>` and `<@U012AB|name>` (how a mention arrives in typed text) as the bare ID; other text as it is. */
export function mentionedUserId(text: string): string {
  return /^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/.exec(text)?.[1] ?? text;
}
