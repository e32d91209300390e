/** Field-keyed validation errors placed on the input blocks that show them (`response_action: 'errors'`). */
export function errorsOnBlocks<F extends string>(
  errors: Partial<Record<F, string>>,
  blocks: Record<F, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors) as [F, string | undefined][]) {
    const block = blocks[field];
    if (message && block) out[block] = message;
  }
  return out;
}
