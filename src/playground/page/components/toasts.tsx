import type { Toast } from '../use-toasts.js';

interface ToastsProps {
  alerts: readonly Toast[];
  notices: readonly Toast[];
  onDismiss: (id: number) => void;
}

/**
 * What went wrong (role alert) and what happened (role status), over everything including a modal. Both
 * regions stay in the page even when empty, so screen readers announce what is added to them.
 */
export function Toasts({ alerts, notices, onDismiss }: ToastsProps) {
  return (
    <div class="toasts">
      <div class="toast-list" role="alert">
        {alerts.map((t) => (
          <ToastItem key={t.id} toast={t} tone="toast-alert" onDismiss={onDismiss} />
        ))}
      </div>
      <div class="toast-list" role="status">
        {notices.map((t) => (
          <ToastItem key={t.id} toast={t} tone="toast-notice" onDismiss={onDismiss} />
        ))}
      </div>
    </div>
  );
}

function ToastItem({
  toast,
  tone,
  onDismiss,
}: {
  toast: Toast;
  tone: string;
  onDismiss: (id: number) => void;
}) {
  return (
    <div class={`toast ${tone}`}>
      <span class="toast-text">{toast.text}</span>
      <button type="button" class="toast-dismiss" aria-label="Dismiss" onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}
