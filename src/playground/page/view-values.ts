import type { PlaygroundView, StateValue, ViewState } from '../protocol.js';

/** The inputs of one open view, as typed so far, and the version of the view they were typed into. */
interface TypedValues {
  hash: string;
  values: ViewState;
}

/** Typed values by view id, for every modal in the stack and the Home tab. */
export type ValueStore = Readonly<Record<string, TypedValues>>;

/** The initial values of a view's blocks (the renderer's `initialViewState`). */
export type InitialValues = (blocks: unknown[]) => ViewState;

/**
 * Brings the store in line with the views now open: a view seen for the first time, or updated by the app
 * (a new hash), starts from its blocks' initial values; values of closed views are dropped. Slack keeps
 * typed values across an update for blocks that did not change; starting over is simpler and close enough.
 * Answers the same store when nothing changed, so callers can tell.
 */
export function syncValues(
  store: ValueStore,
  views: readonly PlaygroundView[],
  initial: InitialValues,
): ValueStore {
  let changed = Object.keys(store).length !== views.length;
  const next: Record<string, TypedValues> = {};
  for (const view of views) {
    const kept = store[view.id];
    if (kept && kept.hash === view.hash) {
      next[view.id] = kept;
    } else {
      next[view.id] = { hash: view.hash, values: initial(view.view.blocks ?? []) };
      changed = true;
    }
  }
  return changed ? next : store;
}

/** The store with one input of one view changed; a view the store does not hold is left alone. */
export function setValue(
  store: ValueStore,
  viewId: string,
  blockId: string,
  actionId: string,
  value: StateValue,
): ValueStore {
  const typed = store[viewId];
  if (!typed) return store;
  const values: ViewState = { ...typed.values, [blockId]: { ...typed.values[blockId], [actionId]: value } };
  return { ...store, [viewId]: { hash: typed.hash, values } };
}
