import type { TargetedKeyboardEvent } from 'preact';
import { useState } from 'preact/hooks';
import { CHAT_HINT, composerIntent } from '../composer-text.js';

interface ComposerProps {
  placeholder: string;
  /** Resolves true when the server took the command (the composer then clears). */
  onCommand: (text: string) => Promise<boolean>;
}

export function Composer({ placeholder, onCommand }: ComposerProps) {
  const [text, setText] = useState('');
  const [hint, setHint] = useState('');
  const [sending, setSending] = useState(false);

  const send = async () => {
    if (sending) return;
    const intent = composerIntent(text);
    if (intent.kind === 'empty') return;
    if (intent.kind === 'chat') {
      setHint(CHAT_HINT);
      return;
    }
    setHint('');
    setSending(true);
    try {
      if (await onCommand(intent.text)) setText('');
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    // Shift+Enter is a new line, as in Slack; Enter while an IME is composing picks a candidate.
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
    e.preventDefault();
    void send();
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div class="composer-box">
        <textarea
          class="composer-input"
          aria-label="Message"
          placeholder={placeholder}
          rows={1}
          value={text}
          aria-busy={sending}
          onInput={(e) => {
            setText(e.currentTarget.value);
            if (hint) setHint('');
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" class="composer-send" disabled={sending || !text.trim()}>
          Send
        </button>
      </div>
      <p class="composer-hint" aria-live="polite">
        {hint}
      </p>
    </form>
  );
}
