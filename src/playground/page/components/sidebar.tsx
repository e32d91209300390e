import type { PlaygroundChannel } from '../../protocol.js';
import { HOME } from '../page-location.js';

interface SidebarProps {
  channels: readonly PlaygroundChannel[];
  dmChannel: string | undefined;
  /** The pane shown: a channel or DM id, or HOME. */
  pane: string | undefined;
  /** The link target of a pane, so opening it in a new tab or copying it works like Slack's. */
  hrefOf: (pane: string) => string;
  onOpen: (pane: string) => void;
}

export function Sidebar(props: SidebarProps) {
  const link = (pane: string, label: string) => (
    <a
      class="sidebar-item"
      href={props.hrefOf(pane)}
      aria-current={props.pane === pane ? 'page' : undefined}
      onClick={(e) => {
        // A modified click opens a new tab as links do; a plain one switches in place.
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        props.onOpen(pane);
      }}
    >
      {label}
    </a>
  );
  return (
    <nav class="sidebar" aria-label="Workspace">
      <div class="sidebar-workspace">Rollout playground</div>
      <h2 class="sidebar-heading">Apps</h2>
      <ul class="sidebar-list">
        <li>
          {/* A button, not a link: "Rollout Home" must not also match the DM link named "Rollout". */}
          <button
            type="button"
            class="sidebar-item"
            aria-current={props.pane === HOME ? 'page' : undefined}
            onClick={() => props.onOpen(HOME)}
          >
            Rollout Home
          </button>
        </li>
      </ul>
      <h2 class="sidebar-heading">Channels</h2>
      <ul class="sidebar-list">
        {props.channels.map((c) => (
          <li key={c.id}>{link(c.id, `#${c.name}`)}</li>
        ))}
      </ul>
      {props.dmChannel && (
        <>
          <h2 class="sidebar-heading">Direct messages</h2>
          <ul class="sidebar-list">
            <li>{link(props.dmChannel, 'Rollout')}</li>
          </ul>
        </>
      )}
    </nav>
  );
}
