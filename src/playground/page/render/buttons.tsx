import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { isSafeUrl, type Obj, obj, str } from './block-json.js';
import type { RenderContext } from './context.js';
import { actionFor, optionsOf, overflowAction } from './element-state.js';
import type { ElementProps } from './element-value.js';
import { plainString, Text } from './mrkdwn-view.js';

/** A link button's URL: in the page when it is one the page shows (a canvas), else in a new tab. */
function openLink(url: string | undefined, ctx: RenderContext): void {
  if (!url || !isSafeUrl(url) || ctx.openLink?.(url)) return;
  globalThis.open?.(url, '_blank', 'noopener,noreferrer');
}

export function buttonClass(style: unknown): string {
  return style === 'primary' || style === 'danger' ? `bk-button bk-button--${style}` : 'bk-button';
}

/** What a confirmation dialog says; Slack's defaults where the app left its buttons unnamed. */
export function confirmTexts(confirm: Obj, ctx: RenderContext) {
  return {
    title: plainString(confirm.title, ctx) || 'Are you sure?',
    confirm: plainString(confirm.confirm, ctx) || 'Yes',
    deny: plainString(confirm.deny, ctx) || 'Cancel',
    style: confirm.style === 'danger' ? 'danger' : 'primary',
  };
}

interface ConfirmProps {
  confirm: Obj;
  ctx: RenderContext;
  onConfirm: () => void;
  onDeny: () => void;
}

/** Slack's "are you sure?" before a button acts. */
export function ConfirmDialog({ confirm, ctx, onConfirm, onDeny }: ConfirmProps) {
  const texts = confirmTexts(confirm, ctx);
  const textId = useId();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmButton.current?.focus(), []);
  return (
    <div class="bk-confirm-backdrop">
      <div
        class="bk-confirm"
        role="alertdialog"
        aria-modal="true"
        aria-label={texts.title}
        aria-describedby={textId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDeny();
        }}
      >
        <h3 class="bk-confirm__title">{texts.title}</h3>
        <div class="bk-confirm__text" id={textId}>
          <Text obj={confirm.text} ctx={ctx} />
        </div>
        <div class="bk-confirm__buttons">
          <button type="button" class="bk-button" onClick={onDeny}>
            {texts.deny}
          </button>
          <button type="button" class={buttonClass(texts.style)} ref={confirmButton} onClick={onConfirm}>
            {texts.confirm}
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * A button: its text is its accessible name (`accessibility_label`, which Slack reads out instead, is
 * its tooltip here). A link button opens its link and, as in Slack, is still sent to the app.
 */
export function ButtonElement({ element, blockId, ctx }: ElementProps) {
  const [confirming, setConfirming] = useState(false);
  const confirm = obj(element.confirm);
  const act = () => {
    openLink(str(element.url), ctx);
    ctx.onAction?.(actionFor(element, blockId));
  };
  return (
    <>
      <button
        type="button"
        class={buttonClass(element.style)}
        title={str(element.accessibility_label)}
        onClick={() => (confirm ? setConfirming(true) : act())}
      >
        {plainString(element.text, ctx)}
      </button>
      {confirm && confirming && (
        <ConfirmDialog
          confirm={confirm}
          ctx={ctx}
          onConfirm={() => {
            setConfirming(false);
            act();
          }}
          onDeny={() => setConfirming(false)}
        />
      )}
    </>
  );
}

/** The "⋯" menu: each option is a menu item; choosing one sends it as the action's selected option. */
export function OverflowMenu({ element, blockId, ctx }: ElementProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const choose = (value: string, url: string | undefined) => {
    setOpen(false);
    openLink(url, ctx);
    const action = overflowAction(element, blockId, value);
    if (action) ctx.onAction?.(action);
  };
  return (
    <span class="bk-overflow">
      <button
        type="button"
        class="bk-button bk-overflow__toggle"
        aria-label="More actions"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
      >
        ⋯
      </button>
      {open && (
        <div
          class="bk-overflow__menu"
          role="menu"
          id={menuId}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          {optionsOf(element).map((o) => (
            <button
              key={o.value}
              type="button"
              role="menuitem"
              class="bk-overflow__item"
              onClick={() => choose(o.value, str((o as unknown as Obj).url))}
            >
              {plainString(o.text, ctx)}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
