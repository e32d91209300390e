import { useCallback, useRef, useState } from 'preact/hooks';
import type { PlaygroundView, StateValue, ViewState } from '../protocol.js';
import { initialViewState } from './render/view-state.js';
import { setValue, syncValues, type ValueStore } from './view-values.js';

export interface ViewValues {
  /** The values typed into a view so far, read at the moment of asking (for a submit or an action). */
  valuesOf: (viewId: string) => ViewState;
  set: (viewId: string, blockId: string, actionId: string, value: StateValue) => void;
}

/**
 * What has been typed into the open views (the modal stack and the Home tab), kept across refetches of
 * the same view and reset when the app updates a view.
 */
export function useViewValues(views: readonly PlaygroundView[]): ViewValues {
  // A ref rather than state: a submit right after the last keystroke must read that keystroke, even
  // before the re-render it causes.
  const store = useRef<ValueStore>({});
  const [, rerender] = useState(0);
  store.current = syncValues(store.current, views, initialViewState);

  const valuesOf = useCallback((viewId: string) => store.current[viewId]?.values ?? {}, []);
  const set = useCallback((viewId: string, blockId: string, actionId: string, value: StateValue) => {
    store.current = setValue(store.current, viewId, blockId, actionId, value);
    rerender((n) => n + 1);
  }, []);
  return { valuesOf, set };
}
