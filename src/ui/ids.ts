/**
 * Every callback_id, action_id and block_id Rollout uses. Builders and listeners both import from here,
 * so a renamed ID cannot leave a button that nothing answers.
 */
export const ACTIONS = {
  openWorkstreamUpdate: 'workstream_update_open',
  showWorkstream: 'workstream_show',
  showStatus: 'status_show',
} as const;

export const VIEWS = {} as const;

export const BLOCKS = {} as const;
