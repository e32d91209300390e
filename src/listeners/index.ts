import type { App } from '@slack/bolt';
import type { Deps } from '../deps.js';
import type { Services } from '../services/index.js';
import * as nextActionActions from './actions/next-actions.js';
import * as readinessActions from './actions/readiness.js';
import * as riskActions from './actions/risks.js';
import * as statusActions from './actions/status.js';
import * as workstreamUpdateActions from './actions/workstream-update.js';
import * as rolloutCommand from './commands/rollout.js';
import * as appHomeEvents from './events/app-home.js';
import * as appLifecycleEvents from './events/app-lifecycle.js';
import { ListenerRouter } from './router.js';
import * as actionFormViews from './views/action-form.js';
import * as readinessFormViews from './views/readiness-form.js';
import * as riskFormViews from './views/risk-form.js';
import * as workstreamUpdateViews from './views/workstream-update.js';

/**
 * Every listener, by surface. Commands and events go straight on the App; buttons and modal submissions
 * go through one routing table each (see ListenerRouter for why).
 */
export function registerListeners(app: App, deps: Deps, services: Services): void {
  rolloutCommand.register(app, deps, services);
  appHomeEvents.register(app, deps, services);
  appLifecycleEvents.register(app, deps);

  const router = new ListenerRouter();
  statusActions.register(router, deps, services);
  workstreamUpdateActions.register(router, deps, services);
  riskActions.register(router, deps, services);
  readinessActions.register(router, deps, services);
  nextActionActions.register(router, deps, services);
  workstreamUpdateViews.register(router, deps, services);
  riskFormViews.register(router, deps, services);
  readinessFormViews.register(router, deps, services);
  actionFormViews.register(router, deps, services);
  router.mount(app, deps.logger);
}
