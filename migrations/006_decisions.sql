-- The decision register: what a program waits on someone to decide, and what was decided.
-- `workstreams` and `deciders` hold keys and Slack user IDs, comma-separated, as the history does.
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  question TEXT NOT NULL,
  workstreams TEXT NOT NULL DEFAULT '',
  deciders TEXT NOT NULL DEFAULT '',
  needed_by TEXT,
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','decided','deferred','withdrawn')),
  outcome TEXT NOT NULL DEFAULT '',
  decided_by TEXT NOT NULL DEFAULT '',
  decided_at TEXT,
  link TEXT,
  -- why it was deferred or withdrawn
  reason TEXT NOT NULL DEFAULT '',
  opened_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX decisions_by_program ON decisions(program_id, state);

-- The history's entity check gains 'decision'. SQLite cannot change a CHECK in place: the table is
-- rebuilt with its rows, indexes and append-only trigger.
CREATE TABLE history_new (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  entity TEXT NOT NULL CHECK (entity IN ('program','workstream','risk','readiness','action','reference','milestone','decision')),
  entity_key TEXT NOT NULL,
  entity_label TEXT NOT NULL,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO history_new SELECT * FROM history;
DROP TABLE history;
ALTER TABLE history_new RENAME TO history;
CREATE INDEX history_by_entity ON history(program_id, entity, entity_key, id);
CREATE INDEX history_by_time ON history(program_id, at);
CREATE INDEX history_digest ON history(program_id, entity, field, entity_key, at);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
