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
          <p class="canvas-title">{canvas.title}</p>
          <p class="canvas-meta">
            {canvasSummary(canvas)} <time dateTime={new Date(canvas.updatedAt).toISOString()}>{updated}</time>
          </p>
        </header>
        <CanvasDocument markdown={canvas.markdown} ctx={ctx} />
      </div>
    </div>
  );
}
