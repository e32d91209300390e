-- The digest's "what changed" groups the week's status and risk moves by thing moved. In this order, with
-- every column the query reads, SQLite groups straight off the index and never touches the table rows
-- (a busy week can hold 100,000 entries).
CREATE INDEX history_digest ON history(program_id, entity, field, entity_key, at);
