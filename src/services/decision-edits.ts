import type { Deps } from '../deps.js';
import {
  type DecisionAskInput,
  type DecisionHistoryField,
  type DecisionInputField,
  type DecisionRecordInput,
  planDecisionAdd,
  planDecisionDefer,
  planDecisionEdit,
  planDecisionRecord,
  planDecisionWithdraw,
} from '../domain/decision-edits.js';
import type { FieldChange, FieldErrors } from '../domain/edit-fields.js';
import { canActOnDecision, canAddDecision, canEditWorkstream } from '../domain/permissions.js';
import type { Decision, Program, Workstream } from '../domain/program.js';
import { isPendingDecision } from '../domain/vocabulary.js';
import { planWorkstreamUpdate, type WorkstreamField } from '../domain/workstream-update.js';
import {
  type DecisionRecordWrite,
  type DecisionWriteResult,
  DecisionWrites,
} from '../store/decision-writes.js';
import { ProgramRepo } from '../store/program-repo.js';
import { truncate } from '../ui/limits.js';
import {
  by,
  type Conflict,
  conflictOf,
  type EditRefusal,
  editProgram,
  forbidden,
  logOutcome,
  notFound,
  reread,
  who,
  workstreamKeys,
} from './edit-outcomes.js';

/** The record form's own inputs beside the decision's: which decision, and the workstream it moves on. */
export type RecordField = DecisionInputField | 'decision' | 'moveWorkstream' | 'moveStatus' | 'moveBlocker';

export interface DecisionEditBase {
  programId: number;
  /** Slack user ID of the person submitting. */
  actor: string;
  decisionId: number;
  /** `decision.version` as the form was opened on. */
  expectedVersion: number;
}

export interface AddDecisionInput {
  programId: number;
  actor: string;
  ask: DecisionAskInput;
}

export interface EditDecisionInput extends DecisionEditBase {
  changes: DecisionAskInput;
}

export interface MoveOnInput {
  /** The workstream's key. */
  workstream: string;
  /** Its version as the form was opened on. */
  expectedVersion: number;
  status?: string | undefined;
  blocker?: string | undefined;
}

export interface RecordDecisionInput {
  programId: number;
  actor: string;
  /** A pending decision, or a new one asked and decided at once (recorded from a message). */
  decision: { id: number; expectedVersion: number } | { question: string };
  record: DecisionRecordInput;
  moveOn?: MoveOnInput | undefined;
}

export interface DeferDecisionInput extends DecisionEditBase {
  neededBy: string;
  reason: string;
}

export interface WithdrawDecisionInput extends DecisionEditBase {
  reason: string;
}

/** Someone else's change came first: the decision's, or the workstream's the record would move on. */
export type DecisionConflict = Conflict & { on: 'decision' | 'workstream' };

export type AddDecisionResult = { kind: 'added'; decision: Decision } | EditRefusal<DecisionInputField>;

export type DecisionEditResult<F extends string = DecisionInputField> =
  | { kind: 'updated'; decision: Decision; changes: FieldChange<DecisionHistoryField>[] }
  | { kind: 'unchanged'; decision: Decision }
  | DecisionConflict
  | EditRefusal<F>;

export type RecordDecisionResult =
  | {
      kind: 'updated';
      program: Program;
      decision: Decision;
      changes: FieldChange<DecisionHistoryField>[];
      /** The workstream moved on by the same save, with what changed. */
      moved?: { workstream: Workstream; changes: FieldChange<WorkstreamField>[] } | undefined;
    }
  | DecisionConflict
  | EditRefusal<RecordField>;

const SETTLED = (d: Decision) =>
  `This decision is already ${d.state}; nothing was saved. Run \`/rollout decisions\` to see it.`;

/**
 * The decision register from Slack: add, edit, record (possibly moving a blocked workstream on in the same
 * transaction), defer and withdraw. Each runs under the write lock (`editProgram`) and reads top to bottom:
 * the decision, permission (domain/permissions.ts), validation, the version it was opened on; then one
 * transaction writes the rows and their history. Synchronous: tell Slack after it returns.
 */
export class DecisionEdits {
  private readonly repo: ProgramRepo;
  private readonly writes: DecisionWrites;

  constructor(
    private readonly deps: Deps,
    repo: ProgramRepo = new ProgramRepo(deps.db),
  ) {
    this.repo = repo;
    this.writes = new DecisionWrites(deps.db);
  }

  addDecision(input: AddDecisionInput): AddDecisionResult {
    const { result, program } = editProgram(this.deps, this.repo, input.programId, (p): AddDecisionResult => {
      const permission = canAddDecision(input.actor, p, this.admins);
      if (!permission.allowed) return forbidden(permission);
      const plan = planDecisionAdd(input.ask, workstreamKeys(p));
      if (!plan.ok) return { kind: 'invalid', errors: plan.errors };
      const id = this.writes.add({ ...by(this.deps, p, input.actor, ''), values: plan.next });
      return { kind: 'added', decision: decisionOf(reread(this.repo, p), id) };
    });
    logOutcome(
      this.deps.logger,
      { forbidden: 'decision_add_forbidden', saved: 'decision_added' },
      who(input, program),
      result,
    );
    return result;
  }

  editDecision(input: EditDecisionInput): DecisionEditResult {
    return this.settle(input, 'edit', (p, d) => {
      const plan = planDecisionEdit(d, input.changes, workstreamKeys(p));
      if (!plan.ok) return plan;
      const write = { ...by(this.deps, p, input.actor, ''), id: d.id, label: plan.next.question };
      return {
        ok: true,
        changes: plan.changes,
        write: () => this.writes.edit({ ...write, expectedVersion: input.expectedVersion, ...plan }),
      };
    });
  }

  deferDecision(input: DeferDecisionInput): DecisionEditResult {
    return this.settle(input, 'defer', (p, d) => {
      const plan = planDecisionDefer(d, input);
      if (!plan.ok) return plan;
      const write = { ...by(this.deps, p, input.actor, plan.next.reason), id: d.id, label: d.question };
      return {
        ok: true,
        changes: plan.changes,
        write: () => this.writes.defer({ ...write, expectedVersion: input.expectedVersion, ...plan }),
      };
    });
  }

  withdrawDecision(input: WithdrawDecisionInput): DecisionEditResult {
    return this.settle(input, 'withdraw', (p, d) => {
      const plan = planDecisionWithdraw(d, input);
      if (!plan.ok) return plan;
      const write = { ...by(this.deps, p, input.actor, plan.next.reason), id: d.id, label: d.question };
      return {
        ok: true,
        changes: plan.changes,
        write: () => this.writes.withdraw({ ...write, expectedVersion: input.expectedVersion, ...plan }),
      };
    });
  }

  recordDecision(input: RecordDecisionInput): RecordDecisionResult {
    const { result, program } = editProgram(
      this.deps,
      this.repo,
      input.programId,
      (p): RecordDecisionResult => {
        const chosen = input.decision;
        const existing = 'id' in chosen ? p.decisions.find((d) => d.id === chosen.id) : undefined;
        if ('id' in chosen && !existing) return notFound('decision');
        const permission = existing
          ? canActOnDecision(input.actor, p, existing, this.admins)
          : canAddDecision(input.actor, p, this.admins);
        if (!permission.allowed) return forbidden(permission);
        if (existing && 'id' in chosen && existing.version !== chosen.expectedVersion)
          return this.conflict(p, existing.id);
        if (existing && !isPendingDecision(existing.state))
          return { kind: 'invalid', errors: { outcome: SETTLED(existing) } };

        const errors: FieldErrors<RecordField> = {};
        const ask = existing
          ? undefined
          : planDecisionAdd({ question: 'question' in chosen ? chosen.question : '' }, []);
        if (ask && !ask.ok) errors.question = ask.errors.question;
        const plan = planDecisionRecord(existing ?? blank(), input.record);
        if (!plan.ok) Object.assign(errors, plan.errors);
        const move = this.planMove(p, existing, input.actor, input.moveOn, errors);
        const askFailed = ask !== undefined && !ask.ok;
        if (!plan.ok || askFailed || move === 'refused' || Object.keys(errors).length > 0)
          return { kind: 'invalid', errors };

        const note = `Decision recorded: ${truncate(existing?.question ?? (ask?.ok ? ask.next.question : ''), 900)}`;
        const workstream: DecisionRecordWrite['workstream'] = move && {
          workstream: move.current,
          expectedVersion: move.expectedVersion,
          next: move.next,
          changes: move.changes,
          note,
        };
        const rec = {
          ...by(this.deps, p, input.actor, ''),
          next: plan.next,
          changes: plan.changes,
          workstream,
        };
        let id: number;
        if (existing) {
          const written = this.writes.record({
            ...rec,
            id: existing.id,
            label: existing.question,
            expectedVersion: existing.version,
          });
          if (!written.ok) return this.staleOf(p, written.stale, existing.id, move);
          id = existing.id;
        } else {
          const values = ask?.ok ? { ...ask.next, workstreams: move ? [move.current.key] : [] } : undefined;
          if (!values) return { kind: 'invalid', errors };
          const written = this.writes.addDecided({ ...by(this.deps, p, input.actor, ''), values }, rec);
          if (!written.ok) return this.staleOf(p, written.stale, 0, move);
          id = written.id;
        }
        const after = reread(this.repo, p);
        const decision = decisionOf(after, id);
        const movedNow = move && after.workstreams.find((w) => w.id === move.current.id);
        return {
          kind: 'updated',
          program: after,
          decision,
          changes: plan.changes,
          moved: move && movedNow ? { workstream: movedNow, changes: move.changes } : undefined,
        };
      },
    );
    logOutcome(
      this.deps.logger,
      {
        forbidden: 'decision_record_forbidden',
        conflict: 'decision_record_conflict',
        saved: 'decision_recorded',
      },
      {
        ...who(input, program),
        decision: 'id' in input.decision ? input.decision.id : 'new',
        ...(input.moveOn ? { workstream: input.moveOn.workstream } : {}),
      },
      result,
      result.kind === 'updated' && result.moved ? { moved: result.moved.changes.map((c) => c.field) } : {},
    );
    return result;
  }

  /**
   * The workstream a record moves on: undefined when none is chosen or nothing of it changes (a prefilled
   * part left as it was), 'refused' with errors added when it cannot be moved by this person or this way.
   */
  private planMove(
    p: Program,
    decision: Decision | undefined,
    actor: string,
    moveOn: MoveOnInput | undefined,
    errors: FieldErrors<RecordField>,
  ) {
    if (!moveOn?.workstream) return undefined;
    const current = p.workstreams.find((w) => w.key === moveOn.workstream);
    if (!current) {
      errors.moveWorkstream = 'That workstream no longer exists';
      return 'refused' as const;
    }
    if (decision && !decision.workstreams.includes(current.key)) {
      errors.moveWorkstream = `${current.name} is not waiting on this decision`;
      return 'refused' as const;
    }
    const plan = planWorkstreamUpdate(current, { status: moveOn.status, blocker: moveOn.blocker });
    if (!plan.ok) {
      if (plan.errors.status) errors.moveStatus = plan.errors.status;
      if (plan.errors.blocker) errors.moveBlocker = plan.errors.blocker;
      return 'refused' as const;
    }
    if (plan.changes.length === 0) return undefined;
    const permission = canEditWorkstream(actor, p, current, this.admins);
    if (!permission.allowed) {
      errors.moveWorkstream = `${permission.reason} Leave the workstream empty to record the decision alone.`;
      return 'refused' as const;
    }
    return { current, expectedVersion: moveOn.expectedVersion, next: plan.next, changes: plan.changes };
  }

  /** What a stale guard says: the decision's last change, or the workstream's last update. */
  private staleOf(
    p: Program,
    stale: 'decision' | 'workstream',
    decisionId: number,
    move: { current: Workstream } | undefined,
  ): DecisionConflict {
    if (stale === 'decision') return this.conflict(p, decisionId);
    const now = reread(this.repo, p).workstreams.find((w) => w.id === move?.current.id) ?? move?.current;
    return {
      kind: 'conflict',
      on: 'workstream',
      updatedBy: now?.updatedBy ?? null,
      updatedAt: now?.updatedAt ?? null,
    };
  }

  /** Edit, defer and withdraw: the same steps around a plan that writes one decision. */
  private settle(
    input: DecisionEditBase,
    what: 'edit' | 'defer' | 'withdraw',
    planned: (
      p: Program,
      d: Decision,
    ) =>
      | { ok: false; errors: FieldErrors<DecisionInputField> }
      | {
          ok: true;
          changes: FieldChange<DecisionHistoryField>[];
          write: () => DecisionWriteResult;
        },
  ): DecisionEditResult {
    const { result, program } = editProgram(
      this.deps,
      this.repo,
      input.programId,
      (p): DecisionEditResult => {
        const decision = p.decisions.find((d) => d.id === input.decisionId);
        if (!decision) return notFound('decision');
        const permission = canActOnDecision(input.actor, p, decision, this.admins);
        if (!permission.allowed) return forbidden(permission);
        const plan = planned(p, decision);
        if (!plan.ok) return { kind: 'invalid', errors: plan.errors };
        // Already as asked (a double click, the same deferral twice): nothing conflicts, nothing to write.
        if (plan.changes.length === 0) return { kind: 'unchanged', decision };
        if (decision.version !== input.expectedVersion) return this.conflict(p, decision.id);
        if (!isPendingDecision(decision.state))
          return {
            kind: 'invalid',
            errors: { [what === 'edit' ? 'question' : 'reason']: SETTLED(decision) },
          };
        const written = plan.write();
        // Unreachable under the lock, but a refused version guard must never read as success.
        if (!written.ok) return this.conflict(p, decision.id);
        return {
          kind: 'updated',
          decision: decisionOf(reread(this.repo, p), decision.id),
          changes: plan.changes,
        };
      },
    );
    logOutcome(
      this.deps.logger,
      {
        forbidden: `decision_${what}_forbidden`,
        conflict: `decision_${what}_conflict`,
        saved: `decision_${what === 'edit' ? 'edited' : what === 'defer' ? 'deferred' : 'withdrawn'}`,
      },
      { ...who(input, program), decision: input.decisionId },
      result,
    );
    return result;
  }

  private get admins(): readonly string[] {
    return this.deps.config.rolloutAdmins;
  }

  /** Who changed the decision last, from its history (decisions keep no updated_by). */
  private conflict(program: Program, id: number): DecisionConflict {
    return { ...conflictOf(this.writes.lastChange(program.id, id)), on: 'decision' };
  }
}

/** A decision of the program read back after its write (added, recorded or settled). */
function decisionOf(program: Program, id: number): Decision {
  const found = program.decisions.find((d) => d.id === id);
  if (!found) throw new Error(`decision ${id} cannot be read back`);
  return found;
}

/** What a decision asked and decided at once is recorded against: nothing decided yet. */
function blank(): Decision {
  return {
    id: 0,
    position: 0,
    question: '',
    workstreams: [],
    deciders: [],
    neededBy: null,
    state: 'open',
    outcome: '',
    decidedBy: [],
    decidedAt: null,
    link: null,
    reason: '',
    openedAt: '',
    version: 1,
  };
}
