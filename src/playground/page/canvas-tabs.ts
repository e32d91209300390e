import type { PlaygroundCanvas } from '../protocol.js';

/**
 * Where canvases show in the page: as tabs of a channel (its own canvas first, then the standalone ones
 * tabbed in it), and where a link to one leads. Slack links a canvas as
 * `https://<workspace>.slack.com/docs/<team>/<canvas>`; the page opens such a link itself when the
 * workspace has that canvas, rather than leaving for a Slack that is not there.
 */

const CANVAS_URL =
  /^https:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.slack\.com\/docs\/T[A-Z0-9]+\/(F[A-Z0-9]+)\/?(?:[?#].*)?$/i;

/** The canvas ID a Slack canvas link names, or undefined for any other URL. */
export function canvasIdFromUrl(url: string): string | undefined {
  return CANVAS_URL.exec(url.trim())?.[1];
}

/** The canvases a channel shows as tabs, in Slack's order, plus `open` when it was opened from elsewhere. */
export function canvasTabs(
  canvases: readonly PlaygroundCanvas[],
  channel: string,
  open?: string,
): PlaygroundCanvas[] {
  const own = canvases.filter((c) => c.channel === channel);
  const tabbed = canvases.filter((c) => c.channel !== channel && c.tabbedIn.includes(channel));
  const tabs = [...own, ...tabbed];
  const opened =
    open !== undefined && !tabs.some((c) => c.id === open) && canvases.find((c) => c.id === open);
  return opened ? [...tabs, opened] : tabs;
}

/**
 * The pane to show a canvas in: its channel, else a channel it is a tab of, when this person sees that
 * pane; else where the person is (a channel), else their first pane.
 */
export function paneForCanvas(
  canvas: PlaygroundCanvas,
  panes: readonly string[],
  current: string | undefined,
): string | undefined {
  const homes = [...(canvas.channel !== undefined ? [canvas.channel] : []), ...canvas.tabbedIn];
  return homes.find((p) => panes.includes(p)) ?? (current && panes.includes(current) ? current : panes[0]);
}

/** "Canvas · edited 2 times · updated", said before when (in the viewer's zone). */
export function canvasSummary(canvas: Pick<PlaygroundCanvas, 'edits'>): string {
  // A canvas nobody edited yet was made as it stands: "created", not "edited 0 times".
  if (canvas.edits === 0) return 'Canvas · created';
  return `Canvas · edited ${canvas.edits} ${canvas.edits === 1 ? 'time' : 'times'} · updated`;
}
