/** Slack's Block Kit limits (docs.slack.dev): a message or view past these is refused by Slack. */
export const BLOCK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextText: 3000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  selectOptions: 100,
  checkboxOptions: 10,
  modalTitle: 24,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  modalButton: 24,
  privateMetadata: 3000,
  blockId: 255,
  actionId: 255,
  fallbackText: 4000,
} as const;

/**
 * The blocks each surface Rollout draws may hold, stated once: every builder of that surface fits its
 * items into what is left after its own fixed blocks (stated beside it: `OVERVIEW_FIXED_BLOCKS`,
 * `HISTORY_FIXED_BLOCKS`, `DIGEST_FIXED_BLOCKS`, the lists' head).
 */
export const SURFACE_BLOCKS = {
  /** Answers to commands, the digest, reminder DMs: Slack's 50. */
  message: BLOCK_LIMITS.messageBlocks,
  /** A modal (a form, or an answer in the Home tab): Slack's 100. */
  modal: BLOCK_LIMITS.viewBlocks,
  /** The App Home tab: Slack's 100. */
  home: BLOCK_LIMITS.viewBlocks,
} as const;

/** Cuts plain or escaped text to `max` characters with an ellipsis, never splitting an `&amp;`-style entity. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = text.slice(0, max - 1);
  // Half an emoji (a lone high surrogate) is not text Slack can show.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const amp = cut.lastIndexOf('&');
  if (amp !== -1 && !cut.slice(amp).includes(';') && amp > cut.length - 6) cut = cut.slice(0, amp);
  return `${cut}…`;
}
