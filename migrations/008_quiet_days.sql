-- Quiet days: a program's non-working days, people away, and backup owners.

-- Holidays in the program's time zone: a day, or a range of days (first_day to last_day, both included).
CREATE TABLE program_holidays (
  program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  first_day TEXT NOT NULL,
  last_day TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (program_id, position)
) STRICT;

-- Who may update a workstream besides its owners, and is reminded while every owner is away.
CREATE TABLE workstream_backups (
  workstream_id INTEGER NOT NULL REFERENCES workstreams(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  PRIMARY KEY (workstream_id, user_id)
) STRICT;
CREATE INDEX workstream_backups_by_user ON workstream_backups(user_id);

-- People who said they are away (`/rollout away until DATE`): away through `until` (YYYY-MM-DD, in their
-- own time zone). A Slack status that says so counts too, without a row.
CREATE TABLE people_away (
  user_id TEXT PRIMARY KEY,
  until TEXT NOT NULL,
  set_at TEXT NOT NULL
) STRICT;
