import type { Deps } from '../deps.js';
import type { FieldChange } from '../domain/edit-fields.js';
import {
  type MilestoneAddInput,
  type MilestoneChangesInput,
  type MilestoneEditField,
  type MilestoneField,
  planMilestoneAdd,
  planMilestoneEdit,
} from '../domain/milestone-edits.js';
import { canAddMilestone, canEditMilestone, canRebaseline } from '../domain/permissions.js';
import type { Milestone, Program } from '../domain/program.js';
import { MilestoneWrites } from '../store/milestone-writes.js';
import { ProgramRepo } from '../store/program-repo.js';
import { TargetMoves } from '../store/target-moves.js';
import {
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

export interface AddMilestoneInput {
  programId: number;
  actor: string;
  milestone: Omit<MilestoneAddInput, 'note'>;
  note?: string | undefined;
}

export interface EditMilestoneInput {
  programId: number;
  actor: string;
  milestoneId: number;
  /** The version the form was opened on. */
  expectedVersion: number;
  changes: MilestoneChangesInput;
}

export type AddMilestoneResult =
  | { kind: 'added'; milestone: Milestone; program: Program }
  | EditRefusal<MilestoneEditField>;

export type EditMilestoneResult =
  | { kind: 'updated'; changes: FieldChange<MilestoneField>[]; milestone: Milestone; program: Program }
  | { kind: 'unchanged'; milestone: Milestone }
  | (Conflict & { milestone: Milestone })
  | EditRefusal<MilestoneEditField>;

/**
 * Milestones edited from Slack, as the list items are (see ProgramEdits): under the write lock, the item,
 * permission, validation, nothing to change, the version it was opened on, then the row, its version and one
 * history entry per changed field in one transaction, the reason as the note. Synchronous: tell Slack after.
 */
export class MilestoneEdits {
  private readonly repo: ProgramRepo;
  private readonly writes: MilestoneWrites;
  private readonly moves: TargetMoves;

  constructor(
    private readonly deps: Deps,
    repo: ProgramRepo = new ProgramRepo(deps.db),
  ) {
    this.repo = repo;
    this.writes = new MilestoneWrites(deps.db);
    this.moves = new TargetMoves(deps.db);
  }

  add(input: AddMilestoneInput): AddMilestoneResult {
    const { result, program } = editProgram(
      this.deps,
      this.repo,
      input.programId,
      (p): AddMilestoneResult => {
        const permission = canAddMilestone(input.actor, p, this.admins);
        if (!permission.allowed) return forbidden(permission);
        const taken = new Set([...workstreamKeys(p), ...p.milestones.map((m) => m.key)]);
        const plan = planMilestoneAdd({ ...input.milestone, note: input.note }, taken);
        if (!plan.ok) return { kind: 'invalid', errors: plan.errors };
        const id = this.writes.add({ ...by(this.deps, p, input.actor, plan.note), values: plan.values });
        const after = reread(this.repo, p);
        return { kind: 'added', milestone: readBack(after.milestones, 'milestone', id), program: after };
      },
    );
    logOutcome(
      this.deps.logger,
      { forbidden: 'milestone_add_forbidden', saved: 'milestone_added' },
      who(input, program),
      result,
    );
    return result;
  }

  edit(input: EditMilestoneInput): EditMilestoneResult {
    const { result, program } = editProgram(
      this.deps,
      this.repo,
      input.programId,
      (p): EditMilestoneResult => {
        const milestone = p.milestones.find((m) => m.id === input.milestoneId);
        if (!milestone) return notFound('milestone');
        const permission = canEditMilestone(input.actor, p, milestone, this.admins);
        if (!permission.allowed) return forbidden(permission);
        const plan = planMilestoneEdit(milestone, input.changes);
        if (!plan.ok) return { kind: 'invalid', errors: plan.errors };
        if (plan.rebaseline) {
          const may = canRebaseline(input.actor, p, this.admins);
          if (!may.allowed) return { kind: 'invalid', errors: { rebaseline: may.reason } };
        }
        if (plan.changes.length === 0) return { kind: 'unchanged', milestone };
        if (milestone.version !== input.expectedVersion) return { ...this.conflict(p, milestone), milestone };

        const written = this.writes.edit({
          ...by(this.deps, p, input.actor, plan.note),
          id: milestone.id,
          key: milestone.key,
          label: plan.next.name,
          expectedVersion: input.expectedVersion,
          next: plan.next,
          changes: plan.changes,
        });
        const after = reread(this.repo, p);
        const now = after.milestones.find((m) => m.id === milestone.id);
        if (!now) return notFound('milestone');
        // Unreachable under the lock, but a refused version guard must never read as success.
        if (!written) return { ...this.conflict(p, milestone), milestone: now };
        return { kind: 'updated', changes: plan.changes, milestone: now, program: after };
      },
    );
    logOutcome(
      this.deps.logger,
      {
        forbidden: 'milestone_edit_forbidden',
        conflict: 'milestone_edit_conflict',
        saved: 'milestone_edited',
      },
      { ...who(input, program), milestone: input.milestoneId },
      result,
    );
    return result;
  }

  /** How many times each milestone's target moved, by key. */
  targetMoves(programId: number): Map<string, number> {
    return this.moves.byKey(programId, 'milestone');
  }

  private get admins(): readonly string[] {
    return this.deps.config.rolloutAdmins;
  }

  /** Milestones keep no updated_by: their history says who changed one last. */
  private conflict(program: Program, milestone: Milestone): Conflict {
    return conflictOf(this.writes.lastChange(program.id, milestone.key));
  }
}
