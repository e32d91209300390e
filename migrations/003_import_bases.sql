-- What each program's last import applied (the program file, normalized, as JSON, with the store's ids of
-- its risks and actions): the common ancestor of a three-way merge between the next file and what owners
-- changed in Slack since, as kubectl apply keeps its last-applied configuration.
CREATE TABLE import_bases (
  program_id INTEGER PRIMARY KEY REFERENCES programs(id) ON DELETE CASCADE,
  file TEXT NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;
