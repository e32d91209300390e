import { z } from 'zod';
import { BLOCK_LIMITS } from './limits.js';

/**
 * What a button (or a modal's `private_metadata`) carries so that its listener knows which program and
 * item it is about: JSON with short keys (button values allow 2000 characters; slugs and keys are at most
 * 64 each), one zod codec per kind, so that the same schema writes a value and checks it when it comes
 * back from outside like any other input. The JSON is what it was before the codecs: buttons already in
 * Slack messages still decode.
 */

/** A string of JSON, read into `wire` (and `wire` written back as JSON). */
function json<T extends z.ZodType>(wire: T) {
  return z.codec(z.string(), wire, {
    decode: (text, ctx) => {
      try {
        return JSON.parse(text);
      } catch {
        ctx.issues.push({ code: 'invalid_format', format: 'json', input: text });
        return z.NEVER;
      }
    },
    encode: (value) => JSON.stringify(value),
  });
}

/** Reads a button's value with `codec`: undefined for anything else (no value, not JSON, a wrong shape). */
function decoder<V>(codec: z.ZodType<V, string>) {
  return (value: string | undefined): V | undefined => {
    if (value === undefined) return undefined;
    const parsed = z.safeDecode(codec, value);
    return parsed.success ? parsed.data : undefined;
  };
}

const name = z.string().min(1);
const version = z.number().int().positive();

export interface WorkstreamRef {
  program: string;
  workstream: string;
}

const workstreamRef = z.codec(json(z.object({ p: name, w: name })), z.custom<WorkstreamRef>(), {
  decode: (v) => ({ program: v.p, workstream: v.w }),
  encode: (ref) => ({ p: ref.program, w: ref.workstream }),
});
export const encodeWorkstreamRef = (ref: WorkstreamRef): string => z.encode(workstreamRef, ref);
export const decodeWorkstreamRef = decoder(workstreamRef);

const programRef = z.codec(json(z.object({ p: name })), z.string(), {
  decode: (v) => v.p,
  encode: (program) => ({ p: program }),
});
export const encodeProgramRef = (program: string): string => z.encode(programRef, program);
export const decodeProgramRef = decoder(programRef);

export interface StatusPageRef {
  program: string;
  /** Counts from 0. */
  page: number;
}

const statusPageRef = z.codec(
  json(z.object({ p: name, n: z.number().int().min(0) })),
  z.custom<StatusPageRef>(),
  {
    decode: (v) => ({ program: v.p, page: v.n }),
    encode: (ref) => ({ p: ref.program, n: ref.page }),
  },
);
export const encodeStatusPageRef = (ref: StatusPageRef): string => z.encode(statusPageRef, ref);
export const decodeStatusPageRef = decoder(statusPageRef);

/** The update modal's `private_metadata`: which workstream, and the version the form was opened on. */
export interface UpdateRef extends WorkstreamRef {
  version: number;
}

const updateRef = z.codec(json(z.object({ p: name, w: name, v: version })), z.custom<UpdateRef>(), {
  decode: (v) => ({ program: v.p, workstream: v.w, version: v.v }),
  encode: (ref) => ({ p: ref.program, w: ref.workstream, v: ref.version }),
});
export const encodeUpdateRef = (ref: UpdateRef): string => z.encode(updateRef, ref);
export const decodeUpdateRef = decoder(updateRef);

/**
 * One item of a program's lists (a risk, a readiness dimension, a next action): on its buttons, the
 * version the list showed; in an edit modal's `private_metadata`, the version the form was opened on.
 */
export interface ItemRef {
  program: string;
  id: number;
  version: number;
}

const itemRef = z.codec(
  json(z.object({ p: name, i: z.number().int().positive(), v: version })),
  z.custom<ItemRef>(),
  {
    decode: (v) => ({ program: v.p, id: v.i, version: v.v }),
    encode: (ref) => ({ p: ref.program, i: ref.id, v: ref.version }),
  },
);
export const encodeItemRef = (ref: ItemRef): string => z.encode(itemRef, ref);
export const decodeItemRef = decoder(itemRef);

/** The ref of an item as it is now: its program's slug, its id and its version. */
export function encodeItemOf(program: { slug: string }, item: { id: number; version: number }): string {
  return encodeItemRef({ program: program.slug, id: item.id, version: item.version });
}

/** Where Slack's response_urls are: https://hooks.slack.com/actions/…, /commands/…. */
export const SLACK_HOOKS_ORIGIN = 'https://hooks.slack.com';

/**
 * The origin of the stand-in Slack (src/slack-standin) when Rollout is pointed at one (`SLACK_API_URL`
 * http://127.0.0.1:PORT/api/, in tests and the playground): its response_urls are there. Undefined for
 * Slack itself, or any other API URL.
 */
export function standInOrigin(slackApiUrl: string | undefined): string | undefined {
  if (!slackApiUrl || !URL.canParse(slackApiUrl)) return undefined;
  const url = new URL(slackApiUrl);
  return url.protocol === 'http:' && url.hostname === '127.0.0.1' ? url.origin : undefined;
}

/**
 * A response_url Rollout may POST to: one on Slack's https://hooks.slack.com, or, when Rollout talks to a
 * stand-in Slack (`standIn`, see standInOrigin), one on that stand-in; nothing else (no other host, scheme or
 * port, no credentials). What comes back in a form's `private_metadata` is checked with it like any other
 * input, so that a forged one cannot make the server POST elsewhere.
 */
export function listReplyUrl(standIn?: string) {
  return z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .refine((text) => {
      // Refinements run even when the checks above failed.
      if (!URL.canParse(text)) return false;
      const url = new URL(text);
      if (url.username || url.password) return false;
      return url.origin === SLACK_HOOKS_ORIGIN || (standIn !== undefined && url.origin === standIn);
    }, 'not a response_url of Slack');
}

/**
 * A form opened from a list message carries, beside the ref of what it is about, `r`: the response_url of
 * the click that opened it, so that once saved the list can be replaced by the list as it is now. The ref's
 * own codec ignores `r`; other keys are kept.
 */
function listReply(standIn?: string) {
  return json(z.looseObject({ r: listReplyUrl(standIn).optional() }));
}

/**
 * `metadata` (a form's ref, JSON) with `responseUrl` beside it; `metadata` as it was when that URL is not one
 * to answer, or when both would not fit Slack's 3000 characters of `private_metadata` (the list then stays).
 */
export function withListReply(metadata: string, responseUrl: string | undefined, standIn?: string): string {
  const url = listReplyUrl(standIn).safeParse(responseUrl);
  const codec = listReply(standIn);
  const form = z.safeDecode(codec, metadata);
  if (!url.success || !form.success) return metadata;
  const carried = z.encode(codec, { ...form.data, r: url.data });
  return carried.length <= BLOCK_LIMITS.privateMetadata ? carried : metadata;
}

/** The response_url a form's `private_metadata` carries; undefined when none, or one not to answer. */
export function decodeListReply(metadata: string | undefined, standIn?: string): string | undefined {
  return decoder(listReply(standIn))(metadata)?.r;
}
