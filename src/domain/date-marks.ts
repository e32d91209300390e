import type { Program } from './program.js';
import { type DateConflict, dateConflicts } from './target-dates.js';

/**
 * The date conflicts (`dateConflicts`), computed once per program so that a view of 1,000 rows looks each
 * row up instead of walking the program again, and a sweep does not walk an unchanged program again.
 */
export interface DateMarks {
  /** Every conflict, in the order `dateConflicts` gives them. */
  all: readonly DateConflict[];
  /** A workstream's or milestone's conflicts by its key, in the order `dateConflicts` gives them. */
  bySubject: ReadonlyMap<string, readonly DateConflict[]>;
}

const marks = new WeakMap<Program, DateMarks>();

/**
 * The program's marks. The store hands out frozen programs, shared until the database changes, so their
 * marks are kept with them; a program still being put together is looked at afresh.
 */
export function dateMarks(program: Program): DateMarks {
  const known = marks.get(program);
  if (known) return known;
  const all = dateConflicts(program);
  const bySubject = new Map<string, DateConflict[]>();
  for (const c of all) {
    const list = bySubject.get(c.subject.key);
    if (list) list.push(c);
    else bySubject.set(c.subject.key, [c]);
  }
  const made = { all, bySubject };
  if (Object.isFrozen(program)) marks.set(program, made);
  return made;
}
