-- Ad-hoc actions (Mistral's action definitions): YAML definitions over a base
-- action. Workbook actions are stored as `<workbook>.<action>`.
CREATE TABLE action_definitions (
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
    UNIQUE (name, namespace)
);

-- Uploaded wasm components, content-addressed (one row per distinct digest).
CREATE TABLE component_blobs (
    digest     TEXT PRIMARY KEY,
    bytes      BYTEA NOT NULL,
    size       BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Versions of uploaded actions: each upload of a name adds a version; new
-- action executions use the newest one.
CREATE TABLE action_components (
    name        TEXT NOT NULL,
    version     BIGINT NOT NULL,
    digest      TEXT NOT NULL REFERENCES component_blobs (digest),
    -- JSON: {"fuel", "memory", "timeout_secs", "allowed_hosts"}
    limits      TEXT NOT NULL DEFAULT '{}',
    -- JSON of what describe() returned
    descriptor  TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (name, version)
);
CREATE INDEX action_components_digest ON action_components (digest);
