import { writeTransaction } from '../db/write-lock.js';
import type { Deps } from '../deps.js';
import type { FieldChange } from '../domain/edit-fields.js';
import {
  type ActionAddInput,
  type ActionChangesInput,
  type ActionEditField,
  type ActionField,
  type AddPlan,
  type EditPlan,
  planActionAdd,
  planActionEdit,
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
  canAddAction,
  canAddRisk,
  canEditAction,
  canEditReadiness,
  canEditRisk,
  canMoveListItem,
  type Permission,
} from '../domain/permissions.js';
import type { NextAction, Program, ReadinessDimension, TopRisk } from '../domain/program.js';
import type { RiskState } from '../domain/vocabulary.js';
import { type ItemAdd, type ItemEdit, ListWrites } from '../store/list-writes.js';
import { ProgramRepo } from '../store/program-repo.js';
import type { Conflict, EditRefusal, NotFound } from './edit-outcomes.js';

/** Who edits what, and the version it was opened on: `risk.version`, `dimension.version`, `action.version`. */
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
  dimensionId: number;
  /** `note` is the dimension's own note (its "current signal" text); readiness has no separate log note. */
  changes: ReadinessChangesInput;
}

export interface AddActionInput {
  programId: number;
  actor: string;
  action: Omit<ActionAddInput, 'note'>;
  note?: string | undefined;
}

export interface EditActionInput extends ItemEditBase {
  actionId: number;
  /** Fields left out are not changed; `owner`, `workstream`, `due` take null (or "") to clear. */
  changes: ActionChangesInput;
  note?: string | undefined;
}

export interface SetActionDoneInput extends ItemEditBase {
  actionId: number;
  done: boolean;
  note?: string | undefined;
}

/** An edit of one list item; the item sits under its own name (`risk`, `dimension`, `action`). */
export type ItemEditResult<K extends string, T, F extends string, E extends string = F> =
  | ({ kind: 'updated'; changes: FieldChange<F>[] } & Record<K, T>)
  /** The submission matched what is stored: nothing was written. */
  | ({ kind: 'unchanged' } & Record<K, T>)
  /** The item as it is now, to reopen the edit on current values. */
  | (Conflict & Record<K, T>)
  | EditRefusal<E>;

export type ItemAddResult<K extends string, T, E extends string> =
  | ({ kind: 'added' } & Record<K, T>)
  | EditRefusal<E>;

export type AddRiskResult = ItemAddResult<'risk', TopRisk, RiskEditField>;
export type EditRiskResult = ItemEditResult<'risk', TopRisk, RiskField, RiskEditField>;
export type EditReadinessResult = ItemEditResult<'dimension', ReadinessDimension, ReadinessField>;
export type AddActionResult = ItemAddResult<'action', NextAction, ActionEditField>;
export type EditActionResult = ItemEditResult<'action', NextAction, ActionField, ActionEditField>;

type ListEntity = 'risk' | 'readiness' | 'action';

/** How one kind of list item is found, guarded, validated and written; the flow around it is shared. */
interface EditSpec<
  K extends string,
  T extends { id: number; version: number },
  F extends string,
  V,
  E extends string,
> {
  name: K;
  entity: ListEntity;
  id: number;
  find(program: Program): T | undefined;
  permit(program: Program, item: T): Permission;
  plan(program: Program, item: T): EditPlan<F, V, E>;
  label(next: V, item: T): string;
  write(edit: ItemEdit<F, V>): boolean;
}

interface AddSpec<K extends string, T extends { id: number }, V, E extends string> {
  name: K;
  entity: ListEntity;
  /** As submitted, for the log. */
  workstream: string | null | undefined;
  permit(program: Program): Permission;
  plan(program: Program): AddPlan<V, E>;
  write(add: ItemAdd<V>): number;
  find(program: Program, id: number): T | undefined;
}

/**
 * Edits of the program's lists from Slack: top risks (add, edit, close, reopen), readiness (signal and
 * note) and next actions (add, edit, reassign, due date, done). Every edit follows the workstream rules:
 * permission (domain/permissions.ts), version check against the version the edit was opened on, field-keyed
 * validation, then the row, its version and one history entry per changed field in one transaction; a
 * submission that changes nothing writes nothing. Refused attempts are logged at warn. Synchronous: post
 * to Slack after it returns.
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
    return this.add(input, {
      name: 'risk',
      entity: 'risk',
      workstream: input.risk.workstream,
      permit: (p) => canAddRisk(input.actor, p, this.admins),
      plan: (p) => planRiskAdd({ ...input.risk, note: input.note }, keysOf(p)),
      write: (add) => this.writes.addRisk(add),
      find: (p, id) => p.risks.find((r) => r.id === id),
    });
  }

  editRisk(input: EditRiskInput): EditRiskResult {
    return this.edit(input, {
      name: 'risk',
      entity: 'risk',
      id: input.riskId,
      find: (p) => p.risks.find((r) => r.id === input.riskId),
      permit: (p, risk) =>
        both(
          canEditRisk(input.actor, p, risk, this.admins),
          canMoveListItem(input.actor, p, risk, input.changes.workstream, this.admins, 'risks'),
        ),
      plan: (p, risk) => planRiskEdit(risk, { ...input.changes, note: input.note }, keysOf(p)),
      label: (next) => next.text,
      write: (edit) => this.writes.editRisk(edit),
    });
  }

  /** Closes or reopens a risk; closed_at follows. */
  setRiskStatus(input: SetRiskStatusInput): EditRiskResult {
    const { status, ...rest } = input;
    return this.editRisk({ ...rest, changes: { status } });
  }

  editReadiness(input: EditReadinessInput): EditReadinessResult {
    return this.edit(input, {
      name: 'dimension',
      entity: 'readiness',
      id: input.dimensionId,
      find: (p) => p.readiness.find((r) => r.id === input.dimensionId),
      permit: (p) => canEditReadiness(input.actor, p, this.admins),
      plan: (_p, dimension) => planReadinessEdit(dimension, input.changes),
      label: (_next, dimension) => dimension.name,
      write: (edit) => this.writes.editReadiness(edit),
    });
  }

  addAction(input: AddActionInput): AddActionResult {
    return this.add(input, {
      name: 'action',
      entity: 'action',
      workstream: input.action.workstream,
      permit: (p) => canAddAction(input.actor, p, this.admins),
      plan: (p) => planActionAdd({ ...input.action, note: input.note }, keysOf(p)),
      write: (add) => this.writes.addAction(add),
      find: (p, id) => p.actions.find((a) => a.id === id),
    });
  }

  /** Also how an action is reassigned (`owner`) or given a due date (`due`). */
  editAction(input: EditActionInput): EditActionResult {
    return this.edit(input, {
      name: 'action',
      entity: 'action',
      id: input.actionId,
      find: (p) => p.actions.find((a) => a.id === input.actionId),
      permit: (p, action) =>
        both(
          canEditAction(input.actor, p, action, this.admins),
          canMoveListItem(input.actor, p, action, input.changes.workstream, this.admins, 'next actions'),
        ),
      plan: (p, action) => planActionEdit(action, { ...input.changes, note: input.note }, keysOf(p)),
      label: (next) => next.text,
      write: (edit) => this.writes.editAction(edit),
    });
  }

  setActionDone(input: SetActionDoneInput): EditActionResult {
    const { done, ...rest } = input;
    return this.editAction({ ...rest, changes: { done } });
  }

  private get admins(): readonly string[] {
    return this.deps.config.rolloutAdmins;
  }

  private edit<
    K extends string,
    T extends { id: number; version: number },
    F extends string,
    V,
    E extends string,
  >(input: ItemEditBase, spec: EditSpec<K, T, F, V, E>): ItemEditResult<K, T, F, E> {
    const { db, clock } = this.deps;
    let program: Program | undefined;
    let item: T | undefined;
    // Under the write lock from the start: the version read and the write are one, even with the CLI writing
    // too. A lock held elsewhere past the short wait throws SQLITE_BUSY, nothing written; the listener says busy.
    const result = writeTransaction(db, (): ItemEditResult<K, T, F, E> => {
      program = this.repo.getById(input.programId);
      if (!program) return notFound('program');
      item = spec.find(program);
      if (!item) return notFound(spec.entity);

      const permission = spec.permit(program, item);
      if (!permission.allowed) return { kind: 'forbidden', reason: permission.reason };
      const plan = spec.plan(program, item);
      if (!plan.ok) return { kind: 'invalid', errors: plan.errors };
      // Already as asked (a double click, two forms saying the same): nothing conflicts, nothing to write.
      if (plan.changes.length === 0) return { kind: 'unchanged', ...named(spec.name, item) };
      if (item.version !== input.expectedVersion) return this.conflict(program.id, spec, item);

      const written = spec.write({
        programId: program.id,
        id: item.id,
        label: spec.label(plan.next, item),
        expectedVersion: input.expectedVersion,
        next: plan.next,
        changes: plan.changes,
        actor: input.actor,
        at: clock.now().toISOString(),
        note: plan.note,
      });
      const after = this.repo.getById(program.id);
      const now = after && spec.find(after);
      if (!now) return notFound(spec.entity);
      // Unreachable under the IMMEDIATE lock, but a refused guard must never read as success.
      if (!written) return this.conflict(program.id, spec, now);
      return { kind: 'updated', changes: plan.changes, ...named(spec.name, now) };
    });
    this.log(
      `${spec.entity}_edit`,
      {
        user: input.actor,
        program: program?.slug ?? input.programId,
        [spec.entity]: spec.id,
        ...(item && 'workstream' in item ? { workstream: item.workstream } : {}),
      },
      result,
    );
    return result;
  }

  private add<K extends string, T extends { id: number }, V, E extends string>(
    input: { programId: number; actor: string },
    spec: AddSpec<K, T, V, E>,
  ): ItemAddResult<K, T, E> {
    const { db, clock } = this.deps;
    let program: Program | undefined;
    const result = writeTransaction(db, (): ItemAddResult<K, T, E> => {
      program = this.repo.getById(input.programId);
      if (!program) return notFound('program');
      const permission = spec.permit(program);
      if (!permission.allowed) return { kind: 'forbidden', reason: permission.reason };
      const plan = spec.plan(program);
      if (!plan.ok) return { kind: 'invalid', errors: plan.errors };
      const id = spec.write({
        programId: program.id,
        values: plan.values,
        actor: input.actor,
        at: clock.now().toISOString(),
        note: plan.note,
      });
      const after = this.repo.getById(program.id);
      const item = after && spec.find(after, id);
      if (!item) throw new Error(`the new ${spec.entity} ${id} cannot be read back`);
      return { kind: 'added', ...named(spec.name, item) };
    });
    this.log(
      `${spec.entity}_add`,
      { user: input.actor, program: program?.slug ?? input.programId, workstream: spec.workstream ?? null },
      result,
    );
    return result;
  }

  private conflict<K extends string, T extends { id: number }>(
    programId: number,
    spec: { name: K; entity: ListEntity },
    item: T,
  ): Conflict & Record<K, T> {
    const last = this.writes.lastChange(programId, spec.entity, item.id);
    return {
      kind: 'conflict',
      updatedBy: last?.actor ?? null,
      updatedAt: last?.at ?? null,
      ...named(spec.name, item),
    };
  }

  /**
   * Refused attempts at warn (`risk_edit_forbidden`…: someone tried and may need access, or is probing);
   * conflicts and writes at info (`risk_edit_conflict`, `risk_edited`, `action_added`…).
   */
  private log(
    op: `${ListEntity}_${'add' | 'edit'}`,
    context: Record<string, unknown>,
    result: { kind: string; reason?: string; updatedBy?: string | null; changes?: FieldChange[] },
  ): void {
    const { logger } = this.deps;
    if (result.kind === 'forbidden') {
      logger.warn({ event: `${op}_forbidden`, ...context, reason: result.reason });
    } else if (result.kind === 'conflict') {
      logger.info({ event: `${op}_conflict`, ...context, updatedBy: result.updatedBy });
    } else if (result.kind === 'updated' || result.kind === 'added') {
      const fields = result.changes?.map((c) => c.field);
      logger.info({ event: `${op}ed`, ...context, ...(fields ? { fields } : {}) });
    }
  }
}

function keysOf(program: Program): string[] {
  return program.workstreams.map((w) => w.key);
}

function notFound(what: NotFound): { kind: 'not-found'; what: NotFound } {
  return { kind: 'not-found', what };
}

/** `{ risk: item }` with the key's literal type kept, so each result names its item. */
function named<K extends string, T>(name: K, item: T): Record<K, T> {
  return { [name]: item } as Record<K, T>;
}

/** The first refusal, or the first permission (its role says why the edit itself was allowed). */
function both(edit: Permission, move: Permission): Permission {
  return edit.allowed ? (move.allowed ? edit : move) : edit;
}
