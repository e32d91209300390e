import type { Db } from '../db/open.js';
import type { HistoryEntry } from '../domain/program.js';
import { HISTORY_ENTRY_COLUMNS } from './history-writer.js';

export type CanvasKind = 'channel' | 'standalone';

/** The canvas Rollout keeps for a program, and what it last put on it. */
export interface CanvasRecord {
  programId: number;
  channel: string;
  /** Null until made, and again once Slack said it was gone. */
  canvasId: string | null;
  kind: CanvasKind;
  /** Where people open it (the workspace's docs link), when Slack said which workspace this is. */
  url: string | null;
  /** Hash of the Markdown Slack last accepted for it. */
  publishedHash: string | null;
  publishedAt: string | null;
  /** A create whose answer was lost: Slack may have made the canvas. */
  createUncertainAt: string | null;
}

interface CanvasRow {
  program_id: number;
  channel: string;
  canvas_id: string | null;
  kind: CanvasKind;
  url: string | null;
  published_hash: string | null;
  published_at: string | null;
  create_uncertain_at: string | null;
}

/** Program canvases and the history their pages show, as prepared statements. */
export class ProgramCanvases {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      get: db.prepare<[number], CanvasRow>('SELECT * FROM program_canvases WHERE program_id = ?'),
      wanted: db.prepare<[], { id: number; slug: string; channel: string }>(
        'SELECT id, slug, canvas_channel AS channel FROM programs WHERE canvas_channel IS NOT NULL ORDER BY slug',
      ),
      made: db.prepare(
        `INSERT INTO program_canvases (program_id, channel, canvas_id, kind, url, published_hash, published_at)
         VALUES (@programId, @channel, @canvasId, @kind, @url, @hash, @at)
         ON CONFLICT (program_id) DO UPDATE SET channel = excluded.channel, canvas_id = excluded.canvas_id,
           kind = excluded.kind, url = excluded.url, published_hash = excluded.published_hash,
           published_at = excluded.published_at, create_uncertain_at = NULL`,
      ),
      uncertain: db.prepare(
        `INSERT INTO program_canvases (program_id, channel, canvas_id, kind, create_uncertain_at)
         VALUES (@programId, @channel, NULL, @kind, @at)
         ON CONFLICT (program_id) DO UPDATE SET channel = excluded.channel, canvas_id = NULL,
           kind = excluded.kind, create_uncertain_at = excluded.create_uncertain_at`,
      ),
      published: db.prepare(
        `UPDATE program_canvases SET published_hash = ?, published_at = ?
         WHERE program_id = ? AND canvas_id = ?`,
      ),
      gone: db.prepare(
        `UPDATE program_canvases SET canvas_id = NULL, published_hash = NULL, url = NULL
         WHERE program_id = ? AND canvas_id = ?`,
      ),
      lastChange: db.prepare<[number], HistoryEntry>(
        `SELECT ${HISTORY_ENTRY_COLUMNS} FROM history WHERE program_id = ? ORDER BY id DESC LIMIT 1`,
      ),
      recent: db.prepare<[number, string, number, number], HistoryEntry>(
        `SELECT ${HISTORY_ENTRY_COLUMNS} FROM history
         WHERE program_id = ? AND at >= ? AND at > (SELECT created_at FROM programs WHERE id = ?)
         ORDER BY id DESC LIMIT ?`,
      ),
    };
  }

  get(programId: number): CanvasRecord | undefined {
    const row = this.q.get.get(programId);
    return (
      row && {
        programId: row.program_id,
        channel: row.channel,
        canvasId: row.canvas_id,
        kind: row.kind,
        url: row.url,
        publishedHash: row.published_hash,
        publishedAt: row.published_at,
        createUncertainAt: row.create_uncertain_at,
      }
    );
  }

  /** Programs that name a canvas channel, whether or not their canvas exists yet. */
  wanted(): { id: number; slug: string; channel: string }[] {
    return this.q.wanted.all();
  }

  /** A canvas made (or adopted) with `hash` on it; null when what is on it is not known yet. */
  recordMade(input: {
    programId: number;
    channel: string;
    canvasId: string;
    kind: CanvasKind;
    url: string | null;
    hash: string | null;
    at: Date;
  }): void {
    this.q.made.run({ ...input, at: input.hash ? input.at.toISOString() : null });
  }

  recordCreateUncertain(programId: number, channel: string, kind: CanvasKind, at: Date): void {
    this.q.uncertain.run({ programId, channel, kind, at: at.toISOString() });
  }

  /** Only for the canvas still on record: a canvas replaced meanwhile keeps its own state. */
  recordPublished(programId: number, canvasId: string, hash: string, at: Date): void {
    this.q.published.run(hash, at.toISOString(), programId, canvasId);
  }

  /** Slack said the canvas is gone: the next publish makes another. */
  recordGone(programId: number, canvasId: string): void {
    this.q.gone.run(programId, canvasId);
  }

  lastChange(programId: number): HistoryEntry | undefined {
    return this.q.lastChange.get(programId);
  }

  /** Newest first, from `since` (ISO) on; what the import that created the program wrote is not a change. */
  recentChanges(programId: number, since: string, limit: number): HistoryEntry[] {
    return this.q.recent.all(programId, since, programId, limit);
  }
}
