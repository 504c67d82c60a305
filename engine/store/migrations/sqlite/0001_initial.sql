-- Bora's initial schema (SQLite). The PostgreSQL twin has the same file name.
-- JSON documents are stored as TEXT, booleans as 0/1 and times as microseconds since the Unix
-- epoch (BIGINT), so both backends share one set of queries.

CREATE TABLE workflow_definitions (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    namespace     TEXT NOT NULL DEFAULT '',
    definition    TEXT NOT NULL,
    spec_hash     TEXT NOT NULL,
    input         TEXT NOT NULL DEFAULT '',
    interface     TEXT NOT NULL DEFAULT '{}',
    checksum      TEXT NOT NULL,
    tags          TEXT NOT NULL DEFAULT '[]',
    scope         TEXT NOT NULL DEFAULT 'private',
    project_id    TEXT NOT NULL DEFAULT '<default-project>',
    workbook_name TEXT,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT,
    UNIQUE (name, namespace)
);

-- Parsed workflow specs, content-addressed: executions reference the spec they
-- started with, so a later update never changes a running execution.
CREATE TABLE specs (
    hash TEXT PRIMARY KEY,
    spec TEXT NOT NULL
);

CREATE TABLE workflow_executions (
    id                  TEXT PRIMARY KEY,
    workflow_id         TEXT NOT NULL,
    workflow_name       TEXT NOT NULL,
    workflow_namespace  TEXT NOT NULL DEFAULT '',
    spec_hash           TEXT NOT NULL,
    description         TEXT NOT NULL DEFAULT '',
    tags                TEXT NOT NULL DEFAULT '[]',
    params              TEXT NOT NULL DEFAULT '{}',
    input               TEXT NOT NULL DEFAULT '{}',
    output              TEXT NOT NULL DEFAULT '{}',
    context             TEXT NOT NULL DEFAULT '{}',
    state               TEXT NOT NULL,
    state_info          TEXT,
    task_execution_id   TEXT,
    root_execution_id   TEXT,
    source_execution_id TEXT,
    idx                 BIGINT,
    backlog             TEXT NOT NULL DEFAULT '[]',
    version             BIGINT NOT NULL DEFAULT 0,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT
);
CREATE INDEX workflow_executions_parent ON workflow_executions (task_execution_id);
CREATE INDEX workflow_executions_root ON workflow_executions (root_execution_id);
CREATE INDEX workflow_executions_created ON workflow_executions (created_at);

CREATE TABLE task_executions (
    id                    TEXT PRIMARY KEY,
    workflow_execution_id TEXT NOT NULL,
    name                  TEXT NOT NULL,
    kind                  TEXT NOT NULL,
    state                 TEXT NOT NULL,
    state_info            TEXT,
    seq                   BIGINT NOT NULL,
    triggered_by          TEXT NOT NULL DEFAULT '[]',
    published             TEXT NOT NULL DEFAULT '{}',
    published_global      TEXT NOT NULL DEFAULT '{}',
    runtime_context       TEXT NOT NULL DEFAULT '{}',
    next_tasks            TEXT NOT NULL DEFAULT '[]',
    error_handled         BIGINT NOT NULL DEFAULT 0,
    processed             BIGINT NOT NULL DEFAULT 0,
    tags                  TEXT NOT NULL DEFAULT '[]',
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT,
    started_at            BIGINT,
    finished_at           BIGINT
);
CREATE INDEX task_executions_execution ON task_executions (workflow_execution_id, seq);

CREATE TABLE action_executions (
    id                    TEXT PRIMARY KEY,
    name                  TEXT NOT NULL,
    task_execution_id     TEXT,
    workflow_execution_id TEXT,
    workflow_name         TEXT,
    workflow_namespace    TEXT NOT NULL DEFAULT '',
    state                 TEXT NOT NULL,
    state_info            TEXT,
    input                 TEXT NOT NULL DEFAULT '{}',
    result                TEXT,
    accepted              BIGINT NOT NULL DEFAULT 0,
    idx                   BIGINT NOT NULL DEFAULT 0,
    is_sync               BIGINT NOT NULL DEFAULT 1,
    description           TEXT NOT NULL DEFAULT '',
    params                TEXT NOT NULL DEFAULT '{}',
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT
);
CREATE INDEX action_executions_task ON action_executions (task_execution_id, idx);
CREATE INDEX action_executions_execution ON action_executions (workflow_execution_id);

-- Work to do: actions to run and engine events (timers included), due at
-- `due_at`. A claimed job carries a lease (`locked_by`, `locked_until`); when a
-- node dies its leases expire and another node takes the jobs over.
CREATE TABLE jobs (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    execution_id TEXT,
    due_at       BIGINT NOT NULL,
    payload      TEXT NOT NULL,
    locked_by    TEXT,
    locked_until BIGINT,
    attempts     BIGINT NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL
);
CREATE INDEX jobs_due ON jobs (kind, due_at);
CREATE INDEX jobs_execution ON jobs (execution_id);
