import { z } from 'zod';

/**
 * The metadata a workstream's weekly thread parent carries in the updates channel: after a post whose answer
 * was lost, reading the channel for it tells whether the parent is there, so no second one is posted.
 */
export const UPDATE_THREAD_EVENT_TYPE = 'rollout_update_thread';

/** A type alias (not an interface) so that it is assignable to Slack's `MessageMetadata`. */
export type UpdateThreadMetadata = {
  event_type: typeof UPDATE_THREAD_EVENT_TYPE;
  event_payload: { program: string; workstream: string; week: string };
};

export type UpdateThreadPayload = UpdateThreadMetadata['event_payload'];

export function updateThreadMetadata(payload: UpdateThreadPayload): UpdateThreadMetadata {
  return { event_type: UPDATE_THREAD_EVENT_TYPE, event_payload: { ...payload } };
}

const messageSchema = z.object({
  metadata: z.object({
    event_type: z.literal(UPDATE_THREAD_EVENT_TYPE),
    event_payload: z.object({ program: z.string(), workstream: z.string(), week: z.string() }),
  }),
});

/** Whether a message from `conversations.history` is the parent of this thread (the author is the caller's check). */
export function isUpdateThreadParent(message: unknown, thread: UpdateThreadPayload): boolean {
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) return false;
  const p = parsed.data.metadata.event_payload;
  return p.program === thread.program && p.workstream === thread.workstream && p.week === thread.week;
}
