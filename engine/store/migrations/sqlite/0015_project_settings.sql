-- Per-project ceilings (`bora project limits`): every call of a project's
-- executions and actions stays under them, and under the node's. NULL: no
-- ceiling of the project's for that limit (the node's applies).
-- allowed_hosts is a JSON list the call's allowed hosts are cut to; NULL:
-- nothing beyond the node's rules.
CREATE TABLE project_settings (
    project_id         TEXT PRIMARY KEY,
    max_fuel           BIGINT,
    max_memory         BIGINT,
    max_action_timeout BIGINT,
    allowed_hosts      TEXT,
    updated_at         BIGINT NOT NULL
);

-- Project secrets (`bora secret set`): a value sealed for its project with
-- the node's secret key (a `bora-secret:v1.` marker), opened only when an
-- action of the project is called with `secret('NAME')` in its input.
CREATE TABLE project_secrets (
    project_id TEXT NOT NULL,
    name       TEXT NOT NULL,
    value      TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (project_id, name)
);
