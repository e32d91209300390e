import type { Program } from '../domain/program.js';
import type { SlackMessage } from '../ui/message.js';
import { statusPage } from '../ui/status-overview.js';
import { SnapshotCache } from './snapshot-cache.js';

/** `/rollout status` and "All workstreams": the overview's first page, built once per program snapshot. */
export class StatusPages {
  private readonly firstPages = new SnapshotCache<SlackMessage>();

  first(program: Program): SlackMessage {
    return this.firstPages.of(program, '', () => statusPage(program));
  }
}
