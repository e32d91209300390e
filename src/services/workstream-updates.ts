import type { Deps } from '../deps.js';
import type { FieldChange } from '../domain/edit-fields.js';
import { canEditWorkstream } from '../domain/permissions.js';
import type { Workstream } from '../domain/program.js';
import {
  planWorkstreamUpdate,
  type WorkstreamChangesInput,
  type WorkstreamField,
  type WorkstreamUpdateField,
} from '../domain/workstream-update.js';
import { ProgramRepo } from '../store/program-repo.js';
import { WorkstreamWrites } from '../store/workstream-writes.js';
import {
  type Conflict,
  type EditRefusal,
  editProgram,
  forbidden,
  logOutcome,
  notFound,
} from './edit-outcomes.js';

export interface UpdateWorkstreamInput {
  programId: number;
  /** The workstream's key. */
  key: string;
  /** Slack user ID of the person submitting. */
  actor: string;
  /** `workstream.version` as it was when the edit was opened (carry it in the modal's private_metadata). */
  expectedVersion: number;
  /** Raw submitted values; fields left out are not changed. Status accepts a key or a label. */
  changes: WorkstreamChangesInput;
  /** Why, for the history; optional. */
  note?: string | undefined;
}

export type UpdateWorkstreamResult =
  | { kind: 'updated'; workstream: Workstream; changes: FieldChange<WorkstreamField>[] }
  /** The submission matched what is stored: nothing was written. */
  | { kind: 'unchanged'; workstream: Workstream }
  /** `workstream` is as it is now, to reopen the edit on current values; a workstream always has updatedAt. */
  | (Conflict & { updatedAt: string; workstream: Workstream })
  | EditRefusal<WorkstreamUpdateField>;

/**
 * An owner's edit of a workstream (status, risk, current state, main blocker, snapshot), under the write lock
 * (`editProgram`). Checks, in order: the workstream exists, the actor may change it (see
 * domain/permissions.ts), every field is valid, nobody changed it since the edit was opened; then writes the values, the version, status_since (when the
 * status changes) and one history entry per changed field in one transaction. Synchronous: post to Slack
 * after it returns, never inside.
 */
export class WorkstreamUpdates {
  private readonly repo: ProgramRepo;
  private readonly writes: WorkstreamWrites;

  /** `repo`: the app's shared one, so that a program is read and kept once per change, not once per service. */
  constructor(
    private readonly deps: Deps,
    repo: ProgramRepo = new ProgramRepo(deps.db),
  ) {
    this.repo = repo;
    this.writes = new WorkstreamWrites(deps.db);
  }

  updateWorkstream(input: UpdateWorkstreamInput): UpdateWorkstreamResult {
    const { result, program } = editProgram(
      this.deps,
      this.repo,
      input.programId,
      (p): UpdateWorkstreamResult => {
        const current = p.workstreams.find((w) => w.key === input.key);
        if (!current) return notFound('workstream');
        const permission = canEditWorkstream(input.actor, p, current, this.deps.config.rolloutAdmins);
        if (!permission.allowed) return forbidden(permission);
        const plan = planWorkstreamUpdate(current, { ...input.changes, note: input.note });
        if (!plan.ok) return { kind: 'invalid', errors: plan.errors };
        if (current.version !== input.expectedVersion) {
          // Nothing to change against what is stored now (the same form sent twice): no conflict to report.
          return plan.changes.length === 0 ? { kind: 'unchanged', workstream: current } : conflict(current);
        }

        // With no change at all, the owner confirms it as it stands (a reminder's answer): written too.
        const written = this.writes.apply({
          programId: p.id,
          workstream: current,
          expectedVersion: input.expectedVersion,
          next: plan.next,
          changes: plan.changes,
          actor: input.actor,
          at: this.deps.clock.now().toISOString(),
          note: plan.note,
        });
        const after = this.repo.getById(p.id)?.workstreams.find((w) => w.id === current.id);
        if (!after) return notFound('workstream');
        // Unreachable under the lock, but a refused version guard must never read as success.
        if (!written) return conflict(after);
        return { kind: 'updated', workstream: after, changes: plan.changes };
      },
    );
    logOutcome(
      this.deps.logger,
      {
        forbidden: 'workstream_update_forbidden',
        conflict: 'workstream_update_conflict',
        saved: 'workstream_updated',
      },
      { user: input.actor, program: program?.slug ?? input.programId, workstream: input.key },
      result,
      'workstream' in result
        ? { expectedVersion: input.expectedVersion, version: result.workstream.version }
        : {},
    );
    return result;
  }
}

function conflict(now: Workstream): UpdateWorkstreamResult {
  return { kind: 'conflict', updatedBy: now.updatedBy, updatedAt: now.updatedAt, workstream: now };
}
