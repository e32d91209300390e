import { z } from 'zod';

/**
 * The message metadata a posted digest carries (Slack's `metadata` on chat.postMessage). Reading the
 * channel's recent history for it tells the delivery that a week's digest is already in the channel, even
 * when the run was claimed but the process died before recording the post.
 */

export const DIGEST_EVENT_TYPE = 'rollout_digest';

/** A type alias (not an interface) so that it is assignable to Slack's `MessageMetadata`. */
export type DigestMetadata = {
  event_type: typeof DIGEST_EVENT_TYPE;
  event_payload: {
    /** Program slug. */
    program: string;
    /** ISO week key, e.g. "2026-W48". */
    week: string;
    /** The digest run's unique key (digest_runs.digest_key). */
    digest_key: string;
  };
};

export type DigestMetadataPayload = DigestMetadata['event_payload'];

export function digestMetadata(payload: DigestMetadataPayload): DigestMetadata {
  return { event_type: DIGEST_EVENT_TYPE, event_payload: { ...payload } };
}

const payloadSchema = z.object({
  program: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  digest_key: z.string().min(1),
});

const messageSchema = z.object({
  metadata: z.object({ event_type: z.literal(DIGEST_EVENT_TYPE), event_payload: payloadSchema }),
});

/**
 * The digest payload of a message from `conversations.history` (called with `include_all_metadata`), or
 * undefined for any other message. Checking that the message came from this app (its `bot_id` or
 * `app_id`) is the caller's part: metadata alone can be posted by anyone's app.
 */
export function parseDigestMetadata(message: unknown): DigestMetadataPayload | undefined {
  const parsed = messageSchema.safeParse(message);
  return parsed.success ? parsed.data.metadata.event_payload : undefined;
}
