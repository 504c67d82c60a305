-- A counter every change to workflow definitions moves (any writer, any
-- node: a trigger, not the code). A node keeps the definitions its starts
-- use in memory; a start stored from one checks, in its commit, that the
-- counter has not moved since the definition was read, so a node never
-- starts a definition another node has changed or deleted meanwhile.
CREATE TABLE definitions_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);
INSERT INTO definitions_generation (id, generation) VALUES (1, 0);

CREATE FUNCTION bump_definitions_generation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE definitions_generation SET generation = generation + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER workflow_definitions_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON workflow_definitions
FOR EACH STATEMENT EXECUTE FUNCTION bump_definitions_generation();
