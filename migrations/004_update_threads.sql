-- The parent message each workstream gets in its program's updates channel, one per ISO week (in the
-- program's time zone): edited in place to show the current status, with each change as a thread reply.
-- A row is claimed (ts NULL) BEFORE the parent is posted, so two saves at once cannot both post one.
CREATE TABLE update_threads (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  workstream_key TEXT NOT NULL,
  week TEXT NOT NULL,
  channel TEXT NOT NULL,
  ts TEXT,
  claimed_at TEXT NOT NULL,
  UNIQUE (program_id, workstream_key, week)
) STRICT;
