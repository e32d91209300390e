/**
 * Every callback_id, action_id and block_id Rollout uses. Builders and listeners both import from here,
 * so a renamed ID cannot leave a button that nothing answers.
 */
export const ACTIONS = {
  openWorkstreamUpdate: 'workstream_update_open',
  showWorkstream: 'workstream_show',
  showStatus: 'status_show',
  statusPagePrevious: 'status_page_previous',
  statusPageNext: 'status_page_next',
  /** A reminder's "Still current": records an unchanged save, as the update form's would. */
  confirmCurrent: 'workstream_confirm_current',
} as const;

/** Every modal input's element uses this action_id; the block_id says which field it is. */
export const INPUT_ACTION = 'value';

export const VIEWS = {
  workstreamUpdate: 'workstream_update',
  workstreamPick: 'workstream_pick',
} as const;

export const BLOCKS = {
  statusHeader: 'status_header',
  statusCounts: 'status_counts',
  statusMore: 'status_more',
  statusPages: 'status_pages',
  statusReferences: 'status_references',
  workstreamFacts: 'workstream_facts',
  workstreamDates: 'workstream_dates',
  workstreamState: 'workstream_state',
  workstreamSnapshot: 'workstream_snapshot',
  workstreamBlocker: 'workstream_blocker',
  workstreamActions: 'workstream_actions',
  // The update modal: one input block a field, so inline errors land on the field at fault.
  wsStatus: 'ws_status',
  wsRisk: 'ws_risk',
  wsState: 'ws_state',
  wsBlocker: 'ws_blocker',
  wsSummary: 'ws_summary',
  wsTarget: 'ws_target',
  wsTargetReason: 'ws_target_reason',
  wsRebaseline: 'ws_rebaseline',
  wsNote: 'ws_note',
  wsPick: 'ws_pick',
} as const;

/** The block_id of one workstream's row in the status overview (unique within the message). */
export const workstreamRowBlock = (key: string) => `ws_row:${key}`;

/** `/rollout history`: the header, the zone line, the "and N more" line, and one block per entry. */
export const HISTORY_BLOCKS = {
  header: 'history_header',
  zone: 'history_zone',
  empty: 'history_empty',
  more: 'history_more',
} as const;
export const historyEntryBlock = (id: number) => `history_entry:${id}`;

/** The App Home tab: "Your workstreams", then each program's overview (its block_ids prefixed). */
export const HOME_BLOCKS = {
  mineHeader: 'home_mine_header',
  mineEmpty: 'home_mine_empty',
  mineMore: 'home_mine_more',
  noPrograms: 'home_no_programs',
  programsMore: 'home_programs_more',
} as const;
export const homeWorkstreamBlock = (program: string, key: string) => `home_ws:${program}:${key}`;
/** An overview block of one program inside the Home tab, where several programs share one view. */
export const homeProgramBlock = (program: string, blockId: string) => `home_p:${program}:${blockId}`;

/** The weekly digest message: fixed blocks, and each list section (a long list spans several sections). */
export const DIGEST_BLOCKS = {
  header: 'digest_header',
  context: 'digest_context',
  headline: 'digest_headline',
  actions: 'digest_actions',
} as const;
export type DigestSection =
  | 'slowing'
  | 'risks'
  | 'blocked'
  | 'waiting'
  | 'decided'
  | 'dates'
  | 'changes'
  | 'stale'
  | 'next'
  | 'readiness';
export const digestSectionBlock = (section: DigestSection, part: number) => `digest_${section}:${part}`;

/**
 * `/rollout risks`, `/rollout readiness`, `/rollout actions`: their buttons, modals and blocks. A button on
 * one item carries `itemAction(kind, id)` as its action_id, so that each is unique within the message; its
 * listener matches the kind with `itemActionPattern(kind)`.
 */
export const LIST_ACTIONS = {
  riskAdd: 'risk_add_open',
  riskEdit: 'risk_edit_open',
  riskClose: 'risk_close',
  riskReopen: 'risk_reopen',
  readinessEdit: 'readiness_edit_open',
  nextActionAdd: 'action_add_open',
  nextActionEdit: 'action_edit_open',
  nextActionDone: 'action_done',
  nextActionUndone: 'action_undone',
} as const;
export const itemAction = (kind: string, id: number) => `${kind}:${id}`;
export const itemActionPattern = (kind: string) => new RegExp(`^${kind}(?::\\d+)?$`);

export const LIST_VIEWS = {
  riskAdd: 'risk_add',
  riskEdit: 'risk_edit',
  readinessEdit: 'readiness_edit',
  nextActionAdd: 'action_add',
  nextActionEdit: 'action_edit',
} as const;

export const LIST_BLOCKS = {
  notice: 'list_notice',
  header: 'list_header',
  summary: 'list_summary',
  more: 'list_more',
  hint: 'list_hint',
  closedHeader: 'list_closed_header',
  closedMore: 'list_closed_more',
  // The risk form: one input block a field, so inline errors land on the field at fault.
  riskText: 'risk_text',
  riskSeverity: 'risk_severity',
  riskWorkstream: 'risk_workstream',
  riskStatus: 'risk_status',
  riskNote: 'risk_note',
  // The readiness form.
  readinessSignal: 'readiness_signal',
  readinessNote: 'readiness_note',
  // The next-action form.
  nextActionText: 'action_text',
  nextActionOwner: 'action_owner',
  nextActionOwnerName: 'action_owner_name',
  nextActionWorkstream: 'action_workstream',
  nextActionDue: 'action_due',
  nextActionDone: 'action_done',
  nextActionNote: 'action_note',
} as const;
/** One item of a list (its text, and the buttons under it). */
export const listItemBlock = (kind: 'risk' | 'readiness' | 'action', id: number) => `${kind}_item:${id}`;
export const listItemButtonsBlock = (kind: 'risk' | 'action', id: number) => `${kind}_buttons:${id}`;

/** `/rollout digest`: the line that marks a preview as not posted. */
export const DIGEST_PREVIEW_BLOCK = 'digest_preview';

/** The owners' reminder DM: the intro, one block per workstream (with its Update button), "and N more". */
export const REMINDER_BLOCKS = {
  intro: 'reminder_intro',
  more: 'reminder_more',
} as const;
export const reminderWorkstreamBlock = (program: string, key: string) => `reminder_ws:${program}:${key}`;
/** The Still current button under a reminder's workstream line (its Update button sits on the line). */
export const reminderButtonsBlock = (program: string, key: string) => `reminder_buttons:${program}:${key}`;
/** "Still current" of the DM's Nth workstream; the listener matches `itemActionPattern(ACTIONS.confirmCurrent)`. */
export const confirmCurrentAction = (n: number) => `${ACTIONS.confirmCurrent}:${n}`;

/**
 * `/rollout decisions` and the decision register's forms. A button on one decision carries
 * `itemAction(kind, id)` as its action_id, matched by `itemActionPattern(kind)`.
 */
export const DECISION_ACTIONS = {
  add: 'decision_add_open',
  record: 'decision_record_open',
  defer: 'decision_defer_open',
  edit: 'decision_edit_open',
  withdraw: 'decision_withdraw_open',
} as const;

export const DECISION_VIEWS = {
  add: 'decision_add',
  edit: 'decision_edit',
  record: 'decision_record',
  defer: 'decision_defer',
  withdraw: 'decision_withdraw',
  /** The message shortcut's first step when there are several programs. */
  pickProgram: 'decision_pick_program',
} as const;

export const DECISION_BLOCKS = {
  more: 'decisions_more',
  decidedHeader: 'decisions_decided_header',
  decidedMore: 'decisions_decided_more',
  // The forms: one input block a field, so inline errors land on the field at fault.
  program: 'decision_program',
  pick: 'decision_pick',
  question: 'decision_question',
  workstreams: 'decision_workstreams',
  deciders: 'decision_deciders',
  neededBy: 'decision_needed_by',
  outcome: 'decision_outcome',
  decidedBy: 'decision_decided_by',
  decidedAt: 'decision_decided_at',
  link: 'decision_link',
  reason: 'decision_reason',
  moveHeading: 'decision_move_heading',
  moveWorkstream: 'decision_move_workstream',
  moveStatus: 'decision_move_status',
  moveBlocker: 'decision_move_blocker',
  // The update form's "Needs decision" part.
  wsDecisionHeading: 'ws_decision_heading',
  wsDecisionLink: 'ws_decision_link',
  wsDecisionQuestion: 'ws_decision_question',
  wsDecisionDeciders: 'ws_decision_deciders',
  wsDecisionNeededBy: 'ws_decision_needed_by',
  // The workstream detail's pending decision.
  workstreamDecision: 'workstream_decision',
  // The notice in the updates channel and the owners' DM.
  recorded: 'decision_recorded',
} as const;
export const decisionItemBlock = (id: number) => `decision_item:${id}`;
export const decisionButtonsBlock = (id: number) => `decision_buttons:${id}`;
export const decidedItemBlock = (id: number) => `decision_decided:${id}`;

/** Shortcuts declared in manifest.yml (`features.shortcuts[].callback_id`). */
export const SHORTCUTS = {
  recordDecision: 'decision_record_from_message',
} as const;

/**
 * `/rollout milestones` and the milestone form. An Edit button carries `itemAction(MILESTONE_ACTIONS.edit,
 * id)` as its action_id, matched by `itemActionPattern`.
 */
export const MILESTONE_ACTIONS = {
  add: 'milestone_add_open',
  edit: 'milestone_edit_open',
} as const;

export const MILESTONE_VIEWS = {
  add: 'milestone_add',
  edit: 'milestone_edit',
} as const;

export const MILESTONE_BLOCKS = {
  header: 'milestones_header',
  summary: 'milestones_summary',
  more: 'milestones_more',
  // The form: one input block a field, so inline errors land on the field at fault.
  name: 'milestone_name',
  owner: 'milestone_owner',
  ownerName: 'milestone_owner_name',
  target: 'milestone_target',
  reason: 'milestone_reason',
  rebaseline: 'milestone_rebaseline',
} as const;
export const milestoneItemBlock = (id: number) => `milestone_item:${id}`;
