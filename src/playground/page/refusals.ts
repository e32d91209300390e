import type { InspectorEntry } from '../protocol.js';

/**
 * Calls the app made that Slack refused. Only those: when the app itself fails a request, the POST that
 * caused it already answers with the error, and showing it twice would be noise.
 */
function isSlackRefusal(entry: InspectorEntry): boolean {
  return !entry.ok && entry.direction !== 'to_app';
}

/** Refusals newer than the entry `afterId`, oldest first, so alerts appear in the order they happened. */
export function newRefusals(entries: readonly InspectorEntry[], afterId: number): InspectorEntry[] {
  return entries.filter((e) => e.id > afterId && isSlackRefusal(e)).sort((a, b) => a.id - b.id);
}

export function lastEntryId(entries: readonly InspectorEntry[]): number {
  return entries.reduce((max, e) => Math.max(max, e.id), 0);
}

/**
 * "Slack refused views.open: invalid_arguments — view.title: 30 characters, 1 to 24". The details come from
 * where Slack puts them: `response_metadata.messages`, or the stand-in's `errors` list for invalid_blocks.
 */
export function refusalText(entry: InspectorEntry): string {
  const what = entry.direction === 'response_url' ? 'a response_url reply' : entry.name;
  const code = entry.error ?? `HTTP ${entry.status}`;
  const details = refusalDetails(entry.response);
  return `Slack refused ${what}: ${code}${details.length ? ` — ${details.join('; ')}` : ''}`;
}

function refusalDetails(response: unknown): string[] {
  if (!isRecord(response)) return [];
  const metadata = response.response_metadata;
  const messages = isRecord(metadata) ? metadata.messages : undefined;
  return [...strings(messages), ...strings(response.errors)];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
