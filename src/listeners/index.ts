import type { App } from '@slack/bolt';
import type { Deps } from '../deps.js';
import type { Services } from '../services/index.js';
import * as statusActions from './actions/status.js';
import * as rolloutCommand from './commands/rollout.js';

/** Every listener, by surface. */
export function registerListeners(app: App, deps: Deps, services: Services): void {
  rolloutCommand.register(app, deps, services);
  statusActions.register(app, deps, services);
}
