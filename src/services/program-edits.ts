import type { Deps } from '../deps.js';
import type { FieldChange } from '../domain/edit-fields.js';
import {
  type NextActionAddInput,
  type NextActionChangesInput,
  type NextActionEditField,
  type NextActionField,
  planNextActionAdd,
  planNextActionEdit,
  planReadinessEdit,
  planRiskAdd,
  planRiskEdit,
  type ReadinessChangesInput,
  type ReadinessField,
  type RiskAddInput,
  type RiskChangesInput,
  type RiskEditField,
  type RiskField,
} from '../domain/list-edits.js';
import {
  canAddNextAction,
  canAddRisk,
  canEditNextAction,
  canEditReadiness,
  canEditRisk,
  canMoveListItem,
} from '../domain/permissions.js';
import type { NextAction, Program, Readiness, TopRisk } from '../domain/program.js';
import type { RiskState } from '../domain/vocabulary.js';
import { type ListEntity, ListWrites } from '../store/list-writes.js';
import { ProgramRepo } from '../store/program-repo.js';
import {
  both,
  by,
  type Conflict,
  conflictOf,
  type EditRefusal,
  editProgram,
  forbidden,
  logOutcome,
  notFound,
  readBack,
  reread,
  who,
  workstreamKeys,
} from './edit-outcomes.js';

/** Who edits what, and the version it was opened on: `risk.version`, `readiness.version`, `action.version`. */
interface ItemEditBase {
  programId: number;
  /** Slack user ID of the person submitting. */
  actor: string;
  expectedVersion: number;
}

export interface AddRiskInput {
  programId: number;
  actor: string;
  risk: Omit<RiskAddInput, 'note'>;
  note?: string | undefined;
}

export interface EditRiskInput extends ItemEditBase {
  riskId: number;
  /** Fields left out are not changed; `workstream: null` (or "") unties the risk. */
  changes: RiskChangesInput;
  note?: string | undefined;
}

export interface SetRiskStatusInput extends ItemEditBase {
  riskId: number;
  status: RiskState;
  note?: string | undefined;
}

export interface EditReadinessInput extends ItemEditBase {
  readinessId: number;
  /** `note` is the readiness item's own note (its "current signal" text); readiness has no separate log note. */
  changes: ReadinessChangesInput;
}

export interface AddNextActionInput {
  programId: number;
  actor: string;
  action: Omit<NextActionAddInput, 'note'>;
  note?: string | undefined;
}

export interface EditNextActionInput extends ItemEditBase {
  actionId: number;
  /** Fields left out are not changed; `owner`, `workstream`, `due` take null (or "") to clear. */
  changes: NextActionChangesInput;
  note?: string | undefined;
}

export interface SetNextActionDoneInput extends ItemEditBase {
  actionId: number;
  done: boolean;
  note?: string | undefined;
}

/**
 * An edit of one list item, the item under its own name. `unchanged`: the submission matched what is stored,
 * nothing was written. `conflict`: the item as it is now, to reopen the edit on current values.
 */
type EditResult<F extends string, E extends string, Item> =
  | ({ kind: 'updated'; changes: FieldChange<F>[] } & Item)
  | ({ kind: 'unchanged' } & Item)
  | (Conflict & Item)
  | EditRefusal<E>;

export type AddRiskResult = ({ kind: 'added' } & { risk: TopRisk }) | EditRefusal<RiskEditField>;
export type EditRiskResult = EditResult<RiskField, RiskEditField, { risk: TopRisk }>;
export type EditReadinessResult = EditResult<ReadinessField, ReadinessField, { readiness: Readiness }>;
export type AddNextActionResult =
  | ({ kind: 'added' } & { action: NextAction })
  | EditRefusal<NextActionEditField>;
export type EditNextActionResult = EditResult<NextActionField, NextActionEditField, { action: NextAction }>;

/**
 * Edits of the program's lists from Slack: top risks (add, edit, close, reopen), readiness (signal and
 * note) and next actions (add, edit, reassign, due date, done). Each edit runs under the write lock
 * (`editProgram`) and reads top to bottom: the item, permission (domain/permissions.ts), field-keyed
 * validation, nothing to change, the version it was opened on, then the store writes the row, its version
 * and one history entry per changed field in one transaction. Refused attempts are logged at warn, conflicts
 * and writes at info. Synchronous: post to Slack after it returns.
 */
export class ProgramEdits {
  private readonly repo: ProgramRepo;
  private readonly writes: ListWrites;

  /** `repo`: the app's shared one, so that a program is read and kept once per change, not once per service. */
  constructor(
    private readonly deps: Deps,
    repo: ProgramRepo = new ProgramRepo(deps.db),
  ) {
    this.repo = repo;
    this.writes = new ListWrites(deps.db);
  }

  addRisk(input: AddRiskInput): AddRiskResult {
    const { result, program } = editProgram(this.deps, this.repo, input.programId, (p): AddRiskResult => {
      const permission = canAddRisk(input.actor, p, this.admins);
      if (!permission.allowed) return forbidden(permission);
      const plan = planRiskAdd({ ...input.risk, note: input.note }, workstreamKeys(p));
      if (!plan.ok) return { kind: 'invalid', errors: plan.errors };
      const id = this.writes.addRisk({ ...by(this.deps, p, input.actor, plan.note), values: plan.values });
      return { kind: 'added', risk: readBack(reread(this.repo, p).risks, 'risk', id) };
    });
    logOutcome(
      this.deps.logger,
      { forbidden: 'risk_add_forbidden', saved: 'risk_added' },
      { ...who(input, program), workstream: input.risk.workstream ?? null },
      result,
    );
    return result;
  }

  editRisk(input: EditRiskInput): EditRiskResult {
    const { result, program } = editProgram(this.deps, this.repo, input.programId, (p): EditRiskResult => {
      const risk = p.risks.find((r) => r.id === input.riskId);
      if (!risk) return notFound('risk');
      const permission = both(
        canEditRisk(input.actor, p, risk, this.admins),
        canMoveListItem(input.actor, p, risk, input.changes.workstream, this.admins, 'risks'),
      );
      if (!permission.allowed) return forbidden(permission);
      const plan = planRiskEdit(risk, { ...input.changes, note: input.note }, workstreamKeys(p));
      if (!plan.ok) return { kind: 'invalid', errors: plan.errors };
      // Already as asked (a double click, two forms saying the same): nothing conflicts, nothing to write.
      if (plan.changes.length === 0) return { kind: 'unchanged', risk };
      if (risk.version !== input.expectedVersion) return { ...this.conflict(p, 'risk', risk.id), risk };

      const written = this.writes.editRisk({
        ...by(this.deps, p, input.actor, plan.note),
        id: risk.id,
        label: plan.next.text,
        expectedVersion: input.expectedVersion,
        next: plan.next,
        changes: plan.changes,
      });
      const now = reread(this.repo, p).risks.find((r) => r.id === risk.id);
      if (!now) return notFound('risk');
      // Unreachable under the lock, but a refused version guard must never read as success.
      if (!written) return { ...this.conflict(p, 'risk', risk.id), risk: now };
      return { kind: 'updated', changes: plan.changes, risk: now };
    });
    logOutcome(
      this.deps.logger,
      { forbidden: 'risk_edit_forbidden', conflict: 'risk_edit_conflict', saved: 'risk_edited' },
      { ...who(input, program), risk: input.riskId, ...workstreamOf(program?.risks, input.riskId) },
      result,
    );
    return result;
  }

  /** Closes or reopens a risk; closed_at follows. */
  setRiskStatus(input: SetRiskStatusInput): EditRiskResult {
    const { status, ...rest } = input;
    return this.editRisk({ ...rest, changes: { status } });
  }

  editReadiness(input: EditReadinessInput): EditReadinessResult {
    const { result, program } = editProgram(
      this.deps,
      this.repo,
      input.programId,
      (p): EditReadinessResult => {
        const readiness = p.readiness.find((r) => r.id === input.readinessId);
        if (!readiness) return notFound('readiness');
        const permission = canEditReadiness(input.actor, p, this.admins);
        if (!permission.allowed) return forbidden(permission);
        const plan = planReadinessEdit(readiness, input.changes);
        if (!plan.ok) return { kind: 'invalid', errors: plan.errors };
        if (plan.changes.length === 0) return { kind: 'unchanged', readiness };
        if (readiness.version !== input.expectedVersion)
          return { ...this.conflict(p, 'readiness', readiness.id), readiness };

        const written = this.writes.editReadiness({
          ...by(this.deps, p, input.actor, plan.note),
          id: readiness.id,
          label: readiness.name,
          expectedVersion: input.expectedVersion,
          next: plan.next,
          changes: plan.changes,
        });
        const now = reread(this.repo, p).readiness.find((r) => r.id === readiness.id);
        if (!now) return notFound('readiness');
        if (!written) return { ...this.conflict(p, 'readiness', readiness.id), readiness: now };
        return { kind: 'updated', changes: plan.changes, readiness: now };
      },
    );
    logOutcome(
      this.deps.logger,
      {
        forbidden: 'readiness_edit_forbidden',
        conflict: 'readiness_edit_conflict',
        saved: 'readiness_edited',
      },
      { ...who(input, program), readiness: input.readinessId },
      result,
    );
    return result;
  }

  addNextAction(input: AddNextActionInput): AddNextActionResult {
    const { result, program } = editProgram(
      this.deps,
      this.repo,
      input.programId,
      (p): AddNextActionResult => {
        const permission = canAddNextAction(input.actor, p, this.admins);
        if (!permission.allowed) return forbidden(permission);
        const plan = planNextActionAdd({ ...input.action, note: input.note }, workstreamKeys(p));
        if (!plan.ok) return { kind: 'invalid', errors: plan.errors };
        const id = this.writes.addNextAction({
          ...by(this.deps, p, input.actor, plan.note),
          values: plan.values,
        });
        return { kind: 'added', action: readBack(reread(this.repo, p).actions, 'action', id) };
      },
    );
    logOutcome(
      this.deps.logger,
      { forbidden: 'action_add_forbidden', saved: 'action_added' },
      { ...who(input, program), workstream: input.action.workstream ?? null },
      result,
    );
    return result;
  }

  /** Also how a next action is reassigned (`owner`), given a due date (`due`) or marked done. */
  editNextAction(input: EditNextActionInput): EditNextActionResult {
    const { result, program } = editProgram(
      this.deps,
      this.repo,
      input.programId,
      (p): EditNextActionResult => {
        const action = p.actions.find((a) => a.id === input.actionId);
        if (!action) return notFound('action');
        const permission = both(
          canEditNextAction(input.actor, p, action, this.admins),
          canMoveListItem(input.actor, p, action, input.changes.workstream, this.admins, 'next actions'),
        );
        if (!permission.allowed) return forbidden(permission);
        const plan = planNextActionEdit(action, { ...input.changes, note: input.note }, workstreamKeys(p));
        if (!plan.ok) return { kind: 'invalid', errors: plan.errors };
        if (plan.changes.length === 0) return { kind: 'unchanged', action };
        if (action.version !== input.expectedVersion)
          return { ...this.conflict(p, 'action', action.id), action };

        const written = this.writes.editNextAction({
          ...by(this.deps, p, input.actor, plan.note),
          id: action.id,
          label: plan.next.text,
          expectedVersion: input.expectedVersion,
          next: plan.next,
          changes: plan.changes,
        });
        const now = reread(this.repo, p).actions.find((a) => a.id === action.id);
        if (!now) return notFound('action');
        if (!written) return { ...this.conflict(p, 'action', action.id), action: now };
        return { kind: 'updated', changes: plan.changes, action: now };
      },
    );
    logOutcome(
      this.deps.logger,
      { forbidden: 'action_edit_forbidden', conflict: 'action_edit_conflict', saved: 'action_edited' },
      {
        ...who(input, program),
        action: input.actionId,
        ...workstreamOf(program?.actions, input.actionId),
      },
      result,
    );
    return result;
  }

  setNextActionDone(input: SetNextActionDoneInput): EditNextActionResult {
    const { done, ...rest } = input;
    return this.editNextAction({ ...rest, changes: { done } });
  }

  private get admins(): readonly string[] {
    return this.deps.config.rolloutAdmins;
  }

  /** Who changed the item last (risks, readiness and next actions keep no updated_by: their history says). */
  private conflict(program: Program, entity: ListEntity, id: number): Conflict {
    return conflictOf(this.writes.lastChange(program.id, entity, id));
  }
}

/** The item's workstream, as it was before the edit, for the log. */
function workstreamOf(
  items: readonly { id: number; workstream: string | null }[] | undefined,
  id: number,
): { workstream?: string | null } {
  const item = items?.find((i) => i.id === id);
  return item ? { workstream: item.workstream } : {};
}
