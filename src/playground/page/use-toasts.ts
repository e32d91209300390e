import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Toast {
  id: number;
  text: string;
}

/** At most this many at once: a burst of refusals should not bury the page. */
const MAX_TOASTS = 4;

let nextId = 1;

/**
 * Short texts shown over the page: what went wrong (kept until dismissed), or what happened (gone after
 * `expireMs`, when given, since good news needs no answer).
 */
export function useToasts(expireMs?: number): {
  toasts: Toast[];
  show: (text: string) => void;
  dismiss: (id: number) => void;
} {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((t) => t.id !== id));
  }, []);

  const show = useCallback(
    (text: string) => {
      const id = nextId++;
      setToasts((current) => {
        // The same text again (a retry, a refetch failing on every event) is one toast, moved last.
        const others = current.filter((t) => t.text !== text);
        return [...others, { id, text }].slice(-MAX_TOASTS);
      });
      if (expireMs === undefined) return;
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        dismiss(id);
      }, expireMs);
      timers.current.add(timer);
    },
    [expireMs, dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  return { toasts, show, dismiss };
}
