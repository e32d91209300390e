import type { HistoryFacts } from '../store/history-writer.js';
import type { ConflictReport } from '../store/program-import.js';

/** How `rollout import` words what it changed and what it could not merge, one line each. */

/** A value as it is written in a program file: text quoted, lists joined, nothing as "(none)". */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (Array.isArray(value)) return value.length ? JSON.stringify(value.join(', ')) : '(none)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `2026-11-03T10:00:00.000Z` as `2026-11-03 10:00 UTC`. */
function when(at: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return match ? `${match[1]} ${match[2]} UTC` : at;
}

function itemName(entity: string, key: string, label: string): string {
  switch (entity) {
    case 'program':
      return 'program';
    case 'workstream':
      return `workstream ${key} (${label})`;
    case 'readiness':
      return `readiness ${JSON.stringify(label)}`;
    case 'reference':
      return 'references';
    default:
      return `${entity} ${key} ${JSON.stringify(label)}`;
  }
}

export function conflictLine({ conflict, lastEdit }: ConflictReport): string {
  const by = lastEdit ? ` (${lastEdit.actor}, ${when(lastEdit.at)})` : '';
  const name = itemName(conflict.entity, conflict.item, conflict.label);
  if (conflict.kind === 'removal') {
    const fields = conflict.fields.join(', ');
    return conflict.removedBy === 'file'
      ? `  - ${name}: the file removes it, but its ${fields} changed in Slack since the last import${by}\n`
      : `  - ${name}: no longer in the store, but the file changes its ${fields}\n`;
  }
  const base = conflict.base === undefined ? 'not in the last import' : `last import ${shown(conflict.base)}`;
  return (
    `  - ${name}, ${conflict.field}: ${base} → Slack ${shown(conflict.slack)}${by}` +
    ` → file ${shown(conflict.file)}\n`
  );
}

export function changeLine(entry: HistoryFacts): string {
  const name = itemName(entry.entity, entry.entityKey, entry.entityLabel);
  if (entry.field === 'created' || entry.field === 'removed') return `  - ${name}: ${entry.field}\n`;
  return `  - ${name}, ${entry.field}: ${shown(entry.oldValue)} → ${shown(entry.newValue)}\n`;
}

export const SETTLE_HINT =
  'Keep the values changed in Slack with --prefer slack, take the file’s with --prefer file, or edit the file ' +
  '(rollout export SLUG gives the current values).\n';
