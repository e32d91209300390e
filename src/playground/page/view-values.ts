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
 * Brings the store in line with the views now open: a view seen for the first time starts from its blocks'
 * initial values; one the app updated (a new hash) keeps, as Slack does, what its inputs held where the
 * block_id and action_id (and the kind of element) did not change, and takes the new initial values
 * elsewhere; values of closed views are dropped. Answers the same store when nothing changed, so callers
 * can tell.
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
      const fresh = initial(view.view.blocks ?? []);
      next[view.id] = { hash: view.hash, values: kept ? keptAcrossUpdate(kept.values, fresh) : fresh };
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

/** The new view's values, with what the old one held wherever the same element is still there. */
function keptAcrossUpdate(held: ViewState, fresh: ViewState): ViewState {
  const values: Record<string, ViewState[string]> = {};
  for (const [blockId, elements] of Object.entries(fresh)) {
    const block: Record<string, StateValue> = {};
    for (const [actionId, value] of Object.entries(elements)) {
      const before = held[blockId]?.[actionId];
      block[actionId] = before && before.type === value.type ? before : value;
    }
    values[blockId] = block;
  }
  return values;
}
