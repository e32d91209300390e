-- Target dates whose slips stay visible: the first target a workstream or milestone gets is its baseline,
-- kept when the target moves (an admin may re-baseline; the history says so). Dates are YYYY-MM-DD.
ALTER TABLE workstreams ADD COLUMN target TEXT;
ALTER TABLE workstreams ADD COLUMN baseline TEXT;

-- Milestones gain a key (so an import knows one after it was renamed), an owner, dates and a version;
-- a key for the ones already there is made from the name as the importer makes one.
ALTER TABLE milestones ADD COLUMN key TEXT;
ALTER TABLE milestones ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE milestones ADD COLUMN target TEXT;
ALTER TABLE milestones ADD COLUMN baseline TEXT;
ALTER TABLE milestones ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
UPDATE milestones SET key = lower(replace(trim(name), ' ', '-'));
CREATE UNIQUE INDEX milestones_by_key ON milestones(program_id, key);

-- A milestone may wait on other milestones as well as on workstreams; `position` keeps the file's order
-- across the two tables.
ALTER TABLE milestone_dependencies ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
CREATE TABLE milestone_milestone_dependencies (
  milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,
  depends_on_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (milestone_id, depends_on_id)
) STRICT;

-- A date conflict (something due before what it depends on) is told to its owners once, when it first
-- appears; a conflict that goes away and comes back is told again.
CREATE TABLE date_conflicts_told (
  program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  subject TEXT NOT NULL,
  upstream TEXT NOT NULL,
  told_at TEXT NOT NULL,
  PRIMARY KEY (program_id, subject, upstream)
) STRICT;
