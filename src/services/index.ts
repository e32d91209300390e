import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import { ProgramRepo } from '../store/program-repo.js';

/** Services are built once per app from its dependencies and handed to listeners and schedules. */
export interface Services {
  programs: ProgramRepo;
  client: WebClient;
}

export function createServices(deps: Deps, client: WebClient): Services {
  return { programs: new ProgramRepo(deps.db), client };
}
