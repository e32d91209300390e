import { useState } from 'preact/hooks';
import type { StateValue } from '../../protocol.js';
import { type Obj, str } from './block-json.js';
import type { RenderContext } from './context.js';
import { changeOf, chosenValues, initialStateValue } from './element-state.js';

/** Where an element sits inside an input block: what labels and describes its control. */
export interface Field {
  /** The control's id, for the block label's `<label for>`. */
  id: string;
  /** The label's id, for a group of controls (checkboxes, radio buttons) to be labelled by. */
  labelId: string;
  /** The ids of the hint and the error, when there are. */
  describedBy?: string | undefined;
  invalid: boolean;
}

export interface ElementProps {
  /** The element as the app sent it, with its action_id (see `withIds`). */
  element: Obj;
  blockId: string;
  ctx: RenderContext;
  /** Whether a change is sent to the app as an action: in an actions block or accessory, or `dispatch_action`. */
  dispatch: boolean;
  /** Set inside an input block. */
  field?: Field | undefined;
}

/** The attributes that name and describe a control: the block's label inside an input block, else `fallback`. */
export function controlProps(field: Field | undefined, fallback: string) {
  return field
    ? { id: field.id, 'aria-describedby': field.describedBy, 'aria-invalid': field.invalid || undefined }
    : { 'aria-label': fallback || undefined };
}

/**
 * The value an element shows and a way to change it. The value is the view's state when the page holds one
 * (modals, Home), else the element's own: a select in a message still shows what was picked. A new
 * initial value from the app (the message or view was updated) wins over a local pick, as in Slack.
 */
export function useHeldValue({ element, blockId, ctx, dispatch }: ElementProps) {
  const actionId = str(element.action_id) ?? '';
  const initial = initialStateValue(element);
  const initialKey = JSON.stringify(initial ?? null);
  const [local, setLocal] = useState<{ key: string; value: StateValue } | undefined>(undefined);
  const value = ctx.state?.values[blockId]?.[actionId] ?? (local?.key === initialKey ? local.value : initial);
  /** `send: false` for typing, which Slack sends only on Enter (or per character when asked). */
  const choose = (chosen: readonly string[], send = dispatch) => {
    const change = changeOf(element, blockId, chosen, send);
    if (!change) return;
    setLocal({ key: initialKey, value: change.value });
    ctx.state?.set(blockId, actionId, change.value);
    if (change.action) ctx.onAction?.(change.action);
  };
  return { value, chosen: chosenValues(value), choose };
}
