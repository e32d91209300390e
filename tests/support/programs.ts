import type { Db } from '../../src/db/open.js';
import { type ProgramFileInput, parseProgramFile } from '../../src/domain/program-file.js';
import { RISKS, type Risk, STATUSES, type Status } from '../../src/domain/vocabulary.js';
import { importProgram } from '../../src/store/program-import.js';

/** Validates and imports a program file object, as `rollout import` would; throws on a bad file. */
export function importFixture(db: Db, file: ProgramFileInput, now = new Date(), actor = 'import') {
  const parsed = parseProgramFile(file);
  if (!parsed.ok) throw new Error(`fixture program is not valid:\n${parsed.problems.join('\n')}`);
  return importProgram(db, parsed.program, { actor, now });
}

export const OWNER = 'UOWNER01';
export const OTHER_OWNER = 'UOWNER02';
export const ADMIN = 'UADMIN01';
export const STRANGER = 'USTRANGER';

/** A small program in the seed page's shape, with owners to test permissions against. */
export function smallProgram(overrides: Partial<ProgramFileInput> = {}): ProgramFileInput {
  return {
    slug: 'builder-insights',
    name: 'Builder Insights operationalization',
    summary: 'One consolidated view of the operationalization work.',
    timezone: 'America/Los_Angeles',
    digest: { channel: 'C0LEADERS', schedule: '0 9 * * 1' },
    admins: [ADMIN],
    workstreams: [
      {
        key: 'identity-sso',
        name: 'Identity and SSO',
        owner: 'Identity and Security',
        owner_ids: [OWNER],
        state: 'directionally clear, enterprise path not finalized',
        summary: 'The enterprise direction is clear, but core decisions still need confirmation.',
        status: 'needs-decision',
        risk: 'high',
        blocker: 'approved Okta path and claims model',
      },
      {
        key: 'kanopy-hosting',
        name: 'Kanopy hosting',
        owner: 'Platform Engineering',
        owner_ids: [OTHER_OWNER],
        state: 'likely path identified',
        status: 'drafted',
        risk: 'medium',
        blocker: 'final runtime boundary and deployment expectations',
      },
      {
        key: 'readiness-gating',
        name: 'Readiness gating',
        owner: 'Product and Application Engineering',
        status: 'blocked',
        risk: 'medium',
        blocker: 'depends on upstream decisions',
        depends_on: ['identity-sso'],
      },
    ],
    risks: [
      {
        text: 'identity decisions stay abstract and block entitlement implementation',
        severity: 'high',
        workstream: 'identity-sso',
      },
    ],
    readiness: [
      {
        name: 'Identity readiness',
        signal: 'not-ready',
        note: 'not ready until Okta path and claims model are confirmed',
      },
      { name: 'Hosting readiness', signal: 'partial', note: 'partially shaped' },
    ],
    actions: [
      {
        text: 'confirm owner and meeting path for Okta/identity decisions',
        owner: OWNER,
        workstream: 'identity-sso',
        due: '2026-12-01',
      },
    ],
    references: [{ title: 'Decision Register', url: 'https://wiki.example.com/decision-register' }],
    ...overrides,
  };
}

/** A program with `n` workstreams, for Block Kit limits and the benchmark. */
export function largeProgram(n: number, overrides: Partial<ProgramFileInput> = {}): ProgramFileInput {
  return {
    slug: 'large',
    name: 'Large program',
    workstreams: Array.from({ length: n }, (_, i) => ({
      key: `ws-${i}`,
      name: `Workstream ${i} ${'with a long name '.repeat(3)}`.trim(),
      owner: `Team ${i % 17}`,
      owner_ids: [`U${String(i % 50).padStart(6, '0')}`],
      state: `state of workstream ${i}`,
      status: STATUSES[i % STATUSES.length] as Status,
      risk: RISKS[i % RISKS.length] as Risk,
      blocker: `blocker ${i}: ${'waiting on something upstream '.repeat(4)}`.trim(),
    })),
    ...overrides,
  };
}
