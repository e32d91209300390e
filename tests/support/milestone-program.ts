import type { ProgramFileInput } from '../../src/domain/program-file.js';
import { OTHER_OWNER, OWNER, smallProgram } from './programs.js';

/** The Slack user who owns the internal readiness gate (not an admin, owns no workstream). */
export const GATE_OWNER = 'UPRODUCT1';

/**
 * The small program with dates: Readiness gating (blocked, owned by OTHER_OWNER) is due 20 Jan but depends
 * on Identity and SSO (high risk), due 1 Feb; the internal readiness gate (owned by GATE_OWNER) is due
 * 15 Jan but waits on Readiness gating; the broader rollout (owned by a team) waits on the gate and on
 * Kanopy hosting. No digest, so that a sweep only looks at dates and reminders.
 */
export function datedProgram(over: Partial<ProgramFileInput> = {}): ProgramFileInput {
  const base = smallProgram();
  const [identity, kanopy, gating] = base.workstreams ?? [];
  return {
    ...base,
    digest: undefined,
    workstreams: [
      { ...(identity as NonNullable<typeof identity>), owner_ids: [OWNER], target: '2027-02-01' },
      { ...(kanopy as NonNullable<typeof kanopy>), target: '2027-01-10' },
      { ...(gating as NonNullable<typeof gating>), owner_ids: [OTHER_OWNER], target: '2027-01-20' },
    ],
    milestones: [
      {
        key: 'internal-readiness-gate',
        name: 'Internal readiness gate',
        owner: GATE_OWNER,
        target: '2027-01-15',
        depends_on: ['readiness-gating'],
      },
      {
        key: 'broader-rollout',
        name: 'Broader internal rollout timing',
        owner: 'Product',
        target: '2027-02-26',
        depends_on: ['internal-readiness-gate', 'kanopy-hosting'],
      },
    ],
    ...over,
  };
}
