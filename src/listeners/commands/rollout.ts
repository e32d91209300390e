import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import type { Services } from '../../services/index.js';

/** `/rollout …`: placeholder until the status views land. */
export function register(app: App, _deps: Deps, _services: Services): void {
  app.command('/rollout', async ({ ack }) => {
    await ack({ response_type: 'ephemeral', text: 'Rollout is starting up.' });
  });
}
