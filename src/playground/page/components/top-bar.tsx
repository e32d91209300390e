import type { PlaygroundUser } from '../../protocol.js';

interface TopBarProps {
  users: readonly PlaygroundUser[];
  as: string | undefined;
  onActAs: (userId: string) => void;
  onPostDigest: () => void;
  inspectorOpen: boolean;
  onToggleInspector: () => void;
  live: boolean;
}

export function TopBar(props: TopBarProps) {
  return (
    <header class="top-bar">
      <div class="top-bar-act-as">
        <label for="act-as">Act as</label>
        <select
          id="act-as"
          value={props.as ?? ''}
          onChange={(e) => props.onActAs(e.currentTarget.value)}
          disabled={!props.users.length}
        >
          {props.users.map((u) => (
            <option key={u.id} value={u.id}>
              {`${u.realName || u.name} — ${u.role}`}
            </option>
          ))}
        </select>
      </div>
      <div class="top-bar-actions">
        <span
          class={props.live ? 'live live-on' : 'live'}
          title={props.live ? 'Updates arrive as they happen' : 'Reconnecting to the playground server…'}
        >
          {props.live ? 'Live' : 'Offline'}
        </span>
        <button type="button" class="top-bar-button" onClick={props.onPostDigest}>
          Post this week's digest
        </button>
        <button
          type="button"
          class="top-bar-button"
          aria-pressed={props.inspectorOpen}
          onClick={props.onToggleInspector}
        >
          Inspector
        </button>
      </div>
    </header>
  );
}
