//! API tokens and the audit log. A token is kept only as the SHA-256 digest
//! of its text (the caller hashes it); a revoked token keeps its row, so the
//! audit log can still name it, and is never found by its digest again.

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::Store;
use crate::{Result, StoreError};

/// A stored API token (without its secret, which is never stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRecord {
    pub id: String,
    /// The project whose objects the token sees.
    pub project: String,
    /// Whether the token sees every project (Mistral's admin).
    pub admin: bool,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// One state-changing request, as the audit log keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: String,
    /// When it was answered (microseconds).
    pub at: i64,
    /// The token that made it (none when authentication is off).
    pub token_id: Option<String>,
    pub project: Option<String>,
    pub method: String,
    pub path: String,
    /// The HTTP status it was answered with.
    pub status: u16,
    /// The id of what it created, when the answer named one.
    pub target: Option<String>,
}

/// How long a token's `last_used_at` may lag (microseconds): used tokens
/// are written back at most once a minute, not on every request.
pub const LAST_USED_GRAIN: i64 = 60_000_000;

/// Whether a token last noted as used at `last_used` should be noted again
/// at `now`.
pub fn use_is_stale(last_used: Option<i64>, now: i64) -> bool {
    last_used.is_none_or(|at| now - at >= LAST_USED_GRAIN)
}

const TOKEN_COLUMNS: &str = "id, project, admin, created_at, last_used_at, revoked_at";

fn token_from_row(row: &AnyRow) -> Result<TokenRecord> {
    let admin: i64 = row.try_get("admin")?;
    Ok(TokenRecord {
        id: row.try_get("id")?,
        project: row.try_get("project")?,
        admin: admin != 0,
        created_at: row.try_get("created_at")?,
        last_used_at: row.try_get("last_used_at")?,
        revoked_at: row.try_get("revoked_at")?,
    })
}

fn audit_from_row(row: &AnyRow) -> Result<AuditEntry> {
    let status: i64 = row.try_get("status")?;
    Ok(AuditEntry {
        id: row.try_get("id")?,
        at: row.try_get("at")?,
        token_id: row.try_get("token_id")?,
        project: row.try_get("project")?,
        method: row.try_get("method")?,
        path: row.try_get("path")?,
        status: u16::try_from(status).map_err(|_| StoreError::Corrupt {
            what: "audit status",
            detail: status.to_string(),
        })?,
        target: row.try_get("target")?,
    })
}

impl Store {
    /// Stores a new token for `project` under `id`, by the digest of its
    /// text.
    ///
    /// # Errors
    /// [`StoreError::Duplicate`] when the id or digest is taken.
    pub async fn insert_token(
        &self,
        id: &str,
        project: &str,
        admin: bool,
        digest: &str,
        now: i64,
    ) -> Result<TokenRecord> {
        let _writer = self.writer().await;
        let taken: Option<String> =
            sqlx::query_scalar("SELECT id FROM api_tokens WHERE id = $1 OR digest = $2")
                .bind(id.to_owned())
                .bind(digest.to_owned())
                .fetch_optional(self.bounded())
                .await?;
        if taken.is_some() {
            return Err(StoreError::Duplicate {
                kind: "Token",
                key: format!("id={id}"),
            });
        }
        sqlx::query(
            "INSERT INTO api_tokens (id, project, admin, digest, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id.to_owned())
        .bind(project.to_owned())
        .bind(i64::from(admin))
        .bind(digest.to_owned())
        .bind(now)
        .execute(self.bounded())
        .await?;
        Ok(TokenRecord {
            id: id.to_owned(),
            project: project.to_owned(),
            admin,
            created_at: now,
            last_used_at: None,
            revoked_at: None,
        })
    }

    /// Every token, revoked ones included, oldest first.
    pub async fn tokens(&self) -> Result<Vec<TokenRecord>> {
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM api_tokens ORDER BY created_at, id");
        sqlx::query(&sql)
            .fetch_all(self.bounded())
            .await?
            .iter()
            .map(token_from_row)
            .collect()
    }

    /// The live (not revoked) token with this digest.
    pub async fn live_token(&self, digest: &str) -> Result<Option<TokenRecord>> {
        let sql = format!(
            "SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE digest = $1 AND revoked_at IS NULL"
        );
        sqlx::query(&sql)
            .bind(digest.to_owned())
            .fetch_optional(self.bounded())
            .await?
            .map(|row| token_from_row(&row))
            .transpose()
    }

    /// Revokes token `id`: no request is accepted with it from now on.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when there is no such live token.
    pub async fn revoke_token(&self, id: &str, now: i64) -> Result<()> {
        let _writer = self.writer().await;
        let done = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
        )
        .bind(now)
        .bind(id.to_owned())
        .execute(self.bounded())
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                kind: "Token",
                key: format!("id={id} (or already revoked)"),
            });
        }
        Ok(())
    }

    /// Notes that token `id` was used at `now`, unless it was noted less
    /// than a minute before (a write per minute, not per request).
    pub async fn touch_token(&self, id: &str, last_used: Option<i64>, now: i64) -> Result<()> {
        if !use_is_stale(last_used, now) {
            return Ok(());
        }
        let _writer = self.writer().await;
        sqlx::query(
            "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 \
             AND (last_used_at IS NULL OR last_used_at < $3)",
        )
        .bind(now)
        .bind(id.to_owned())
        .bind(now - LAST_USED_GRAIN)
        .execute(self.bounded())
        .await?;
        Ok(())
    }

    /// Appends entries to the audit log.
    pub async fn put_audit(&self, entries: &[AuditEntry]) -> Result<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let _writer = self.writer().await;
        let mut tx = self.pool.begin().await?;
        for entry in entries {
            sqlx::query(
                "INSERT INTO audit_log (id, at, token_id, project, method, path, status, target) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(entry.id.clone())
            .bind(entry.at)
            .bind(entry.token_id.clone())
            .bind(entry.project.clone())
            .bind(entry.method.clone())
            .bind(entry.path.clone())
            .bind(i64::from(entry.status))
            .bind(entry.target.clone())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The audit log, newest first: at most `limit` entries, only those of
    /// token `token` when given.
    pub async fn audit(&self, token: Option<&str>, limit: i64) -> Result<Vec<AuditEntry>> {
        let columns = "id, at, token_id, project, method, path, status, target";
        let rows = match token {
            Some(token) => {
                let sql = format!(
                    "SELECT {columns} FROM audit_log WHERE token_id = $1 \
                     ORDER BY at DESC, id DESC LIMIT $2"
                );
                sqlx::query(&sql)
                    .bind(token.to_owned())
                    .bind(limit)
                    .fetch_all(self.bounded())
                    .await?
            }
            None => {
                let sql =
                    format!("SELECT {columns} FROM audit_log ORDER BY at DESC, id DESC LIMIT $1");
                sqlx::query(&sql)
                    .bind(limit)
                    .fetch_all(self.bounded())
                    .await?
            }
        };
        rows.iter().map(audit_from_row).collect()
    }
}
