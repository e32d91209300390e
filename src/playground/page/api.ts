import type {
  ActionRequest,
  CloseRequest,
  CommandRequest,
  HomeRequest,
  PlaygroundAnswer,
  PlaygroundState,
  ShortcutRequest,
  SubmitRequest,
} from '../protocol.js';

/** Every POST the page makes, by path, with the body it takes. */
export interface PostBodies {
  '/api/command': CommandRequest;
  '/api/action': ActionRequest;
  '/api/submit': SubmitRequest;
  '/api/close': CloseRequest;
  '/api/home': HomeRequest;
  '/api/shortcut': ShortcutRequest;
  '/api/digest': { as: string };
}

/** The workspace as `as` sees it; without `as`, as whoever the server picks (to learn who there is). */
export async function fetchState(as: string | undefined): Promise<PlaygroundState> {
  const query = as ? `?as=${encodeURIComponent(as)}` : '';
  return getJson<PlaygroundState>(`/api/state${query}`);
}

/** Short name → character, for `:emoji:` in texts. */
export async function fetchEmoji(): Promise<Record<string, string>> {
  return getJson<Record<string, string>>('/api/emoji');
}

/**
 * Asks the server to do what Slack's client would. Never throws: a server that does not answer, or answers
 * something other than JSON, becomes a refusal with words the page can show like any other.
 */
export async function post<P extends keyof PostBodies>(
  path: P,
  body: PostBodies[P],
): Promise<PlaygroundAnswer> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    return { ok: false, error: `The playground server did not answer (${describe(error)}).` };
  }
  const text = await response.text().catch(() => '');
  try {
    const answer = JSON.parse(text) as Partial<PlaygroundAnswer>;
    if (typeof answer.ok === 'boolean') return answer as PlaygroundAnswer;
  } catch {
    // Not JSON: a crash page or a proxy's error; reported below with its status.
  }
  return {
    ok: false,
    error: `The playground server answered ${path} with HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
  };
}

/**
 * Calls `onChange` whenever the server says the workspace changed, and when the stream (re)connects, since
 * changes made while it was down were never announced. Answers a function that closes the stream.
 */
export function watchChanges(onChange: () => void, onConnection: (live: boolean) => void): () => void {
  const events = new EventSource('/api/events');
  events.onmessage = () => onChange();
  events.onopen = () => {
    onConnection(true);
    onChange();
  };
  // EventSource retries on its own; the page only says it is not live meanwhile.
  events.onerror = () => onConnection(false);
  return () => events.close();
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok)
    throw new Error(`${refusal(await response.text().catch(() => ''))} (HTTP ${response.status})`);
  return (await response.json()) as T;
}

/** The server's own words for a refusal (`{ok: false, error}`), else the start of whatever it sent. */
function refusal(text: string): string {
  try {
    const { error } = JSON.parse(text) as { error?: unknown };
    if (typeof error === 'string') return error;
  } catch {
    // Not JSON; shown as it came.
  }
  return text.slice(0, 200) || 'no answer';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
