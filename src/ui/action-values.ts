import { z } from 'zod';

/**
 * What a button carries so that its listener knows which program and workstream it is about. Encoded as
 * JSON (button values allow 2000 characters; slugs and keys are at most 64 each) and parsed back with zod,
 * since a value arrives from outside like any other input.
 */
const workstreamRef = z.object({ p: z.string().min(1), w: z.string().min(1) });
const programRef = z.object({ p: z.string().min(1) });
const statusPageRef = z.object({ p: z.string().min(1), n: z.number().int().min(0) });

export interface WorkstreamRef {
  program: string;
  workstream: string;
}

export function encodeWorkstreamRef(ref: WorkstreamRef): string {
  return JSON.stringify({ p: ref.program, w: ref.workstream });
}

export function decodeWorkstreamRef(value: string | undefined): WorkstreamRef | undefined {
  const parsed = workstreamRef.safeParse(safeJson(value));
  return parsed.success ? { program: parsed.data.p, workstream: parsed.data.w } : undefined;
}

export function encodeProgramRef(program: string): string {
  return JSON.stringify({ p: program });
}

export function decodeProgramRef(value: string | undefined): string | undefined {
  const parsed = programRef.safeParse(safeJson(value));
  return parsed.success ? parsed.data.p : undefined;
}

export interface StatusPageRef {
  program: string;
  /** Counts from 0. */
  page: number;
}

export function encodeStatusPageRef(ref: StatusPageRef): string {
  return JSON.stringify({ p: ref.program, n: ref.page });
}

export function decodeStatusPageRef(value: string | undefined): StatusPageRef | undefined {
  const parsed = statusPageRef.safeParse(safeJson(value));
  return parsed.success ? { program: parsed.data.p, page: parsed.data.n } : undefined;
}

function safeJson(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** The update modal's `private_metadata`: which workstream, and the version the form was opened on. */
const updateRef = z.object({ p: z.string().min(1), w: z.string().min(1), v: z.number().int().positive() });

export interface UpdateRef extends WorkstreamRef {
  version: number;
}

export function encodeUpdateRef(ref: UpdateRef): string {
  return JSON.stringify({ p: ref.program, w: ref.workstream, v: ref.version });
}

export function decodeUpdateRef(value: string | undefined): UpdateRef | undefined {
  const parsed = updateRef.safeParse(safeJson(value));
  return parsed.success
    ? { program: parsed.data.p, workstream: parsed.data.w, version: parsed.data.v }
    : undefined;
}

/**
 * One item of a program's lists (a risk, a readiness dimension, a next action): on its buttons, the
 * version the list showed; in an edit modal's `private_metadata`, the version the form was opened on.
 */
const itemRef = z.object({
  p: z.string().min(1),
  i: z.number().int().positive(),
  v: z.number().int().positive(),
});

export interface ItemRef {
  program: string;
  id: number;
  version: number;
}

export function encodeItemRef(ref: ItemRef): string {
  return JSON.stringify({ p: ref.program, i: ref.id, v: ref.version });
}

/** The ref of an item as it is now: its program's slug, its id and its version. */
export function encodeItemOf(program: { slug: string }, item: { id: number; version: number }): string {
  return encodeItemRef({ program: program.slug, id: item.id, version: item.version });
}

export function decodeItemRef(value: string | undefined): ItemRef | undefined {
  const parsed = itemRef.safeParse(safeJson(value));
  return parsed.success ? { program: parsed.data.p, id: parsed.data.i, version: parsed.data.v } : undefined;
}
