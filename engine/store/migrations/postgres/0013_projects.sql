-- Projects: an execution belongs to the project that started it (a
-- sub-workflow to its root's); an action execution run through the API
-- (no workflow) to its caller's. Definitions already carry project_id.
ALTER TABLE workflow_executions ADD COLUMN project_id TEXT NOT NULL DEFAULT '<default-project>';
CREATE INDEX workflow_executions_project ON workflow_executions (project_id, created_at);
ALTER TABLE action_executions ADD COLUMN project_id TEXT NOT NULL DEFAULT '<default-project>';
