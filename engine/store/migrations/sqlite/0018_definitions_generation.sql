-- A counter every change to workflow definitions moves (any writer: a
-- trigger, not the code). The node keeps the definitions its starts use in
-- memory; a start stored from one checks, in its commit, that the counter
-- has not moved since the definition was read. A later migration that
-- rebuilds workflow_definitions (as 0014 did) must create these triggers
-- again: SQLite drops a table's triggers with it.
CREATE TABLE definitions_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
);
INSERT INTO definitions_generation (id, generation) VALUES (1, 0);

CREATE TRIGGER workflow_definitions_inserted AFTER INSERT ON workflow_definitions
BEGIN
    UPDATE definitions_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER workflow_definitions_updated AFTER UPDATE ON workflow_definitions
BEGIN
    UPDATE definitions_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER workflow_definitions_deleted AFTER DELETE ON workflow_definitions
BEGIN
    UPDATE definitions_generation SET generation = generation + 1 WHERE id = 1;
END;
