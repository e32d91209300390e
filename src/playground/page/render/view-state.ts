import type { ViewState } from '../../protocol.js';
import { isObj, type Obj, str, withIds } from './block-json.js';
import { initialStateValue } from './element-state.js';

/** The elements of a block that hold a value in `view.state`: an input's, an accessory, an actions row. */
function statefulElements(block: Obj): unknown[] {
  switch (block.type) {
    case 'input':
      return [block.element];
    case 'section':
      return [block.accessory];
    case 'actions':
      return Array.isArray(block.elements) ? block.elements : [];
    default:
      return [];
  }
}

/**
 * The `view.state.values` Slack would send for these blocks before anyone touches them: every stateful
 * element of input and actions blocks and section accessories (Slack keeps those too), keyed by block_id
 * then action_id, with the initial value or null/[] when none is set.
 */
export function initialViewState(blocks: readonly unknown[]): ViewState {
  const state: ViewState = {};
  for (const block of withIds(blocks)) {
    const blockId = str(block.block_id) ?? '';
    for (const element of statefulElements(block)) {
      if (!isObj(element)) continue;
      const value = initialStateValue(element);
      const actionId = str(element.action_id);
      if (!value || actionId === undefined) continue;
      state[blockId] = { ...state[blockId], [actionId]: value };
    }
  }
  return state;
}
