import type { Program } from '../domain/program.js';
import type { SlackMessage } from '../ui/message.js';
import { statusPage } from '../ui/status-overview.js';
import { SnapshotCache } from './snapshot-cache.js';

/** `/rollout status` and "All workstreams": the overview's first page, built once per program snapshot. */
export class StatusPages {
  private readonly firstPages = new SnapshotCache<SlackMessage>();

  /** `pageUrl`: the program's canvas, linked at the foot when there is one. */
  first(program: Program, pageUrl?: string | null): SlackMessage {
    return this.firstPages.of(program, pageUrl ?? '', () => statusPage(program, 0, pageUrl));
  }
}
