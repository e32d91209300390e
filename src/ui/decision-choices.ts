import type { Decision, Workstream } from '../domain/program.js';

/**
 * What the decision forms' selects carry as option values: which pending decision and which workstream,
 * each with the version the form was opened on, so that a save can tell it changed meanwhile.
 */

/** The record form's "which decision" choice for one asked and decided at once. */
export const NEW_DECISION = 'new';

/** A pending decision in a select: its id and the version the form was opened on. */
export function decisionChoice(d: Pick<Decision, 'id' | 'version'>): string {
  return `${d.id}:${d.version}`;
}

export function readDecisionChoice(value: string | undefined): { id: number; version: number } | undefined {
  const m = /^(\d+):(\d+)$/.exec(value ?? '');
  return m ? { id: Number(m[1]), version: Number(m[2]) } : undefined;
}

/** A workstream in the "move on" select: its key and the version the form was opened on. */
export function workstreamChoice(w: Pick<Workstream, 'key' | 'version'>): string {
  return `${w.version}:${w.key}`;
}

export function readWorkstreamChoice(
  value: string | undefined,
): { key: string; version: number } | undefined {
  const m = /^(\d+):(.+)$/.exec(value ?? '');
  return m ? { version: Number(m[1]), key: m[2] as string } : undefined;
}
