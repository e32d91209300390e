import type { App } from '@slack/bolt';
import type { Deps } from '../deps.js';
import type { Services } from '../services/index.js';
import * as decisionActions from './actions/decisions.js';
import * as milestoneActions from './actions/milestones.js';
import * as nextActionActions from './actions/next-actions.js';
import * as readinessActions from './actions/readiness.js';
import * as riskActions from './actions/risks.js';
import * as statusActions from './actions/status.js';
import * as workstreamUpdateActions from './actions/workstream-update.js';
import * as rolloutCommand from './commands/rollout.js';
import * as appHomeEvents from './events/app-home.js';
import * as appLifecycleEvents from './events/app-lifecycle.js';
import * as recordDecisionShortcut from './shortcuts/record-decision.js';
import { registerUnanswered } from './unanswered.js';
import * as decisionFormViews from './views/decision-forms.js';
import * as milestoneFormViews from './views/milestone-form.js';
import * as nextActionFormViews from './views/next-action-form.js';
import * as readinessFormViews from './views/readiness-form.js';
import * as riskFormViews from './views/risk-form.js';
import * as workstreamUpdateViews from './views/workstream-update.js';

/**
 * Every listener, on the App itself (`app.command`, `app.action`, `app.view`, `app.event` with their
 * action_id or callback_id), then the catch-all for what none of them answers.
 */
export function registerListeners(app: App, deps: Deps, services: Services): void {
  rolloutCommand.register(app, deps, services);
  appHomeEvents.register(app, deps, services);
  appLifecycleEvents.register(app, deps);

  statusActions.register(app, deps, services);
  workstreamUpdateActions.register(app, deps, services);
  riskActions.register(app, deps, services);
  readinessActions.register(app, deps, services);
  nextActionActions.register(app, deps, services);
  decisionActions.register(app, deps, services);
  milestoneActions.register(app, deps, services);

  workstreamUpdateViews.register(app, deps, services);
  riskFormViews.register(app, deps, services);
  readinessFormViews.register(app, deps, services);
  nextActionFormViews.register(app, deps, services);
  decisionFormViews.register(app, deps, services);
  milestoneFormViews.register(app, deps, services);

  recordDecisionShortcut.register(app, deps, services);

  registerUnanswered(app, deps.logger);
}
