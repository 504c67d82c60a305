-- Event triggers: start a workflow when an event of type `event` arrives on
-- (`exchange`, `topic`) through `POST /v2/events/{exchange}/{topic}`. The
-- sender proves it may fire the trigger with the trigger's token, of which
-- only the SHA-256 is kept.
CREATE TABLE event_triggers (
    id                 TEXT PRIMARY KEY,
    name               TEXT NOT NULL UNIQUE,
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
    UNIQUE (exchange, topic, event, workflow_id, project_id)
);
