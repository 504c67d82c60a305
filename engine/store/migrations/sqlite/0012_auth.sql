-- API tokens (`bora token create|list|revoke`): only a SHA-256 digest of
-- each token is kept; the token itself is shown once, when it is made. A
-- revoked token keeps its row (revoked_at) so the audit log can name it.
CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    project      TEXT NOT NULL,
    admin        BIGINT NOT NULL,
    digest       TEXT NOT NULL UNIQUE,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);

-- Who changed what through the API (`bora audit`): one row per
-- state-changing request of an authenticated caller.
CREATE TABLE audit_log (
    id         TEXT PRIMARY KEY,
    at         BIGINT NOT NULL,
    token_id   TEXT,
    project    TEXT,
    method     TEXT NOT NULL,
    path       TEXT NOT NULL,
    status     BIGINT NOT NULL,
    target     TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
