import { RISK_INFO, RISKS, SIGNAL_INFO, SIGNALS, STATUS_INFO, STATUSES } from './vocabulary.js';

/** The history field of an owner's saving the update form unchanged: "still as it says", no value moved. */
export const REVIEWED_FIELD = 'reviewed';

/**
 * How a history row's `field` reads to a person. The store records column-like names (the importer's and
 * the edit services' field names); this is the one place that turns them into the page's words.
 */
const HISTORY_FIELD_LABELS: Readonly<Record<string, string>> = {
  created: 'Created',
  [REVIEWED_FIELD]: 'Confirmed current',
  removed: 'Removed',
  name: 'Name',
  owner_team: 'Owning team',
  owner_ids: 'Owners',
  backup_ids: 'Backup owners',
  holidays: 'Holidays',
  owner: 'Owner',
  state: 'Current state',
  summary: 'Snapshot',
  status: 'Status',
  risk: 'Risk',
  blocker: 'Main blocker',
  depends_on: 'Depends on',
  severity: 'Severity',
  workstream: 'Workstream',
  signal: 'Signal',
  note: 'Note',
  text: 'Text',
  due: 'Due date',
  done: 'Done',
  title: 'Title',
  url: 'Link',
  timezone: 'Time zone',
  digest_channel: 'Digest channel',
  digest_schedule: 'Digest schedule',
  reminder_days_before: 'Reminder (days before)',
  updates_channel: 'Updates channel',
  canvas_channel: 'Canvas channel',
  admins: 'Admins',
};

/** A field's label; an unknown field still reads as words ("some_field" → "Some field"). */
export function historyFieldLabel(field: string): string {
  const known = HISTORY_FIELD_LABELS[field];
  if (known) return known;
  const words = field.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : field;
}

/** Enumerated values (status, risk, severity, signal) as their labels; any other value unchanged. */
export function historyValueLabel(field: string, value: string): string {
  if (field === 'status') {
    const status = STATUSES.find((s) => s === value);
    if (status) return STATUS_INFO[status].label;
  }
  if (field === 'risk' || field === 'severity') {
    const risk = RISKS.find((r) => r === value);
    if (risk) return RISK_INFO[risk].label;
  }
  if (field === 'signal') {
    const signal = SIGNALS.find((s) => s === value);
    if (signal) return SIGNAL_INFO[signal].label;
  }
  return value;
}

/** A list the history keeps comma-separated (owners, admins, what a workstream depends on), as its items. */
export function historyList(value: string): string[] {
  return value.split(/,\s*/).filter(Boolean);
}
