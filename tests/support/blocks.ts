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

/** The texts of `blocks` that contain `part`. */
export function textsWith(blocks: unknown, part: string): string[] {
  return textsOf(blocks).filter((text) => text.includes(part));
}
