import type { Deps } from '../deps.js';
import { askOf, type DecisionAsk, planDecisionAdd } from '../domain/decision-edits.js';
import { type FieldErrors, historyValue } from '../domain/edit-fields.js';
import { canEditWorkstream, canRebaseline } from '../domain/permissions.js';
import type { Decision, Program, Workstream } from '../domain/program.js';
import { isPendingDecision } from '../domain/vocabulary.js';
import {
  planWorkstreamUpdate,
  type WorkstreamChange,
  type WorkstreamChangesInput,
  type WorkstreamUpdateField,
} from '../domain/workstream-update.js';
import { DecisionWrites } from '../store/decision-writes.js';
import { ProgramRepo } from '../store/program-repo.js';
import { TargetMoves } from '../store/target-moves.js';
import { WorkstreamWrites } from '../store/workstream-writes.js';
import {
  by,
  type Conflict,
  type EditRefusal,
  editProgram,
  forbidden,
  logOutcome,
  notFound,
  who,
} from './edit-outcomes.js';

export interface UpdateWorkstreamInput {
  programId: number;
  /** The workstream's key. */
  key: string;
  /** Slack user ID of the person submitting. */
  actor: string;
  /** `workstream.version` as it was when the edit was opened (carry it in the modal's private_metadata). */
  expectedVersion: number;
  /**
   * Raw submitted values; fields left out are not changed. Status accepts a key or a label; a moved target
   * needs a reason, and a re-baseline an admin.
   */
  changes: WorkstreamChangesInput;
  /** Why, for the history; optional. */
  note?: string | undefined;
  /** What a workstream set to Needs decision waits on (the form's "If it needs a decision" part). */
  decision?: DecisionPromptInput | undefined;
}

/** An open decision of the program (with the version the form showed), or a new one. */
export interface DecisionPromptInput {
  link?: { id: number; version: number } | undefined;
  question?: string | undefined;
  deciders?: readonly string[] | undefined;
  neededBy?: string | undefined;
}

/** The decision part's inputs, as the keys of its inline errors. */
export type DecisionPromptField =
  | 'decisionLink'
  | 'decisionQuestion'
  | 'decisionDeciders'
  | 'decisionNeededBy';

export const NEEDS_DECISION_ASKS =
  'Needs decision: say what it waits on. Pick an open decision or ask a new one below.';

export type UpdateWorkstreamResult =
  | {
      kind: 'updated';
      workstream: Workstream;
      changes: WorkstreamChange[];
      /** The program as the save left it (its dates, to check for new conflicts). */
      program: Program;
      /** The decision it now waits on, opened (`opened`) or linked by this save. */
      decision?: { decision: Decision; opened: boolean } | undefined;
    }
  /** The submission matched what is stored: nothing was written. */
  | { kind: 'unchanged'; workstream: Workstream }
  /** `workstream` is as it is now, to reopen the edit on current values; a workstream always has updatedAt. */
  | (Conflict & { updatedAt: string; workstream: Workstream })
  | EditRefusal<WorkstreamUpdateField | DecisionPromptField>;

/**
 * An owner's edit of a workstream (status, risk, current state, main blocker, snapshot, target date), under
 * the write lock (`editProgram`). Checks, in order: the workstream exists, the actor may change it (see
 * domain/permissions.ts), every field is valid (a moved target has its reason; a re-baseline is an admin's),
 * nobody changed it since the edit was opened; then writes the values, the version, status_since (when the
 * status changes) and one history entry per changed field in one transaction. Synchronous: post to Slack
 * after it returns, never inside.
 */
export class WorkstreamUpdates {
  private readonly repo: ProgramRepo;
  private readonly writes: WorkstreamWrites;
  private readonly decisions: DecisionWrites;
  private readonly moves: TargetMoves;

  /** `repo`: the app's shared one, so that a program is read and kept once per change, not once per service. */
  constructor(
    private readonly deps: Deps,
    repo: ProgramRepo = new ProgramRepo(deps.db),
  ) {
    this.repo = repo;
    this.writes = new WorkstreamWrites(deps.db);
    this.decisions = new DecisionWrites(deps.db);
    this.moves = new TargetMoves(deps.db);
  }

  /** How many times the workstream's target moved (first target aside). */
  targetMoves(programId: number, key: string): number {
    return this.moves.byKey(programId, 'workstream').get(key) ?? 0;
  }

  /**
   * What a workstream at Needs decision waits on, when no pending decision holds it up yet: the open decision
   * picked, or a new one. Setting the status to Needs decision requires one; a workstream already there may
   * be given one.
   */
  private decisionAsked(
    p: Program,
    current: Workstream,
    status: string,
    prompt: DecisionPromptInput | undefined,
  ): Asked {
    if (status !== 'needs-decision') return { kind: 'none' };
    if (p.decisions.some((d) => isPendingDecision(d.state) && d.workstreams.includes(current.key)))
      return { kind: 'none' };
    const question = prompt?.question?.trim() ?? '';
    if (prompt?.link) {
      const { id, version } = prompt.link;
      const decision = p.decisions.find((d) => d.id === id && isPendingDecision(d.state));
      if (!decision || decision.version !== version)
        return {
          kind: 'invalid',
          errors: {
            decisionLink: 'That decision changed or was settled since the form was opened: pick again.',
          },
        };
      return { kind: 'link', decision };
    }
    if (question) {
      const plan = planDecisionAdd(
        { question, deciders: prompt?.deciders, neededBy: prompt?.neededBy, workstreams: [current.key] },
        [current.key],
      );
      if (!plan.ok) {
        const e = plan.errors;
        const errors: FieldErrors<DecisionPromptField> = {};
        if (e.question) errors.decisionQuestion = e.question;
        if (e.deciders) errors.decisionDeciders = e.deciders;
        if (e.neededBy) errors.decisionNeededBy = e.neededBy;
        return { kind: 'invalid', errors };
      }
      return { kind: 'open', values: plan.next };
    }
    if (current.status === 'needs-decision') return { kind: 'none' };
    return { kind: 'invalid', errors: { status: NEEDS_DECISION_ASKS } };
  }

  /** Opens the decision, or adds the workstream to the one linked; its history says it came with the update. */
  private writeDecision(
    p: Program,
    w: Workstream,
    asked: Asked,
    actor: string,
    note: string,
  ): number | undefined {
    if (asked.kind === 'open')
      return this.decisions.add({ ...by(this.deps, p, actor, note), values: asked.values });
    if (asked.kind !== 'link') return undefined;
    const d = asked.decision;
    const workstreams = [...d.workstreams, w.key];
    const linked = this.decisions.edit({
      ...by(this.deps, p, actor, note),
      id: d.id,
      label: d.question,
      expectedVersion: d.version,
      next: { ...askOf(d), workstreams },
      changes: [
        {
          field: 'workstreams',
          oldValue: historyValue(d.workstreams),
          newValue: historyValue(workstreams),
        },
      ],
    });
    // Checked above under the same lock; a miss here must undo the workstream's write too.
    if (!linked.ok) throw new Error(`decision ${d.id} changed during the update`);
    return d.id;
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
        if (plan.rebaseline) {
          const may = canRebaseline(input.actor, p, this.deps.config.rolloutAdmins);
          if (!may.allowed) return { kind: 'invalid', errors: { rebaseline: may.reason } };
        }
        const asked = this.decisionAsked(p, current, plan.next.status, input.decision);
        if (asked.kind === 'invalid') return asked;
        if (current.version !== input.expectedVersion) {
          // Nothing to change against what is stored now (the same form sent twice): no conflict to report.
          return plan.changes.length === 0 ? { kind: 'unchanged', workstream: current } : conflict(current);
        }

        // With no change at all, the owner confirms it as it stands (a reminder's answer): written too.
        const written = this.writes.apply({
          ...by(this.deps, p, input.actor, plan.note),
          workstream: current,
          expectedVersion: input.expectedVersion,
          next: plan.next,
          changes: plan.changes,
        });
        // The same transaction (editProgram's): the decision is written with the workstream or not at all.
        const decisionId = written
          ? this.writeDecision(p, current, asked, input.actor, plan.note)
          : undefined;
        const reread = this.repo.getById(p.id);
        const after = reread?.workstreams.find((w) => w.id === current.id);
        if (!reread || !after) return notFound('workstream');
        // Unreachable under the lock, but a refused version guard must never read as success.
        if (!written) return conflict(after);
        const decision = reread.decisions.find((d) => d.id === decisionId);
        return {
          kind: 'updated',
          workstream: after,
          changes: plan.changes,
          program: reread,
          decision: decision && { decision, opened: asked.kind === 'open' },
        };
      },
    );
    logOutcome(
      this.deps.logger,
      {
        forbidden: 'workstream_update_forbidden',
        conflict: 'workstream_update_conflict',
        saved: 'workstream_updated',
      },
      { ...who(input, program), workstream: input.key },
      result,
      'workstream' in result
        ? { expectedVersion: input.expectedVersion, version: result.workstream.version }
        : {},
    );
    return result;
  }
}

type Asked =
  | { kind: 'none' }
  | { kind: 'invalid'; errors: FieldErrors<DecisionPromptField | WorkstreamUpdateField> }
  | { kind: 'link'; decision: Decision }
  | { kind: 'open'; values: DecisionAsk };

function conflict(now: Workstream): UpdateWorkstreamResult {
  return { kind: 'conflict', updatedBy: now.updatedBy, updatedAt: now.updatedAt, workstream: now };
}
