/**
 * Reading Block Kit as it arrives: the app's JSON, which may be malformed or of a newer shape than this
 * renderer knows. Readers answer undefined rather than throw, so one odd block cannot blank a page.
 */

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const obj = (v: unknown): Obj | undefined => (isObj(v) ? v : undefined);

export const objs = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** The `text` of a text object, or undefined when there is none. */
export const textOf = (v: unknown): string | undefined => str(obj(v)?.text);

/**
 * Blocks with a block_id on every block and an action_id on every element, made from the position when the
 * app set none (as Slack, and the stand-in, do), so that state and actions can name them. The renderer and
 * `initialViewState` both read blocks through this, so they agree on the names.
 */
export function withIds(blocks: readonly unknown[]): Obj[] {
  return blocks.filter(isObj).map((block, i) => {
    const blockId = str(block.block_id) ?? `block:${i}`;
    const named = (el: unknown, j: number): unknown =>
      isObj(el) && el.action_id === undefined ? { ...el, action_id: `${blockId}:${j}` } : el;
    const b: Obj = { ...block, block_id: blockId };
    if (b.type === 'actions' && Array.isArray(b.elements)) b.elements = b.elements.map(named);
    if (b.type === 'input' && b.element !== undefined) b.element = named(b.element, 0);
    if (b.type === 'section' && b.accessory !== undefined) b.accessory = named(b.accessory, 0);
    return b;
  });
}

/** http(s) and mailto: the only links the page opens; `javascript:` and the like stay text. */
export function isSafeUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url.trim());
}

/** Images load only from the web: no `javascript:`, no `file:`. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url.trim());
}
