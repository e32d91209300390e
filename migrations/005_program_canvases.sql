-- A program may keep its page as a Slack canvas in a channel (program file: `canvas: { channel }`).
ALTER TABLE programs ADD COLUMN canvas_channel TEXT;

-- The canvas Rollout made for a program, and what it last put on it. `published_hash` is the hash of the
-- Markdown Slack accepted: a canvas whose page renders to another hash is behind and gets an edit, which is
-- also how a restarted server catches up. `create_uncertain_at` marks a create whose answer was lost, so the
-- next try can adopt the canvas Slack may have made instead of taking it for someone else's.
CREATE TABLE program_canvases (
  program_id INTEGER PRIMARY KEY REFERENCES programs(id) ON DELETE CASCADE,
  channel TEXT NOT NULL,
  canvas_id TEXT,
  -- 'channel': the channel's own canvas; 'standalone': made apart and tabbed in the channel because the
  -- channel already had a canvas Rollout did not make
  kind TEXT NOT NULL CHECK (kind IN ('channel', 'standalone')),
  url TEXT,
  published_hash TEXT,
  published_at TEXT,
  create_uncertain_at TEXT
) STRICT;
