import type { App } from '@slack/bolt';
import type { Deps } from '../deps.js';
import type { Services } from '../services/index.js';
import * as statusActions from './actions/status.js';
import * as workstreamUpdateActions from './actions/workstream-update.js';
import * as rolloutCommand from './commands/rollout.js';
import * as appHomeEvents from './events/app-home.js';
import * as workstreamUpdateViews from './views/workstream-update.js';

/** Every listener, by surface. */
export function registerListeners(app: App, deps: Deps, services: Services): void {
  rolloutCommand.register(app, deps, services);
  statusActions.register(app, deps, services);
  appHomeEvents.register(app, deps, services);
  workstreamUpdateActions.register(app, deps, services);
  workstreamUpdateViews.register(app, deps, services);
}
