import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PlaygroundShortcut } from '../../protocol.js';
import { menuIndexAfter, menuPlacement } from '../message-menu.js';

interface MessageActionsProps {
  shortcuts: readonly PlaygroundShortcut[];
  onShortcut: (callbackId: string) => void;
}

/**
 * Slack's hover toolbar on a message: a "More actions" button whose menu lists the app's message
 * shortcuts. It follows ARIA's menu button pattern, so the keyboard reaches everything: Enter, Space or
 * ArrowDown opens it on the first item, ArrowUp on the last; arrows, Home and End move; Escape closes it
 * and gives focus back to the button; Tab or a click elsewhere closes it.
 */
export function MessageActions({ shortcuts, onShortcut }: MessageActionsProps) {
  const [open, setOpen] = useState(false);
  const [placement, setPlacement] = useState<'below' | 'above'>('below');
  const focusOnOpen = useRef(0);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const buttonId = useId();

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const focusItem = (index: number) => items()[index]?.focus();
  const show = (first: number) => {
    focusOnOpen.current = first;
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  // Measured before paint, so that a menu that does not fit below never flashes there first.
  useLayoutEffect(() => {
    if (!open) return;
    const anchor = button.current?.getBoundingClientRect();
    const height = menu.current?.getBoundingClientRect().height ?? 0;
    const area = (
      wrapper.current?.closest('.conversation-scroll') ?? document.documentElement
    ).getBoundingClientRect();
    if (anchor) setPlacement(menuPlacement(anchor, height, area));
    focusItem(focusOnOpen.current < 0 ? items().length - 1 : focusOnOpen.current);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  if (shortcuts.length === 0) return null;

  return (
    <div class={open ? 'message-actions message-actions--open' : 'message-actions'} ref={wrapper}>
      <button
        type="button"
        class="message-actions-button"
        id={buttonId}
        ref={button}
        aria-label="More actions"
        title="More actions"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : show(0))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            show(e.key === 'ArrowDown' ? 0 : -1);
          }
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div
          class={`message-menu message-menu--${placement}`}
          role="menu"
          id={menuId}
          aria-labelledby={buttonId}
          ref={menu}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              // Handled here: an Escape that reached the page would also close a modal under the menu.
              e.preventDefault();
              e.stopPropagation();
              close(true);
              return;
            }
            if (e.key === 'Tab') {
              setOpen(false);
              return;
            }
            const all = items();
            const next = menuIndexAfter(
              e.key,
              all.indexOf(document.activeElement as HTMLElement),
              all.length,
            );
            if (next === undefined) return;
            e.preventDefault();
            focusItem(next);
          }}
        >
          {shortcuts.map((s) => (
            <button
              key={s.callbackId}
              type="button"
              role="menuitem"
              tabIndex={-1}
              class="message-menu-item"
              title={s.description || undefined}
              onClick={() => {
                close(true);
                onShortcut(s.callbackId);
              }}
            >
              {s.name}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
