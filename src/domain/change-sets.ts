import type { FieldChange } from './edit-fields.js';
import type { HistoryEntry } from './program.js';

/** One submission as a person made it: several fields changed at once, with one note. */
export interface ChangeSet {
  actor: string;
  at: string;
  note: string;
  /** The entity's label when it was changed (a workstream's name, a risk's text). */
  label: string;
  changes: FieldChange[];
}

/**
 * Groups history entries (newest first, as the store returns them) into the submissions that wrote them:
 * entries of one edit share their actor, time and note. Fields within a set keep the order they were written.
 */
export function groupChangeSets(entries: readonly HistoryEntry[]): ChangeSet[] {
  const sets: ChangeSet[] = [];
  let last: ChangeSet | undefined;
  for (const e of entries) {
    if (!last || last.actor !== e.actor || last.at !== e.at || last.note !== e.note) {
      last = { actor: e.actor, at: e.at, note: e.note, label: e.entityLabel, changes: [] };
      sets.push(last);
    }
    last.changes.unshift({ field: e.field, oldValue: e.oldValue, newValue: e.newValue });
  }
  return sets;
}
