-- The name of an action execution's task, shown by the API (`task_name`)
-- and usable as a list filter. Filled for the rows of earlier versions.
ALTER TABLE action_executions ADD COLUMN task_name TEXT;
UPDATE action_executions SET task_name = (
    SELECT t.name FROM task_executions t WHERE t.id = action_executions.task_execution_id
) WHERE task_execution_id IS NOT NULL;
