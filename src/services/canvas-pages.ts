import { createHash } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { Program } from '../domain/program.js';
import { ProgramCanvases } from '../store/program-canvases.js';
import { canvasPage, canvasTitle, RECENT_CHANGES_DAYS, RECENT_CHANGES_SHOWN } from '../ui/canvas-page.js';

export interface CanvasPage {
  title: string;
  markdown: string;
  /** What the keeper compares with what the canvas last took. */
  hash: string;
}

/** A program's canvas page from the store as of the clock's now: the program, its last week of history. */
export class CanvasPages {
  private readonly store: ProgramCanvases;

  constructor(private readonly deps: Pick<Deps, 'db' | 'clock'>) {
    this.store = new ProgramCanvases(deps.db);
  }

  page(program: Program): CanvasPage {
    const now = this.deps.clock.now();
    const since = new Date(now.getTime() - RECENT_CHANGES_DAYS * 86_400_000).toISOString();
    const markdown = canvasPage({
      program,
      // One more than is shown, so the page can say there are more.
      recentChanges: this.store.recentChanges(program.id, since, RECENT_CHANGES_SHOWN + 1),
      lastChange: this.store.lastChange(program.id),
      now,
    });
    return {
      title: canvasTitle(program),
      markdown,
      hash: createHash('sha256').update(markdown).digest('hex'),
    };
  }
}
