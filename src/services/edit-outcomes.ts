import type { FieldErrors } from '../domain/edit-fields.js';

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

export type NotFound = 'program' | 'workstream' | 'risk' | 'readiness' | 'action';

/**
 * Someone else changed the item since the edit was opened. `updatedBy` is usually a Slack user ID, but may be
 * another actor such as the importer's ("import", a CLI user name); null when unknown. `updatedAt` is ISO.
 */
export interface Conflict {
  kind: 'conflict';
  updatedBy: string | null;
  updatedAt: string | null;
}
