import { describe, expect, it } from 'vitest';
import { startupHint } from '../src/startup-hint.js';

const config = { slackApiUrl: undefined, slackAppToken: undefined, port: 3000 };
const platform = (reason: string) =>
  Object.assign(new Error(`An API error occurred: ${reason}`), {
    code: 'slack_webapi_platform_error',
    data: { ok: false, error: reason },
  });

describe('startupHint', () => {
  it('names SLACK_API_URL and the URL tried when Slack cannot be reached', () => {
    const error = Object.assign(new Error('A request error occurred: fetch failed'), {
      code: 'slack_webapi_request_error',
    });
    expect(startupHint(error, config)).toContain('https://slack.com/api/ could not be reached');
    expect(startupHint(error, { ...config, slackApiUrl: 'http://127.0.0.1:9/api/' })).toMatch(
      /http:\/\/127\.0\.0\.1:9\/api\/ could not be reached: .*SLACK_API_URL/,
    );
  });

  it('names the token variables when Slack refuses a token', () => {
    expect(startupHint(platform('invalid_auth'), config)).toMatch(/SLACK_BOT_TOKEN/);
    expect(startupHint(platform('invalid_auth'), config)).not.toMatch(/SLACK_APP_TOKEN/);
    expect(startupHint(platform('token_revoked'), { ...config, slackAppToken: 'xapp-1' })).toMatch(
      /SLACK_BOT_TOKEN .* SLACK_APP_TOKEN/,
    );
    expect(startupHint(platform('team_access_not_granted'), config)).toContain('team_access_not_granted');
  });

  it('names PORT when the port is taken or not allowed', () => {
    const taken = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
    expect(startupHint(taken, { ...config, port: 8080 })).toBe(
      'Port 8080 is taken by another process: stop it or set PORT.',
    );
    expect(startupHint(Object.assign(new Error('x'), { code: 'EACCES' }), config)).toContain('PORT');
    expect(startupHint('something else', config)).toContain('README');
  });
});
