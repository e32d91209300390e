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

export const BLOCKS = {
  statusHeader: 'status_header',
  statusCounts: 'status_counts',
  statusMore: 'status_more',
  workstreamFacts: 'workstream_facts',
  workstreamText: 'workstream_text',
  workstreamActions: 'workstream_actions',
} as const;

/** The block_id of one workstream's row in the status overview (unique within the message). */
export const workstreamRowBlock = (key: string) => `ws_row:${key}`;
