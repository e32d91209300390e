/** A Slack text object as the renderer's `Text` takes it. */
export interface TextObject {
  type: 'plain_text' | 'mrkdwn';
  text: string;
}

/** What a modal's frame shows around its blocks: title, close and (when it has one) submit. */
export interface ViewFrame {
  title: TextObject;
  close: TextObject;
  submit?: TextObject;
}

/**
 * Reads the frame's texts from a view as the app sent it. The view is the app's JSON, so anything can be
 * missing or malformed; Slack would have refused such a view, but the page must still show something.
 */
export function viewFrame(view: Record<string, unknown>): ViewFrame {
  const submit = textObject(view.submit);
  return {
    title: textObject(view.title) ?? { type: 'plain_text', text: 'Untitled' },
    close: textObject(view.close) ?? { type: 'plain_text', text: 'Cancel' },
    ...(submit ? { submit } : {}),
  };
}

export function textObject(value: unknown): TextObject | undefined {
  if (typeof value === 'string') return { type: 'plain_text', text: value };
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, text } = value as { type?: unknown; text?: unknown };
  if (typeof text !== 'string') return undefined;
  return { type: type === 'mrkdwn' ? 'mrkdwn' : 'plain_text', text };
}
