-- Uploaded actions belong to a project, as definitions do: each name of
-- action_components is its project's (versions count per project and
-- name), with Mistral's `scope` (`public`: readable and runnable by every
-- project). Uploads made before belong to the default project. The new
-- primary key has the name PostgreSQL gives one in a CREATE TABLE.
-- (SQLite rebuilds the table for the same change.)

ALTER TABLE action_components ADD COLUMN scope TEXT NOT NULL DEFAULT 'private';
ALTER TABLE action_components ADD COLUMN project_id TEXT NOT NULL DEFAULT '<default-project>';
ALTER TABLE action_components DROP CONSTRAINT action_components_pkey;
ALTER TABLE action_components ADD CONSTRAINT action_components_pkey
    PRIMARY KEY (name, project_id, version);

-- An action execution of a workflow keeps its execution's project in its
-- own row from now on (it was read through the execution): rows written
-- before get it.
UPDATE action_executions a SET project_id = e.project_id
FROM workflow_executions e WHERE e.id = a.workflow_execution_id;
