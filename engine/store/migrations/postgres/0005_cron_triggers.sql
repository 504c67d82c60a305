-- Cron triggers: start a workflow at `next_execution_time`, then at the next
-- time of `pattern`, `remaining_executions` times (NULL: forever). A firing
-- is claimed by moving `next_execution_time` on conditionally, in the
-- transaction that creates the execution, so each fires once across nodes.
CREATE TABLE cron_triggers (
    id                   TEXT PRIMARY KEY,
    name                 TEXT NOT NULL UNIQUE,
    pattern              TEXT,
    first_execution_time BIGINT,
    next_execution_time  BIGINT NOT NULL,
    remaining_executions BIGINT,
    workflow_name        TEXT NOT NULL,
    workflow_id          TEXT NOT NULL,
    workflow_namespace   TEXT NOT NULL DEFAULT '',
    workflow_input       TEXT NOT NULL DEFAULT '{}',
    workflow_params      TEXT NOT NULL DEFAULT '{}',
    scope                TEXT NOT NULL DEFAULT 'private',
    project_id           TEXT NOT NULL DEFAULT '<default-project>',
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT
);
CREATE INDEX cron_triggers_next ON cron_triggers (next_execution_time);
