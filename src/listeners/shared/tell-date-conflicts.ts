import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps.js';
import type { Program } from '../../domain/program.js';
import type { Services } from '../../services/index.js';

/**
 * Dates changed: whoever owns something now due before what it depends on is told, after the save is
 * answered. Its failures are logged by the service and must not reach the person who saved.
 */
export async function tellDateConflicts(
  deps: Deps,
  services: Services,
  client: WebClient,
  program: Program,
): Promise<void> {
  try {
    await services.dateConflicts.check(client, program);
  } catch (error) {
    deps.logger.error(
      { event: 'date_conflicts_failed', program: program.slug },
      'date conflict check failed',
      error,
    );
  }
}
