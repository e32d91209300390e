/** The shared status vocabulary of the seed page, plus Done; risk and readiness scales. */

export const STATUSES = [
  'in-discovery',
  'drafted',
  'needs-decision',
  'needs-validation',
  'blocked',
  'done',
] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_INFO: Record<Status, { label: string; description: string; emoji: string }> = {
  'in-discovery': {
    label: 'In discovery',
    description: 'active discovery and stakeholder shaping',
    emoji: ':mag:',
  },
  drafted: {
    label: 'Drafted',
    description: 'recommended direction that exists but is not yet approved',
    emoji: ':memo:',
  },
  'needs-decision': {
    label: 'Needs decision',
    description: 'items waiting on stakeholder choice or approval',
    emoji: ':raised_hand:',
  },
  'needs-validation': {
    label: 'Needs validation',
    description: 'items that need platform or security confirmation',
    emoji: ':microscope:',
  },
  blocked: {
    label: 'Blocked',
    description: 'items that depend on unresolved upstream work',
    emoji: ':no_entry:',
  },
  done: {
    label: 'Done',
    description: 'work delivered, with nothing left to decide',
    emoji: ':white_check_mark:',
  },
};

export const RISKS = ['high', 'medium', 'low'] as const;
export type Risk = (typeof RISKS)[number];

export const RISK_INFO: Record<Risk, { label: string; emoji: string; rank: number }> = {
  high: { label: 'High', emoji: ':red_circle:', rank: 0 },
  medium: { label: 'Medium', emoji: ':large_orange_circle:', rank: 1 },
  low: { label: 'Low', emoji: ':large_green_circle:', rank: 2 },
};

export const SIGNALS = ['not-ready', 'partial', 'ready'] as const;
export type Signal = (typeof SIGNALS)[number];

export const SIGNAL_INFO: Record<Signal, { label: string; emoji: string }> = {
  'not-ready': { label: 'Not ready', emoji: ':red_circle:' },
  partial: { label: 'Partially ready', emoji: ':large_yellow_circle:' },
  ready: { label: 'Ready', emoji: ':large_green_circle:' },
};

/** Open and deferred decisions are still waited on; decided and withdrawn ones are settled. */
export const DECISION_STATES = ['open', 'deferred', 'decided', 'withdrawn'] as const;
export type DecisionState = (typeof DECISION_STATES)[number];

export const DECISION_STATE_LABELS: Record<DecisionState, string> = {
  open: 'Open',
  deferred: 'Deferred',
  decided: 'Decided',
  withdrawn: 'Withdrawn',
};

export function isPendingDecision(state: DecisionState): boolean {
  return state === 'open' || state === 'deferred';
}

export const RISK_STATES = ['open', 'closed'] as const;
export type RiskState = (typeof RISK_STATES)[number];

/** Statuses that mean someone is waiting on a choice or confirmation (the digest's "needs a decision"). */
export const WAITING_STATUSES: readonly Status[] = ['needs-decision', 'needs-validation'];

export function byRiskThenPosition<T extends { risk: Risk; position: number }>(a: T, b: T): number {
  return RISK_INFO[a.risk].rank - RISK_INFO[b.risk].rank || a.position - b.position;
}

/** Top risks as every list shows them: most severe first, then the page's order (ties by id). */
export function bySeverityThenPosition<T extends { severity: Risk; position: number; id: number }>(
  a: T,
  b: T,
): number {
  return RISK_INFO[a.severity].rank - RISK_INFO[b.severity].rank || a.position - b.position || a.id - b.id;
}
