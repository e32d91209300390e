/**
 * A Slack user ID as stored for owners and admins (U… or W…), as opposed to a name typed as free text
 * (a team, a vendor) or another actor ("import", a CLI user).
 */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

export function isSlackUserId(value: string): boolean {
  return SLACK_USER_ID.test(value);
}
