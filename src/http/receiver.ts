import { type CustomRoute, HTTPReceiver, type Logger } from '@slack/bolt';
import { RefusalLog } from './refusal-log.js';
import { BODY_LIMIT_BYTES, gateRequests } from './request-gate.js';

/** Where Slack POSTs commands, interactivity and events. */
export const SLACK_ENDPOINT = '/slack/events';

/**
 * Bolt's HTTPReceiver with Rollout's gate in front of it (see request-gate.ts): Bolt keeps the routing,
 * the custom routes, acks and Slack's url_verification; the gate keeps strangers' bodies out.
 */
export function gatedReceiver(options: {
  signingSecret: string;
  customRoutes: CustomRoute[];
  logger: Logger;
}): { receiver: HTTPReceiver; refusals: RefusalLog } {
  const refusals = new RefusalLog(options.logger);
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: [SLACK_ENDPOINT],
    customRoutes: options.customRoutes,
    logger: options.logger,
    bodyLimit: BODY_LIMIT_BYTES,
  });
  // requestListener is the receiver's public entry point: its server calls it for every request.
  receiver.requestListener = gateRequests(receiver.requestListener, {
    signingSecret: options.signingSecret,
    endpoints: [SLACK_ENDPOINT],
    bodyLimit: BODY_LIMIT_BYTES,
    refusals,
  });
  return { receiver, refusals };
}
