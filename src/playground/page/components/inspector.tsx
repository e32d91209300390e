import { useState } from 'preact/hooks';
import type { InspectorEntry } from '../../protocol.js';

const DIRECTIONS: Record<InspectorEntry['direction'], string> = {
  to_app: 'Slack → app',
  web_api: 'app → Web API',
  response_url: 'app → response_url',
};

interface InspectorProps {
  entries: readonly InspectorEntry[];
}

/** The calls between Slack and the app, newest first, each opening to its JSON. */
export function Inspector({ entries }: InspectorProps) {
  const newestFirst = [...entries].reverse();
  return (
    <aside class="inspector" aria-label="Inspector">
      <header class="inspector-header">
        <h2 class="inspector-title">Inspector</h2>
        <span class="inspector-count">{entries.length} calls</span>
      </header>
      {newestFirst.length === 0 ? (
        <p class="inspector-empty">Nothing yet: calls appear here as the app and Slack talk.</p>
      ) : (
        <ol class="inspector-list">
          {newestFirst.map((entry) => (
            <InspectorItem key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </aside>
  );
}

function InspectorItem({ entry }: { entry: InspectorEntry }) {
  // The JSON is rendered only once opened: a long session holds many large payloads.
  const [open, setOpen] = useState(false);
  return (
    <li class={entry.ok ? 'inspector-entry' : 'inspector-entry inspector-refused'}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary class="inspector-summary">
          <span class="inspector-direction">{DIRECTIONS[entry.direction]}</span>
          <span class="inspector-name">{entry.name}</span>
          <span class="inspector-status">{entry.status}</span>
          <span class="inspector-outcome">{entry.ok ? 'ok' : (entry.error ?? 'refused')}</span>
          <time class="inspector-time" dateTime={entry.at}>
            {clock(entry.at)}
          </time>
        </summary>
        {open && (
          <div class="inspector-payloads">
            <h3 class="inspector-payload-title">Request</h3>
            <pre class="inspector-json">{json(entry.request)}</pre>
            <h3 class="inspector-payload-title">Response</h3>
            <pre class="inspector-json">{json(entry.response)}</pre>
          </div>
        )}
      </details>
    </li>
  );
}

function json(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value, null, 2);
}

/** "14:03:27", in the browser's zone: the inspector is the developer's view, not the acting person's. */
function clock(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString('en-GB');
}
