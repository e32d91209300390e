-- The program store: what the seed status page holds, kept live.

CREATE TABLE programs (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  timezone TEXT NOT NULL DEFAULT 'UTC',
  digest_channel TEXT,
  digest_schedule TEXT,
  -- day-before reminders to owners; NULL turns them off
  reminder_days_before INTEGER DEFAULT 1,
  updates_channel TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE program_admins (
  program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  PRIMARY KEY (program_id, user_id)
) STRICT;

CREATE TABLE workstreams (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  owner_team TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('in-discovery','drafted','needs-decision','needs-validation','blocked','done')),
  risk TEXT NOT NULL CHECK (risk IN ('high','medium','low')),
  blocker TEXT NOT NULL DEFAULT '',
  status_since TEXT NOT NULL,
  updated_by TEXT,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (program_id, key)
) STRICT;

CREATE TABLE workstream_owners (
  workstream_id INTEGER NOT NULL REFERENCES workstreams(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  PRIMARY KEY (workstream_id, user_id)
) STRICT;
CREATE INDEX workstream_owners_by_user ON workstream_owners(user_id);

CREATE TABLE workstream_dependencies (
  workstream_id INTEGER NOT NULL REFERENCES workstreams(id) ON DELETE CASCADE,
  depends_on_id INTEGER NOT NULL REFERENCES workstreams(id) ON DELETE CASCADE,
  PRIMARY KEY (workstream_id, depends_on_id)
) STRICT;

-- Program-level items that are not workstreams but wait on them (the page's "Internal readiness gate").
CREATE TABLE milestones (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (program_id, name)
) STRICT;

CREATE TABLE milestone_dependencies (
  milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,
  depends_on_id INTEGER NOT NULL REFERENCES workstreams(id) ON DELETE CASCADE,
  PRIMARY KEY (milestone_id, depends_on_id)
) STRICT;

CREATE TABLE risks (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('high','medium','low')),
  workstream_id INTEGER REFERENCES workstreams(id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
  opened_at TEXT NOT NULL,
  closed_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX risks_by_program ON risks(program_id, status);

CREATE TABLE readiness (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  signal TEXT NOT NULL CHECK (signal IN ('not-ready','partial','ready')),
  note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (program_id, name)
) STRICT;

CREATE TABLE actions (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  owner TEXT,
  workstream_id INTEGER REFERENCES workstreams(id) ON DELETE SET NULL,
  due TEXT,
  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX actions_by_program ON actions(program_id, done);

CREATE TABLE program_references (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  url TEXT
) STRICT;

-- Append-only: who changed what, when, from what to what.
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  entity TEXT NOT NULL CHECK (entity IN ('program','workstream','risk','readiness','action','reference','milestone')),
  entity_key TEXT NOT NULL,
  entity_label TEXT NOT NULL,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX history_by_entity ON history(program_id, entity, entity_key, id);
CREATE INDEX history_by_time ON history(program_id, at);

CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

-- One row per program per ISO week (seq > 0 only for a forced extra digest); claimed before posting.
CREATE TABLE digest_runs (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  week_key TEXT NOT NULL,
  seq INTEGER NOT NULL DEFAULT 0,
  digest_key TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('claimed','posted','failed')),
  trigger TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  claimed_by TEXT NOT NULL,
  posted_at TEXT,
  channel TEXT NOT NULL,
  message_ts TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  UNIQUE (program_id, week_key, seq)
) STRICT;

CREATE TABLE reminders_sent (
  program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  week_key TEXT NOT NULL,
  user_id TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  PRIMARY KEY (program_id, week_key, user_id)
) STRICT;
