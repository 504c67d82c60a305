-- Several nodes on one store. Each node registers here and refreshes its
-- heartbeat; a job is held by naming its node in `jobs.locked_by` (no
-- per-job lease time any more). A node whose heartbeat is too old is dead:
-- the others delete its row and free the jobs of every unregistered node.
CREATE TABLE nodes (
    id            TEXT PRIMARY KEY,
    instance      TEXT NOT NULL,
    roles         TEXT NOT NULL DEFAULT '',
    executor_name TEXT,
    started_at    BIGINT NOT NULL,
    heartbeat_at  BIGINT NOT NULL
);

-- The engine node that last stepped an execution: its events go to that
-- node (it has the execution in memory) while it lives.
ALTER TABLE workflow_executions ADD COLUMN owner TEXT;
CREATE INDEX workflow_executions_state ON workflow_executions (state);

-- An action job's executor name (a task's `target`), and when its call
-- really began: an action that never started is simply run again after its
-- node dies; one that started runs again only when safe-rerun.
ALTER TABLE jobs ADD COLUMN target TEXT;
ALTER TABLE jobs ADD COLUMN started_at BIGINT;
CREATE INDEX jobs_locked ON jobs (locked_by);

-- Leases of earlier versions ended by time; no node of this version holds them.
UPDATE jobs SET locked_by = NULL, locked_until = NULL;
