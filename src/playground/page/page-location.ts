/**
 * What the URL's query holds, so a reload, a bookmark or a browser test starts as the same person in the
 * same place: `?as=U…&in=C…` (`in=home` for Rollout's Home tab), `&canvas=F…` with a canvas open in the
 * pane, `&inspector=1` with the inspector open.
 */
export interface PageLocation {
  as?: string;
  /** A channel or DM id, or HOME. */
  pane?: string;
  /** The canvas shown in the pane instead of its messages. */
  canvas?: string;
  inspector: boolean;
}

export const HOME = 'home';

export function readLocation(search: string): PageLocation {
  const query = new URLSearchParams(search);
  const as = query.get('as') || undefined;
  const pane = query.get('in') || undefined;
  const canvas = query.get('canvas') || undefined;
  return {
    ...(as ? { as } : {}),
    ...(pane ? { pane } : {}),
    ...(canvas ? { canvas } : {}),
    inspector: query.get('inspector') === '1',
  };
}

/** The query for a location, keeping parameters the page does not own. */
export function writeLocation(search: string, location: PageLocation): string {
  const query = new URLSearchParams(search);
  for (const [name, value] of [
    ['as', location.as],
    ['in', location.pane],
    ['canvas', location.canvas],
    ['inspector', location.inspector ? '1' : undefined],
  ] as const) {
    if (value) query.set(name, value);
    else query.delete(name);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * The pane to show for the one asked for: it, while it exists for this person; otherwise the first channel
 * (a DM id from the URL or from the previous person belongs to someone else).
 */
export function resolvePane(
  pane: string | undefined,
  channels: readonly { id: string }[],
  dmChannel: string | undefined,
): string {
  if (pane === HOME) return HOME;
  if (pane && (pane === dmChannel || channels.some((c) => c.id === pane))) return pane;
  return channels[0]?.id ?? dmChannel ?? HOME;
}
