import type { Config } from './config.js';

const SLACK_API = 'https://slack.com/api/';

/** Slack's answers to a token it will not take (auth.test, apps.connections.open). */
const REFUSED_TOKEN = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
]);

/**
 * What an operator should check when the server could not start, from the error's code: the log line then
 * names the variable or the setting at fault rather than only the library's message.
 */
export function startupHint(
  error: unknown,
  config: Pick<Config, 'slackApiUrl' | 'slackAppToken' | 'port'>,
): string {
  const e = (error ?? {}) as { code?: unknown; data?: { error?: unknown } };
  const api = config.slackApiUrl || SLACK_API;
  switch (e.code) {
    case 'slack_webapi_request_error':
      return `Slack's Web API at ${api} could not be reached: check the network, a proxy, and SLACK_API_URL.`;
    case 'slack_webapi_http_error':
      return `Slack's Web API at ${api} answered with an HTTP error: check SLACK_API_URL, or Slack's status page.`;
    case 'slack_webapi_platform_error': {
      const reason = String(e.data?.error ?? '');
      if (REFUSED_TOKEN.has(reason))
        return config.slackAppToken
          ? `Slack refused a token (${reason}): check SLACK_BOT_TOKEN (xoxb-, from OAuth & Permissions) and SLACK_APP_TOKEN (xapp-, with connections:write), and that the app is installed.`
          : `Slack refused the bot token (${reason}): check SLACK_BOT_TOKEN (xoxb-, from OAuth & Permissions) and that the app is installed in the workspace.`;
      return `Slack refused the start (${reason || 'no reason given'}): see Slack's documentation of that error.`;
    }
    case 'EADDRINUSE':
      return `Port ${config.port} is taken by another process: stop it or set PORT.`;
    case 'EACCES':
      return `Not allowed to listen on port ${config.port}: use a port above 1023 (PORT).`;
    default:
      return 'See the error above; the README lists what each variable expects.';
  }
}
