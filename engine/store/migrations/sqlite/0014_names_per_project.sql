-- Names are unique per project: each by-name UNIQUE constraint of a
-- definition table takes project_id in, so that a project can use a name
-- another project holds (and learns nothing of it).
--
-- SQLite cannot change a table's constraints: each table is rebuilt with
-- SQLite's 12-step procedure (https://www.sqlite.org/lang_altertable.html,
-- "Making Other Kinds Of Table Schema Changes"): create the new table,
-- copy the rows, drop the old one, rename the new one, recreate the old
-- one's indexes. sqlx runs this file in one transaction (steps 2 and 11).
-- Steps 1, 10 and 12 (foreign keys off, checked, on again) have nothing to
-- do: none of these tables has a foreign key or is named by one, and no
-- trigger or view refers to them (steps 3 and 9). Columns, their types,
-- defaults and order are those of the tables as created; the rebuilt
-- tables differ only in their by-name UNIQUE constraints.

CREATE TABLE workflow_definitions_new (
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
    UNIQUE (name, namespace, project_id)
);
INSERT INTO workflow_definitions_new (id, name, namespace, definition, spec_hash, input,
    interface, checksum, tags, scope, project_id, workbook_name, created_at, updated_at)
SELECT id, name, namespace, definition, spec_hash, input, interface, checksum, tags, scope,
    project_id, workbook_name, created_at, updated_at
FROM workflow_definitions;
DROP TABLE workflow_definitions;
ALTER TABLE workflow_definitions_new RENAME TO workflow_definitions;

CREATE TABLE workbooks_new (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    namespace  TEXT NOT NULL DEFAULT '',
    definition TEXT NOT NULL,
    tags       TEXT NOT NULL DEFAULT '[]',
    scope      TEXT NOT NULL DEFAULT 'private',
    project_id TEXT NOT NULL DEFAULT '<default-project>',
    created_at BIGINT NOT NULL,
    updated_at BIGINT,
    UNIQUE (name, namespace, project_id)
);
INSERT INTO workbooks_new (id, name, namespace, definition, tags, scope, project_id,
    created_at, updated_at)
SELECT id, name, namespace, definition, tags, scope, project_id, created_at, updated_at
FROM workbooks;
DROP TABLE workbooks;
ALTER TABLE workbooks_new RENAME TO workbooks;

CREATE TABLE action_definitions_new (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    namespace     TEXT NOT NULL DEFAULT '',
    definition    TEXT NOT NULL,
    -- JSON of bora_lang::model::AdhocAction
    spec          TEXT NOT NULL,
    input         TEXT NOT NULL DEFAULT '',
    description   TEXT,
    tags          TEXT NOT NULL DEFAULT '[]',
    scope         TEXT NOT NULL DEFAULT 'private',
    project_id    TEXT NOT NULL DEFAULT '<default-project>',
    workbook_name TEXT,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT,
    UNIQUE (name, namespace, project_id)
);
INSERT INTO action_definitions_new (id, name, namespace, definition, spec, input,
    description, tags, scope, project_id, workbook_name, created_at, updated_at)
SELECT id, name, namespace, definition, spec, input, description, tags, scope, project_id,
    workbook_name, created_at, updated_at
FROM action_definitions;
DROP TABLE action_definitions;
ALTER TABLE action_definitions_new RENAME TO action_definitions;

CREATE TABLE environments_new (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT,
    variables   TEXT NOT NULL DEFAULT '{}',
    scope       TEXT NOT NULL DEFAULT 'private',
    project_id  TEXT NOT NULL DEFAULT '<default-project>',
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT,
    UNIQUE (name, project_id)
);
INSERT INTO environments_new (id, name, description, variables, scope, project_id,
    created_at, updated_at)
SELECT id, name, description, variables, scope, project_id, created_at, updated_at
FROM environments;
DROP TABLE environments;
ALTER TABLE environments_new RENAME TO environments;

CREATE TABLE cron_triggers_new (
    id                   TEXT PRIMARY KEY,
    name                 TEXT NOT NULL,
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
    updated_at           BIGINT,
    UNIQUE (name, project_id)
);
INSERT INTO cron_triggers_new (id, name, pattern, first_execution_time, next_execution_time,
    remaining_executions, workflow_name, workflow_id, workflow_namespace, workflow_input,
    workflow_params, scope, project_id, created_at, updated_at)
SELECT id, name, pattern, first_execution_time, next_execution_time, remaining_executions,
    workflow_name, workflow_id, workflow_namespace, workflow_input, workflow_params, scope,
    project_id, created_at, updated_at
FROM cron_triggers;
DROP TABLE cron_triggers;
ALTER TABLE cron_triggers_new RENAME TO cron_triggers;
-- Step 8: the index dropped with the old table.
CREATE INDEX cron_triggers_next ON cron_triggers (next_execution_time);

CREATE TABLE event_triggers_new (
    id                 TEXT PRIMARY KEY,
    name               TEXT NOT NULL,
    workflow_id        TEXT NOT NULL,
    workflow_name      TEXT NOT NULL,
    workflow_namespace TEXT NOT NULL DEFAULT '',
    workflow_input     TEXT NOT NULL DEFAULT '{}',
    workflow_params    TEXT NOT NULL DEFAULT '{}',
    exchange           TEXT NOT NULL,
    topic              TEXT NOT NULL,
    event              TEXT NOT NULL,
    scope              TEXT NOT NULL DEFAULT 'private',
    project_id         TEXT NOT NULL DEFAULT '<default-project>',
    token_sha256       TEXT NOT NULL UNIQUE,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT,
    UNIQUE (exchange, topic, event, workflow_id, project_id),
    UNIQUE (name, project_id)
);
INSERT INTO event_triggers_new (id, name, workflow_id, workflow_name, workflow_namespace,
    workflow_input, workflow_params, exchange, topic, event, scope, project_id, token_sha256,
    created_at, updated_at)
SELECT id, name, workflow_id, workflow_name, workflow_namespace, workflow_input,
    workflow_params, exchange, topic, event, scope, project_id, token_sha256, created_at,
    updated_at
FROM event_triggers;
DROP TABLE event_triggers;
ALTER TABLE event_triggers_new RENAME TO event_triggers;
