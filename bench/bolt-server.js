// The baseline: a bare Bolt app answering a fixed message, nothing of Rollout's. Plain JavaScript so that it
// runs under plain `node`, as the built Rollout server does (tsx's loader alone adds ~40 MB of resident memory).
import { App } from '@slack/bolt';

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  token: process.env.SLACK_BOT_TOKEN,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.command('/rollout', ({ ack }) => ack('fixed'));

const server = await app.start({ port: 0, host: '127.0.0.1' });
// The same line Rollout logs, so the bench finds both ports the same way.
process.stderr.write(`${JSON.stringify({ event: 'listening', port: server.address().port })}\n`);
