import type { App } from '@slack/bolt';
import type { Deps } from '../deps.js';
import type { Services } from '../services/index.js';
import * as rolloutCommand from './commands/rollout.js';

export function registerListeners(app: App, deps: Deps, services: Services): void {
  rolloutCommand.register(app, deps, services);
}
