-- Workbooks: a named document of workflows (stored as `<workbook>.<name>` in
-- workflow_definitions) and actions. Deleting a workbook leaves its workflows,
-- as Mistral does.
CREATE TABLE workbooks (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    namespace  TEXT NOT NULL DEFAULT '',
    definition TEXT NOT NULL,
    tags       TEXT NOT NULL DEFAULT '[]',
    scope      TEXT NOT NULL DEFAULT 'private',
    project_id TEXT NOT NULL DEFAULT '<default-project>',
    created_at BIGINT NOT NULL,
    updated_at BIGINT,
    UNIQUE (name, namespace)
);
