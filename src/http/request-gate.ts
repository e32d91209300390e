import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { RefusalLog, RefusalReason } from './refusal-log.js';

/**
 * The largest request body Rollout takes, in bytes. Its largest legitimate payload is a click in a full
 * App Home tab (Slack sends the whole view back): 1.03 MB with every field at its limit in CJK text (each
 * row's current state included), the costliest to form-encode (9 bytes a character); the fullest modal's
 * submission is 193 KB (tests/http/payload-sizes.test.ts measures them). 1.5 MiB leaves 40% on top of that,
 * against Bolt's 4 MB.
 */
export const BODY_LIMIT_BYTES = 1.5 * 1024 * 1024;

/** Slack's own window (and Bolt's): a request signed longer ago than this is a replay. */
const MAX_AGE_SECONDS = 5 * 60;

export interface GateOptions {
  signingSecret: string;
  /** Paths Slack POSTs to; everything else (GET /healthz…) passes straight through. */
  endpoints: readonly string[];
  bodyLimit: number;
  refusals: RefusalLog;
}

/**
 * Puts a check in front of Bolt's request handler: a POST to Slack's endpoint is refused unless it carries
 * Slack's signature headers with a fresh timestamp (before its body is read), a body no larger than the
 * limit (by its Content-Length, then as it arrives) and a signature that matches. What passes reaches Bolt
 * with its body already read, which Bolt takes as is (and verifies again). Bolt itself would buffer up to
 * 4 MB of anyone's body before looking at the signature, and log each refusal on a line of its own.
 */
export function gateRequests(next: RequestListener, options: GateOptions): RequestListener {
  return (req, res) => {
    if (req.method !== 'POST' || !options.endpoints.includes(pathOf(req))) {
      next(req, res);
      return;
    }
    const signature = req.headers['x-slack-signature'];
    const timestamp = req.headers['x-slack-request-timestamp'];
    if (typeof signature !== 'string' || typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) {
      refuse(res, 401, 'unsigned', options.refusals);
      return;
    }
    if (Number(timestamp) < Date.now() / 1000 - MAX_AGE_SECONDS) {
      refuse(res, 401, 'stale', options.refusals);
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (declared > options.bodyLimit) {
      refuse(res, 413, 'too_large', options.refusals);
      return;
    }
    readBody(req, options.bodyLimit, (body) => {
      if (body === 'too_large') {
        refuse(res, 413, 'too_large', options.refusals);
        return;
      }
      if (!signatureMatches(options.signingSecret, timestamp, body, signature)) {
        refuse(res, 401, 'bad_signature', options.refusals);
        return;
      }
      // Bolt reads `rawBody` when it is there instead of reading the (now consumed) stream again.
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
      try {
        next(req, res);
      } catch {
        // Bolt's handler for the endpoint does its work in a promise of its own; a throw here is a bug.
        if (!res.headersSent) res.writeHead(500).end();
      }
    });
  };
}

/** The path as Bolt routes it (normalised by URL), so that no spelling of the endpoint slips past the gate. */
function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://localhost').pathname;
}

/**
 * The body, or 'too_large' as soon as it passes `limit` (what came is dropped, not kept). A client that
 * goes away midway gets no callback: there is no one left to answer.
 */
function readBody(req: IncomingMessage, limit: number, done: (body: Buffer | 'too_large') => void): void {
  let chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  req.on('data', (chunk: Buffer) => {
    if (over) return;
    size += chunk.length;
    if (size > limit) {
      over = true;
      chunks = [];
      done('too_large');
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (!over) done(Buffer.concat(chunks, size));
  });
  req.on('error', () => {
    chunks = [];
  });
}

function signatureMatches(secret: string, timestamp: string, body: Buffer, signature: string): boolean {
  const expected = Buffer.from(
    `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Answers at once and closes the connection, so that whatever of the body is still on its way is never
 * read; the refusal is counted for the once-a-minute log line, not logged on its own.
 */
function refuse(res: ServerResponse, status: 401 | 413, reason: RefusalReason, refusals: RefusalLog): void {
  refusals.count(reason);
  if (res.headersSent) return;
  res.writeHead(status, { connection: 'close', 'content-length': '0' });
  res.end();
}
