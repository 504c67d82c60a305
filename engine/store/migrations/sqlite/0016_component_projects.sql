-- Uploaded actions belong to a project, as definitions do: each name of
-- action_components is its project's (versions count per project and
-- name), with Mistral's `scope` (`public`: readable and runnable by every
-- project). Uploads made before belong to the default project.
--
-- SQLite cannot change a primary key: the table is rebuilt as in 0014
-- (SQLite's 12-step procedure). Foreign keys stay on: the table only
-- refers to component_blobs, no table refers to it, and no trigger or view
-- names it. The new columns come last, where ADD COLUMN puts them.

CREATE TABLE action_components_new (
    name          TEXT NOT NULL,
    version       BIGINT NOT NULL,
    digest        TEXT NOT NULL REFERENCES component_blobs (digest),
    -- JSON: {"fuel", "memory", "timeout_secs", "allowed_hosts"}
    limits        TEXT NOT NULL DEFAULT '{}',
    -- JSON of what describe() returned
    descriptor    TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    compile_state TEXT NOT NULL DEFAULT 'ready',
    compile_error TEXT,
    scope         TEXT NOT NULL DEFAULT 'private',
    project_id    TEXT NOT NULL DEFAULT '<default-project>',
    PRIMARY KEY (name, project_id, version)
);
INSERT INTO action_components_new (name, version, digest, limits, descriptor, created_at,
    compile_state, compile_error)
SELECT name, version, digest, limits, descriptor, created_at, compile_state, compile_error
FROM action_components;
DROP TABLE action_components;
ALTER TABLE action_components_new RENAME TO action_components;
-- Step 8: the index dropped with the old table.
CREATE INDEX action_components_digest ON action_components (digest);

-- An action execution of a workflow keeps its execution's project in its
-- own row from now on (it was read through the execution): rows written
-- before get it.
UPDATE action_executions SET project_id = (
    SELECT e.project_id FROM workflow_executions e
    WHERE e.id = action_executions.workflow_execution_id
) WHERE workflow_execution_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM workflow_executions e WHERE e.id = action_executions.workflow_execution_id
);
