/**
 * How long each stored text may be. Chosen so that any one value fits the Block Kit element that shows it
 * (header 150, section 3000, option 75 is handled by truncation) and a modal's `max_length`.
 */
export const FIELD_LIMITS = {
  programName: 150,
  programSummary: 2000,
  workstreamKey: 64,
  workstreamName: 150,
  ownerTeam: 200,
  state: 500,
  summary: 2000,
  blocker: 500,
  note: 1000,
  riskText: 500,
  readinessName: 150,
  readinessNote: 500,
  nextActionText: 500,
  nextActionOwner: 100,
  referenceTitle: 200,
  url: 2000,
  decisionQuestion: 500,
  decisionOutcome: 1000,
  decisionReason: 500,
} as const;
