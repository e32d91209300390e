import Database from 'better-sqlite3';
import type { Db } from '../../src/db/open.js';

/** The history table's columns, by the names the tests compare them under. */
const COLUMNS = {
  entity: 'entity',
  entityKey: 'entity_key',
  label: 'entity_label',
  field: 'field',
  oldValue: 'old_value',
  newValue: 'new_value',
  actor: 'actor',
  at: 'at',
  note: 'note',
} as const;
export type HistoryColumn = keyof typeof COLUMNS;

export interface HistoryFilter {
  entity?: string;
  /** The entity's key (a workstream's key, a risk's id as text). */
  key?: string;
  /** Leave out what `rollout import` (the fixtures' set-up) recorded: only the changes made since. */
  sinceImport?: boolean;
}

/**
 * History rows, oldest first, with the given columns under camelCase names: what a test compares after an
 * edit. `db` is an open connection or the path of a database file (opened read-only, as sqlite3 would).
 */
export function historyRows<C extends HistoryColumn>(
  db: Db | string,
  columns: readonly C[],
  filter: HistoryFilter = {},
): Record<C, unknown>[] {
  const where = [
    ...(filter.entity === undefined ? [] : ['entity = @entity']),
    ...(filter.key === undefined ? [] : ['entity_key = @key']),
    ...(filter.sinceImport ? ["actor != 'import'"] : []),
  ];
  const sql =
    `SELECT ${columns.map((c) => `${COLUMNS[c]} AS ${c}`).join(', ')} FROM history` +
    `${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
  const params = Object.fromEntries(
    Object.entries({ entity: filter.entity, key: filter.key }).filter(([, v]) => v !== undefined),
  );
  return withDb(db, (open) => open.prepare(sql).all(params) as Record<C, unknown>[]);
}

/** How many history rows there are. */
export function historyCount(db: Db | string): number {
  return withDb(db, (open) => open.prepare('SELECT count(*) FROM history').pluck().get() as number);
}

function withDb<T>(db: Db | string, use: (db: Db) => T): T {
  if (typeof db !== 'string') return use(db);
  const open = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return use(open);
  } finally {
    open.close();
  }
}
