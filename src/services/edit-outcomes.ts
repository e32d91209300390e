import type { Logger } from '@slack/logger';
import { writeTransaction } from '../db/write-lock.js';
import type { Deps } from '../deps.js';
import type { FieldErrors } from '../domain/edit-fields.js';
import type { Permission } from '../domain/permissions.js';
import type { Program } from '../domain/program.js';
import type { Attribution, LastChange } from '../store/list-writes.js';
import type { ProgramRepo } from '../store/program-repo.js';

/**
 * The ways an edit from Slack can be turned down, shared by every edit service. Each says what a listener
 * needs to tell the person; none of them has written anything.
 */
export type EditRefusal<F extends string> =
  /** Field by field, for `response_action: 'errors'`. */
  | { kind: 'invalid'; errors: FieldErrors<F> }
  /** `reason` is a plain sentence (escape it before putting it in mrkdwn). */
  | { kind: 'forbidden'; reason: string }
  /** The program, or the item in it, does not exist (any more). */
  | { kind: 'not-found'; what: NotFound };

export type NotFound = 'program' | 'workstream' | 'risk' | 'readiness' | 'action' | 'decision' | 'milestone';

/**
 * Someone else changed the item since the edit was opened. `updatedBy` is usually a Slack user ID, but may be
 * another actor such as the importer's ("import", a CLI user name); null when unknown. `updatedAt` is ISO.
 */
export interface Conflict {
  kind: 'conflict';
  updatedBy: string | null;
  updatedAt: string | null;
}

export function notFound(what: NotFound): { kind: 'not-found'; what: NotFound } {
  return { kind: 'not-found', what };
}

export function forbidden(permission: { reason: string }): { kind: 'forbidden'; reason: string } {
  return { kind: 'forbidden', reason: permission.reason };
}

/** The first refusal, or the first permission (its role says why the edit itself was allowed). */
export function both(edit: Permission, move: Permission): Permission {
  return edit.allowed ? (move.allowed ? edit : move) : edit;
}

/**
 * Runs one edit of a program under the database's write lock, from reading the program to writing: the
 * version read and the write are one, even with the CLI writing too. A lock held elsewhere past the short
 * wait throws SQLITE_BUSY with nothing written (the listener says busy). Returns the outcome and the program
 * as it was read (for the log), or not-found when the program is gone.
 */
export function editProgram<R>(
  deps: Deps,
  repo: ProgramRepo,
  programId: number,
  edit: (program: Program) => R,
): { result: R | ReturnType<typeof notFound>; program: Program | undefined } {
  let program: Program | undefined;
  const result = writeTransaction(deps.db, () => {
    program = repo.getById(programId);
    return program ? edit(program) : notFound('program');
  });
  return { result, program };
}

/** What the store records with an edit's write: who, when (the clock), why. */
export function by(deps: Deps, program: Program, actor: string, note: string): Attribution {
  return { programId: program.id, actor, at: deps.clock.now().toISOString(), note };
}

/** The program as stored after an edit's write (the repo reads it again: its version moved on). */
export function reread(repo: ProgramRepo, program: Program): Program {
  const after = repo.getById(program.id);
  if (!after) throw new Error(`program ${program.id} cannot be read back`);
  return after;
}

/** An item just added, from the program read again after its write. */
export function readBack<T extends { id: number }>(items: readonly T[], entity: string, id: number): T {
  const item = items.find((i) => i.id === id);
  if (!item) throw new Error(`the new ${entity} ${id} cannot be read back`);
  return item;
}

/** A conflict on an item that keeps no updated_by: its last history entry says who changed it, and when. */
export function conflictOf(last: LastChange | undefined): Conflict {
  return { kind: 'conflict', updatedBy: last?.actor ?? null, updatedAt: last?.at ?? null };
}

/** The program's workstream keys, which an item may be tied to. */
export function workstreamKeys(program: Program): string[] {
  return program.workstreams.map((w) => w.key);
}

/** The log's user and program (its slug once read, else the ID asked for). */
export function who(input: { actor: string; programId: number }, program: Program | undefined) {
  return { user: input.actor, program: program?.slug ?? input.programId };
}

/** The events an edit's outcome is logged under; each is written out where the edit is. */
export interface OutcomeEvents {
  /** At warn: someone tried and may need access, or is probing. */
  forbidden: string;
  /** At info: someone else's change came first. */
  conflict?: string;
  /** At info: the edit was written (`fields` lists what changed). */
  saved: string;
}

/** Logs an edit's outcome: refusals at warn, conflicts and writes at info; the rest (invalid, unchanged) not. */
export function logOutcome(
  logger: Logger,
  events: OutcomeEvents,
  context: Record<string, unknown>,
  result: { kind: string; reason?: string; updatedBy?: string | null; changes?: { field: string }[] },
  extra: Record<string, unknown> = {},
): void {
  if (result.kind === 'forbidden') {
    logger.warn({ event: events.forbidden, ...context, reason: result.reason });
  } else if (result.kind === 'conflict' && events.conflict) {
    logger.info({ event: events.conflict, ...context, ...extra, updatedBy: result.updatedBy });
  } else if (result.kind === 'updated' || result.kind === 'added') {
    const fields = result.changes?.map((c) => c.field);
    logger.info({ event: events.saved, ...context, ...(fields ? { fields } : {}), ...extra });
  }
}
