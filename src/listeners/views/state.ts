import { z } from 'zod';
import { INPUT_ACTION } from '../../ui/ids.js';

/**
 * A modal's `view.state.values`, read with zod: each input block holds one element under INPUT_ACTION.
 * Text inputs give `value` (null when left empty), selects `selected_option`, date pickers `selected_date`,
 * user pickers `selected_user` (several: `selected_users`), checkboxes and multi-selects `selected_options`.
 */
const element = z
  .object({
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_date: z.string().nullish(),
    selected_user: z.string().nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
    selected_users: z.array(z.string()).nullish(),
  })
  .loose();

const stateValues = z.record(z.string(), z.record(z.string(), element));

export type StateValues = z.infer<typeof stateValues>;

export function parseState(values: unknown): StateValues {
  const parsed = stateValues.safeParse(values);
  return parsed.success ? parsed.data : {};
}

/** A block's value as text: '' for an input left empty, undefined when the block is not in the form. */
export function readInput(values: StateValues, blockId: string): string | undefined {
  const el = values[blockId]?.[INPUT_ACTION];
  if (!el) return undefined;
  return el.selected_option?.value ?? el.selected_date ?? el.selected_user ?? el.value ?? '';
}

/** Checked boxes' values. */
export function readChecked(values: StateValues, blockId: string): string[] {
  return values[blockId]?.[INPUT_ACTION]?.selected_options?.map((o) => o.value) ?? [];
}

/** A multi-select's choices (options' values, or users); undefined when the block is not in the form. */
export function readMany(values: StateValues, blockId: string): string[] | undefined {
  const el = values[blockId]?.[INPUT_ACTION];
  if (!el) return undefined;
  return el.selected_users ?? el.selected_options?.map((o) => o.value) ?? [];
}
