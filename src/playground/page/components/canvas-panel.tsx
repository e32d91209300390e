import type { PlaygroundCanvas } from '../../protocol.js';
import { canvasSummary } from '../canvas-tabs.js';
import { CanvasDocument } from '../render/canvas-view.js';
import type { RenderContext } from '../render/context.js';
import { formatMoment } from '../time-format.js';

/** A canvas open in a channel's pane: its title, when the app last changed it, and the document. */
export function CanvasPanel({ canvas, ctx }: { canvas: PlaygroundCanvas; ctx: RenderContext }) {
  const updated = formatMoment(canvas.updatedAt, ctx.viewer.tz, ctx.now);
  return (
    <div class="canvas-scroll">
      <div class="canvas" role="document" aria-label={canvas.title}>
        <header class="canvas-header">
          {/* The canvas's title is the document's heading, as in Slack (Rollout's page has none of its own). */}
          <h1 class="canvas-title">{canvas.title}</h1>
          <p class="canvas-meta">
            {canvasSummary(canvas)} <time dateTime={new Date(canvas.updatedAt).toISOString()}>{updated}</time>
          </p>
        </header>
        <CanvasDocument markdown={canvas.markdown} ctx={ctx} />
      </div>
    </div>
  );
}
