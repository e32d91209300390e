import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ActionInput, PlaygroundMessage, PlaygroundView } from '../protocol.js';
import { fetchEmoji, type PostBodies, post } from './api.js';
import { canvasIdFromUrl, canvasTabs, paneForCanvas } from './canvas-tabs.js';
import { Conversation } from './components/conversation.js';
import { HomeTab } from './components/home-tab.js';
import { Inspector } from './components/inspector.js';
import { Modal } from './components/modal.js';
import { Sidebar } from './components/sidebar.js';
import { Toasts } from './components/toasts.js';
import { TopBar } from './components/top-bar.js';
import { HOME, type PageLocation, readLocation, resolvePane, writeLocation } from './page-location.js';
import { lastEntryId, newRefusals, refusalText } from './refusals.js';
import type { RenderContext } from './render/context.js';
import { useToasts } from './use-toasts.js';
import { useViewValues } from './use-view-values.js';
import { useWorkspace } from './use-workspace.js';

/** How long a notice of what happened stays ("Posted this week's digest…"); errors stay until dismissed. */
const NOTICE_MS = 12_000;

export function App() {
  const [start] = useState(() => readLocation(window.location.search));
  const [as, setAs] = useState(start.as);
  const [pane, setPane] = useState(start.pane);
  const [canvas, setCanvas] = useState(start.canvas);
  const [inspectorOpen, setInspectorOpen] = useState(start.inspector);
  const [emoji, setEmoji] = useState<Readonly<Record<string, string>>>({});
  const alerts = useToasts();
  const notices = useToasts(NOTICE_MS);
  const showAlert = alerts.show;
  const showNotice = notices.show;
  const dismiss = (id: number) => {
    alerts.dismiss(id);
    notices.dismiss(id);
  };
  const { state, live, refresh } = useWorkspace(as, showAlert);

  useEffect(() => {
    fetchEmoji().then(setEmoji, (error: unknown) =>
      showAlert(`Could not load emoji names: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, [showAlert]);

  // Without a known person in the URL, the page acts as the first one the server lists.
  useEffect(() => {
    const first = state?.users[0];
    if (first && !state.users.some((u) => u.id === as)) setAs(first.id);
  }, [state, as]);

  const shown = state ? resolvePane(pane, state.channels, state.dmChannel) : pane;
  // A canvas deleted meanwhile, or asked for on the Home tab, leaves the pane's messages shown.
  const shownCanvas =
    !state || (shown !== HOME && state.canvases.some((c) => c.id === canvas)) ? canvas : undefined;
  const here = (at: string | undefined, open?: string): PageLocation => ({
    ...(as ? { as } : {}),
    ...(at ? { pane: at } : {}),
    ...(open ? { canvas: open } : {}),
    inspector: inspectorOpen,
  });
  const search = writeLocation(window.location.search, here(shown, shownCanvas));
  useEffect(() => {
    if (search !== window.location.search)
      window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
  }, [search]);

  const act = useCallback(
    async <P extends keyof PostBodies>(path: P, body: PostBodies[P]): Promise<boolean> => {
      const answer = await post(path, body);
      if (!answer.ok) showAlert(answer.error ?? `The playground server refused ${path}.`);
      else if (answer.message) showNotice(answer.message);
      // Not awaited: the composer clears as soon as the command is taken, while the page catches up.
      void refresh();
      return answer.ok;
    },
    [showAlert, showNotice, refresh],
  );

  // Slack sends app_home_opened each time the person opens the tab, including as someone else.
  const onHome = shown === HOME;
  useEffect(() => {
    if (as && onHome) void act('/api/home', { as });
  }, [as, onHome, act]);

  // Slack refusing a call the app made leaves a surface silently missing; say so where it shows.
  const seenEntry = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!state) return;
    if (seenEntry.current !== undefined)
      for (const entry of newRefusals(state.inspector, seenEntry.current)) showAlert(refusalText(entry));
    seenEntry.current = Math.max(seenEntry.current ?? 0, lastEntryId(state.inspector));
  }, [state, showAlert]);

  const views = useMemo<PlaygroundView[]>(
    () => (state ? [...state.modals, ...(state.home ? [state.home] : [])] : []),
    [state],
  );
  const { valuesOf, set } = useViewValues(views);

  // A link to a canvas of the workspace opens it here, in its channel when this person sees that channel.
  const openLink = useCallback(
    (url: string): boolean => {
      const id = canvasIdFromUrl(url);
      const target = id === undefined ? undefined : state?.canvases.find((c) => c.id === id);
      if (!state || !target) return false;
      const panes = [...state.channels.map((c) => c.id), ...(state.dmChannel ? [state.dmChannel] : [])];
      const where = paneForCanvas(target, panes, shown === HOME ? undefined : shown);
      if (!where) return false;
      setPane(where);
      setCanvas(target.id);
      return true;
    },
    [state, shown],
  );

  const viewer = state?.users.find((u) => u.id === as);
  const tz = viewer?.tz ?? 'UTC';
  const shared = useMemo(() => {
    const users = new Map<string, { name: string }>(state?.users.map((u) => [u.id, { name: u.name }]));
    if (state && !users.has(state.botUserId)) users.set(state.botUserId, { name: 'Rollout' });
    const channels = new Map<string, { name: string }>(state?.channels.map((c) => [c.id, { name: c.name }]));
    return { users, channels };
  }, [state]);

  if (!state || !as || !viewer) {
    return (
      <div class="loading">
        <p>Loading the playground…</p>
        <Toasts alerts={alerts.toasts} notices={notices.toasts} onDismiss={dismiss} />
      </div>
    );
  }

  const base: RenderContext = {
    viewer: { id: as, tz },
    users: shared.users,
    channels: shared.channels,
    emoji,
    surface: 'message',
    now: new Date(),
    openLink,
  };

  const viewContext = (view: PlaygroundView, surface: 'modal' | 'home'): RenderContext => ({
    ...base,
    surface,
    state: {
      values: valuesOf(view.id),
      set: (blockId, actionId, value) => set(view.id, blockId, actionId, value),
    },
    errors: view.errors,
    onAction: (action) =>
      void act('/api/action', {
        as,
        container: { type: 'view', viewId: view.id },
        action,
        state: valuesOf(view.id),
      }),
  });

  const onMessageAction = (message: PlaygroundMessage, action: ActionInput) =>
    void act('/api/action', {
      as,
      container: { type: 'message', channel: message.channel, ts: message.ts },
      action,
    });

  const onShortcut = (message: PlaygroundMessage, callbackId: string) =>
    void act('/api/shortcut', { as, channel: message.channel, ts: message.ts, callbackId });

  const top = state.modals[state.modals.length - 1];
  const channel = state.channels.find((c) => c.id === shown);

  return (
    <div class={inspectorOpen ? 'app app-with-inspector' : 'app'}>
      <TopBar
        users={state.users}
        as={as}
        onActAs={setAs}
        onPostDigest={() => void act('/api/digest', { as })}
        inspectorOpen={inspectorOpen}
        onToggleInspector={() => setInspectorOpen(!inspectorOpen)}
        live={live}
      />
      <Sidebar
        channels={state.channels}
        dmChannel={state.dmChannel}
        pane={shown}
        hrefOf={(at) => writeLocation(window.location.search, here(at)) || window.location.pathname}
        onOpen={(at) => {
          setPane(at);
          setCanvas(undefined);
        }}
      />
      <main class="pane">
        {shown === HOME || !shown ? (
          <HomeTab
            home={state.home}
            ctx={state.home ? viewContext(state.home, 'home') : { ...base, surface: 'home' }}
          />
        ) : (
          <Conversation
            channel={shown}
            title={channel ? `#${channel.name}` : 'Rollout'}
            isDm={!channel}
            messages={state.messages}
            ctx={base}
            onAction={onMessageAction}
            shortcuts={state.shortcuts}
            onShortcut={onShortcut}
            onCommand={(text) => act('/api/command', { as, channel: shown, text })}
            canvases={canvasTabs(state.canvases, shown, shownCanvas)}
            canvas={shownCanvas}
            onTab={setCanvas}
          />
        )}
      </main>
      {inspectorOpen && <Inspector entries={state.inspector} />}
      {top && (
        <Modal
          view={top}
          ctx={viewContext(top, 'modal')}
          depth={state.modals.length - 1}
          onClose={() => void act('/api/close', { as, viewId: top.id })}
          onSubmit={() => void act('/api/submit', { as, viewId: top.id, state: valuesOf(top.id) })}
        />
      )}
      <Toasts alerts={alerts.toasts} notices={notices.toasts} onDismiss={dismiss} />
    </div>
  );
}
