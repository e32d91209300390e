/** Arguments as the app meant them: the WebClient sends objects (view, blocks, metadata) as JSON strings. */
export function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = JSON_ARGS.has(k) ? parseJson(v) : v;
  return out;
}

const JSON_ARGS = new Set(['view', 'blocks', 'attachments', 'metadata', 'changes', 'document_content']);

export function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Slack's refusal of a call that lacks arguments it needs (a missing channel is `channel_not_found`). */
export function requireArgs(
  args: Record<string, unknown>,
  names: string[],
): Record<string, unknown> | undefined {
  const missing = names.filter((n) => args[n] === undefined || args[n] === '');
  if (!missing.length) return undefined;
  if (missing.includes('channel')) return { ok: false, error: 'channel_not_found' };
  return invalidArguments(missing.map((m) => `missing ${m}`));
}

export function invalidArguments(messages: string[]): Record<string, unknown> {
  return { ok: false, error: 'invalid_arguments', response_metadata: { messages } };
}
