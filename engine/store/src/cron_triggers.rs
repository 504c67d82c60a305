//! Cron triggers: start a workflow at `next_execution_time`, then at the
//! pattern's following times, `remaining_executions` times (`None`: forever).
//!
//! Several nodes may fire triggers from one database. A firing is claimed by
//! [`StoreTx::advance_cron_trigger`]: a conditional update (or delete) on the
//! due time the node read, in the transaction that also creates the
//! execution. Whoever changes the row first wins; the others see no row
//! affected and leave it.

use serde_json::{Map, Value};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::Store;
use crate::tx::StoreTx;
use crate::{Result, StoreError};

/// A stored cron trigger. Times are UTC microseconds.
#[derive(Debug, Clone, PartialEq)]
pub struct CronTriggerRecord {
    pub id: String,
    pub name: String,
    /// A 5-field cron pattern; `None` for a single run at the first time.
    pub pattern: Option<String>,
    pub first_execution_time: Option<i64>,
    pub next_execution_time: i64,
    pub remaining_executions: Option<i64>,
    pub workflow_name: String,
    pub workflow_id: String,
    pub workflow_namespace: String,
    pub workflow_input: Map<String, Value>,
    pub workflow_params: Map<String, Value>,
    pub scope: String,
    pub project_id: String,
    pub created_at: i64,
    pub updated_at: Option<i64>,
}

const COLUMNS: &str = "id, name, pattern, first_execution_time, next_execution_time, \
     remaining_executions, workflow_name, workflow_id, workflow_namespace, workflow_input, \
     workflow_params, scope, project_id, created_at, updated_at";

fn json_map(row: &AnyRow, column: &'static str) -> Result<Map<String, Value>> {
    let text: String = row.try_get(column)?;
    serde_json::from_str(&text).map_err(|e| StoreError::Corrupt {
        what: column,
        detail: e.to_string(),
    })
}

fn from_row(row: &AnyRow) -> Result<CronTriggerRecord> {
    Ok(CronTriggerRecord {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        pattern: row.try_get("pattern")?,
        first_execution_time: row.try_get("first_execution_time")?,
        next_execution_time: row.try_get("next_execution_time")?,
        remaining_executions: row.try_get("remaining_executions")?,
        workflow_name: row.try_get("workflow_name")?,
        workflow_id: row.try_get("workflow_id")?,
        workflow_namespace: row.try_get("workflow_namespace")?,
        workflow_input: json_map(row, "workflow_input")?,
        workflow_params: json_map(row, "workflow_params")?,
        scope: row.try_get("scope")?,
        project_id: row.try_get("project_id")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

fn not_found(key: &str) -> StoreError {
    StoreError::NotFound {
        kind: "Cron trigger",
        key: format!("identifier={key}"),
    }
}

fn text(map: &Map<String, Value>) -> String {
    serde_json::to_string(map).unwrap_or_else(|_| "{}".to_owned())
}

impl Store {
    /// Stores a new trigger; its name must be free.
    pub async fn create_cron_trigger(&self, t: &CronTriggerRecord) -> Result<()> {
        let mut tx = self.begin().await?;
        let taken: Option<String> =
            sqlx::query_scalar("SELECT id FROM cron_triggers WHERE name = $1")
                .bind(t.name.clone())
                .fetch_optional(tx.conn())
                .await?;
        if taken.is_some() {
            return Err(StoreError::Duplicate {
                kind: "CronTrigger",
                key: format!("name={}", t.name),
            });
        }
        sqlx::query(&format!(
            "INSERT INTO cron_triggers ({COLUMNS}) VALUES \
             ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
        ))
        .bind(t.id.clone())
        .bind(t.name.clone())
        .bind(t.pattern.clone())
        .bind(t.first_execution_time)
        .bind(t.next_execution_time)
        .bind(t.remaining_executions)
        .bind(t.workflow_name.clone())
        .bind(t.workflow_id.clone())
        .bind(t.workflow_namespace.clone())
        .bind(text(&t.workflow_input))
        .bind(text(&t.workflow_params))
        .bind(t.scope.clone())
        .bind(t.project_id.clone())
        .bind(t.created_at)
        .bind(t.updated_at)
        .execute(tx.conn())
        .await?;
        tx.commit().await
    }

    /// One trigger by name or id.
    pub async fn get_cron_trigger(&self, key: &str) -> Result<CronTriggerRecord> {
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM cron_triggers WHERE name = $1 OR id = $1"
        ))
        .bind(key.to_owned())
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(row) => from_row(&row),
            None => Err(not_found(key)),
        }
    }

    /// Every trigger, oldest first (the API pages them in memory).
    pub async fn list_cron_triggers(&self) -> Result<Vec<CronTriggerRecord>> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM cron_triggers ORDER BY created_at, id"
        ))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
    }

    /// Deletes a trigger by name or id.
    pub async fn delete_cron_trigger(&self, key: &str) -> Result<()> {
        let mut tx = self.begin().await?;
        let done = sqlx::query("DELETE FROM cron_triggers WHERE name = $1 OR id = $1")
            .bind(key.to_owned())
            .execute(tx.conn())
            .await?;
        if done.rows_affected() == 0 {
            return Err(not_found(key));
        }
        tx.commit().await
    }

    /// Triggers due at `now`, earliest first.
    pub async fn due_cron_triggers(&self, now: i64, limit: i64) -> Result<Vec<CronTriggerRecord>> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM cron_triggers WHERE next_execution_time <= $1 \
             ORDER BY next_execution_time, id LIMIT $2"
        ))
        .bind(now)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
    }

    /// The earliest `next_execution_time` of all triggers.
    pub async fn next_cron_time(&self) -> Result<Option<i64>> {
        let next: Option<i64> =
            sqlx::query_scalar("SELECT MIN(next_execution_time) FROM cron_triggers")
                .fetch_one(&self.pool)
                .await?;
        Ok(next)
    }

    /// Names of the triggers that start a workflow definition (by id).
    pub async fn cron_triggers_of_workflow(&self, workflow_id: &str) -> Result<Vec<String>> {
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM cron_triggers WHERE workflow_id = $1 ORDER BY name",
        )
        .bind(workflow_id.to_owned())
        .fetch_all(&self.pool)
        .await?;
        Ok(names)
    }
}

impl StoreTx {
    /// Claims the firing of trigger `id` due at `due`: moves it on to `next`
    /// (one fewer remaining execution), or deletes it when `next` is `None`
    /// (its last firing). Returns `false` when the row no longer has that due
    /// time (another node fired it, or it was deleted): the caller must not
    /// fire. On PostgreSQL a concurrent claimer waits for this transaction
    /// and then finds the row changed.
    pub async fn advance_cron_trigger(
        &mut self,
        id: &str,
        due: i64,
        next: Option<i64>,
        now: i64,
    ) -> Result<bool> {
        let done = match next {
            None => {
                sqlx::query("DELETE FROM cron_triggers WHERE id = $1 AND next_execution_time = $2")
                    .bind(id.to_owned())
                    .bind(due)
                    .execute(self.conn())
                    .await?
            }
            Some(next) => {
                sqlx::query(
                    "UPDATE cron_triggers SET next_execution_time = $1, \
                     remaining_executions = CASE WHEN remaining_executions IS NULL THEN NULL \
                     ELSE remaining_executions - 1 END, updated_at = $2 \
                     WHERE id = $3 AND next_execution_time = $4",
                )
                .bind(next)
                .bind(now)
                .bind(id.to_owned())
                .bind(due)
                .execute(self.conn())
                .await?
            }
        };
        Ok(done.rows_affected() == 1)
    }
}
