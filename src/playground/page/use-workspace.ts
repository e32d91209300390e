import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PlaygroundState } from '../protocol.js';
import { fetchState, watchChanges } from './api.js';

export interface Workspace {
  /** Undefined until the first answer. */
  state: PlaygroundState | undefined;
  /** Whether the change stream is connected (when not, the page may be behind). */
  live: boolean;
  /** Fetches the state again now; resolves once it is shown (or was overtaken by a later fetch). */
  refresh: () => Promise<void>;
}

/**
 * The workspace as `as` sees it, kept current: fetched when `as` changes, after every change the server
 * announces, and whenever the caller asks (after each POST).
 */
export function useWorkspace(as: string | undefined, onError: (message: string) => void): Workspace {
  const [state, setState] = useState<PlaygroundState>();
  const [live, setLive] = useState(false);
  const asRef = useRef(as);
  asRef.current = as;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  // Fetches overlap (an event during a POST's refetch, a switch of person mid-flight); answers can arrive
  // out of order, and an older one must not replace a newer one or show the previous person's view.
  const issued = useRef(0);
  const applied = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++issued.current;
    try {
      const next = await fetchState(asRef.current);
      if (mine <= applied.current) return;
      applied.current = mine;
      setState(next);
    } catch (error) {
      if (mine <= applied.current) return;
      onErrorRef.current(
        `Could not load the workspace: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }, []);

  // Runs again for each new person: refresh reads `as` from a ref.
  useEffect(() => {
    void refresh();
  }, [as, refresh]);

  useEffect(() => watchChanges(() => void refresh(), setLive), [refresh]);

  return { state, live, refresh };
}
