/**
 * Every piece of text a person reads in Block Kit (a block's text, its fields, a context's elements, a
 * button's label, a message's fallback `text`), in order: what to assert on, instead of the JSON of the
 * blocks, which also holds action IDs, values and URLs.
 */
export function textsOf(blocks: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'text' && typeof value === 'string') out.push(value);
      else walk(value);
    }
  };
  walk(blocks);
  return out;
}

/** Every text a person reads in `source`, one a line: for an answer whose blocks carry no block_id to name. */
export function textOf(source: unknown): string {
  return textsOf(source).join('\n');
}

/** The texts of `blocks` that contain `part`. */
export function textsWith(blocks: unknown, part: string): string[] {
  return textsOf(blocks).filter((text) => text.includes(part));
}

/** Every object in `source` (blocks, a message, a view, a response body) that has a `block_id`, in order. */
function blocksIn(source: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (typeof (node as { block_id?: unknown }).block_id === 'string')
      out.push(node as Record<string, unknown>);
    for (const value of Object.values(node)) walk(value);
  };
  walk(source);
  return out;
}

/** The block of `source` (blocks, or a message, view or response holding them) whose block_id is `blockId`. */
export function blockWithId(source: unknown, blockId: string): Record<string, unknown> | undefined {
  return blocksIn(source).find((b) => b.block_id === blockId);
}

/** Every text a person reads in the block whose block_id is `blockId`, one a line; '' when there is none. */
export function blockText(source: unknown, blockId: string): string {
  return textsOf(blockWithId(source, blockId)).join('\n');
}

/** The texts of the blocks whose block_id starts with `prefix` (a list's items, say), one a line. */
export function blocksText(source: unknown, prefix: string): string {
  return textsOf(blocksIn(source).filter((b) => String(b.block_id).startsWith(prefix))).join('\n');
}

/** What a notice modal (a refusal, a confirmation) says: the text of its one section. */
export function noticeText(view: unknown): string {
  const blocks =
    (view as { blocks?: { type: string; text?: { text?: string } }[] } | undefined)?.blocks ?? [];
  return blocks
    .filter((b) => b.type === 'section')
    .map((b) => b.text?.text ?? '')
    .join('\n');
}

/** The action_id of every interactive element in `source`, in order. */
export function actionIdsOf(source: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const id = (node as { action_id?: unknown }).action_id;
    if (typeof id === 'string') out.push(id);
    for (const value of Object.values(node)) walk(value);
  };
  walk(source);
  return out;
}
