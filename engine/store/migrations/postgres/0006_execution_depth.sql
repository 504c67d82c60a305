-- Sub-workflow nesting level of an execution (0 at the top), so a task that
-- would start one deeper than the limit fails instead of recursing forever.
ALTER TABLE workflow_executions ADD COLUMN depth BIGINT NOT NULL DEFAULT 0;
