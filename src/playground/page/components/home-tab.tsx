import type { PlaygroundView } from '../../protocol.js';
import { Blocks } from '../render/blocks.js';
import type { RenderContext } from '../render/context.js';

interface HomeTabProps {
  home: PlaygroundView | undefined;
  /** Surface 'home', with the Home view's state store and onAction. */
  ctx: RenderContext;
}

export function HomeTab({ home, ctx }: HomeTabProps) {
  return (
    <section class="home" aria-label="Rollout Home">
      <header class="pane-header">
        <h1 class="pane-title">Rollout</h1>
        <span class="app-badge">APP</span>
        <span class="pane-tab" aria-current="page">
          Home
        </span>
      </header>
      <div class="home-scroll">
        {home ? (
          <div class="home-body">
            <Blocks blocks={home.view.blocks ?? []} ctx={ctx} />
          </div>
        ) : (
          <p class="conversation-empty">
            Rollout has not published a Home tab for this person yet. Opening the tab asks it to.
          </p>
        )}
      </div>
    </section>
  );
}
