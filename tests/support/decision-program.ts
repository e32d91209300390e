import type { Db } from '../../src/db/open.js';
import type { ProgramFileInput } from '../../src/domain/program-file.js';
import { importFixture, smallProgram } from './programs.js';

/** Decides things without owning a workstream. */
export const DECIDER = 'U0DECIDER1';
export const UPDATES = 'C0UPDATES';

/** Monday 30 Nov 2026, 10:00 in Los Angeles (the program's zone). */
export const NOW = '2026-11-30T18:00:00Z';
/** When the fixture was imported: its decisions were opened then (20 days before NOW). */
export const IMPORTED = '2026-11-10T18:00:00Z';

export const Q = {
  okta: 'Which Okta path and claims model does the enterprise rollout use?',
  runtime: 'Which runtime boundary does Kanopy hosting use?',
  telemetry: 'Which telemetry stack do we adopt?',
  design: 'Which design system do we use?',
  old: 'Which wiki do we keep?',
  dropped: 'Do we build our own SSO?',
} as const;

/**
 * The small program with its updates channel and a register: Okta (blocks Identity and SSO, needed in the
 * future), runtime (blocks Kanopy hosting, overdue), telemetry (no workstream, opened 29 days ago), one
 * decided 5 days ago, one decided two months ago, and one withdrawn.
 */
export function decisionProgram(overrides: Partial<ProgramFileInput> = {}): ProgramFileInput {
  return smallProgram({
    updates_channel: UPDATES,
    decisions: [
      { question: Q.okta, workstreams: ['identity-sso'], deciders: [DECIDER], needed_by: '2026-12-11' },
      { question: Q.runtime, workstreams: ['kanopy-hosting'], deciders: [DECIDER], needed_by: '2026-11-20' },
      { question: Q.telemetry, deciders: ['UADMIN01'] },
      {
        question: Q.design,
        workstreams: ['identity-sso'],
        state: 'decided',
        outcome: 'Use the Rollout kit',
        decided_by: [DECIDER],
        decided_at: '2026-11-25',
        link: 'https://test.slack.com/archives/C0CHANNEL1/p1700000000000100',
      },
      {
        question: Q.old,
        state: 'decided',
        outcome: 'Confluence',
        decided_by: [DECIDER],
        decided_at: '2026-09-01',
      },
      { question: Q.dropped, state: 'withdrawn', reason: 'Okta covers it' },
    ],
    ...overrides,
  });
}

/** Seeds the register, with the telemetry decision opened earlier than the rest. */
export function seedDecisions(db: Db, file: ProgramFileInput = decisionProgram()): void {
  importFixture(db, file, new Date(IMPORTED));
  db.prepare("UPDATE decisions SET opened_at = '2026-11-01T18:00:00.000Z' WHERE question = ?").run(
    Q.telemetry,
  );
}

export interface DecisionRow {
  id: number;
  question: string;
  workstreams: string;
  deciders: string;
  needed_by: string | null;
  state: string;
  outcome: string;
  decided_by: string;
  decided_at: string | null;
  link: string | null;
  reason: string;
  version: number;
}

export function decisionRow(db: Db, question: string): DecisionRow {
  const row = db.prepare('SELECT * FROM decisions WHERE question = ?').get(question) as
    | DecisionRow
    | undefined;
  if (!row) throw new Error(`no decision “${question}”`);
  return row;
}

/** The history rows Slack wrote (not the import's), oldest first. */
export function slackHistory(db: Db, entity: string) {
  return db
    .prepare(
      "SELECT entity_key, field, old_value, new_value, actor, note FROM history WHERE entity = ? AND actor != 'import' ORDER BY id",
    )
    .all(entity) as {
    entity_key: string;
    field: string;
    old_value: string | null;
    new_value: string | null;
    actor: string;
    note: string;
  }[];
}
