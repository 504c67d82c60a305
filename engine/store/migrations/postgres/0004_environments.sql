-- Environments: named sets of variables that an execution may use as its
-- `env` (`params.env` given as a name). A name is unique, as in Mistral
-- (one project).
CREATE TABLE environments (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT,
    variables   TEXT NOT NULL DEFAULT '{}',
    scope       TEXT NOT NULL DEFAULT 'private',
    project_id  TEXT NOT NULL DEFAULT '<default-project>',
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT
);
