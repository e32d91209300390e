import type { Program } from '../domain/program.js';

/**
 * Answers kept per program snapshot. The store (ProgramRepo) hands out the same frozen Program until
 * anything in the database changes (an edit, a history entry, a digest run), so the snapshot is the
 * program's version: an answer built from one stays true until the store hands out another. `key` names
 * what else the answer depends on (the day, for a digest); one answer is kept per snapshot, and a snapshot
 * no longer handed out is dropped with it. Builders in ui/ stay pure: the caching is here, beside the store.
 */
export class SnapshotCache<V> {
  private readonly kept = new WeakMap<Program, { key: string; value: V }>();

  of(program: Program, key: string, build: () => V): V {
    const kept = this.kept.get(program);
    if (kept?.key === key) return kept.value;
    const value = build();
    this.kept.set(program, { key, value });
    return value;
  }
}
