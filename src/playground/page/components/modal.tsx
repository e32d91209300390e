import { useEffect, useRef } from 'preact/hooks';
import type { PlaygroundView } from '../../protocol.js';
import { Blocks } from '../render/blocks.js';
import type { RenderContext } from '../render/context.js';
import { Text } from '../render/mrkdwn-view.js';
import { viewFrame } from '../view-texts.js';

interface ModalProps {
  view: PlaygroundView;
  /** Surface 'modal', with this view's state store, errors and onAction. */
  ctx: RenderContext;
  /** How many modals are open under this one (Slack shows a back arrow then). */
  depth: number;
  onClose: () => void;
  onSubmit: () => void;
}

/** The top modal of the stack, over a dimmed page; the ones under it wait until it closes. */
export function Modal({ view, ctx, depth, onClose, onSubmit }: ModalProps) {
  const frame = viewFrame(view.view);
  const titleId = `modal-title-${view.id}`;
  const dialog = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  // Declared first so that it sees what had focus before the view took it, to give it back on close.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const onKey = (e: KeyboardEvent) => {
      // A menu inside the modal that handled Escape itself marks it so; only a free Escape closes.
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        onCloseRef.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // Focus moves into each new view, to its first field as Slack does.
  useEffect(() => {
    const el = dialog.current;
    const field = el?.querySelector<HTMLElement>(
      '.modal-body input, .modal-body textarea, .modal-body select',
    );
    (field ?? el)?.focus();
  }, [view.id]);

  return (
    <div class="modal-backdrop">
      <div class="modal" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={dialog} tabIndex={-1}>
        <header class="modal-header">
          {depth > 0 && (
            <span class="modal-depth" title={`${depth} more under this one`} aria-hidden="true">
              ‹
            </span>
          )}
          <h2 class="modal-title" id={titleId}>
            <Text obj={frame.title} ctx={ctx} />
          </h2>
        </header>
        {/* Remounted for each view and version, so no field keeps the previous view's typing. */}
        <div class="modal-body" key={`${view.id}:${view.hash}`}>
          <Blocks blocks={view.view.blocks ?? []} ctx={ctx} />
        </div>
        <footer class="modal-footer">
          <button type="button" class="button" onClick={onClose}>
            <Text obj={frame.close} ctx={ctx} />
          </button>
          {frame.submit && (
            <button type="button" class="button button-primary" onClick={onSubmit}>
              <Text obj={frame.submit} ctx={ctx} />
            </button>
          )}
        </footer>
      </div>
    </div>
  );
}
