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

use crate::crud::{exists, fetch_all, fetch_named, insert, json_column};
use crate::db::Store;
use crate::projects::Lookup;
use crate::rows::{Cell, Table, json, text};
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

const TABLE: Table = Table {
    name: "cron_triggers",
    columns: &[
        "id",
        "name",
        "pattern",
        "first_execution_time",
        "next_execution_time",
        "remaining_executions",
        "workflow_name",
        "workflow_id",
        "workflow_namespace",
        "workflow_input",
        "workflow_params",
        "scope",
        "project_id",
        "created_at",
        "updated_at",
    ],
};

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
        workflow_input: json_column(row, "workflow_input", "workflow_input")?,
        workflow_params: json_column(row, "workflow_params", "workflow_params")?,
        scope: row.try_get("scope")?,
        project_id: row.try_get("project_id")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

/// A trigger by name or id (`$1`).
const BY_KEY: &str = "name = $1 OR id = $1";

fn not_found(key: &str) -> StoreError {
    StoreError::NotFound {
        kind: "Cron trigger",
        key: format!("identifier={key}"),
    }
}

impl Store {
    /// Stores a new trigger; its name must be free in its project.
    pub async fn create_cron_trigger(&self, t: &CronTriggerRecord) -> Result<()> {
        let mut tx = self.begin().await?;
        let taken = exists(
            tx.conn(),
            "SELECT id FROM cron_triggers WHERE name = $1 AND project_id = $2",
            &[&t.name, &t.project_id],
        )
        .await?;
        if taken {
            return Err(StoreError::Duplicate {
                kind: "CronTrigger",
                key: format!("name={}", t.name),
            });
        }
        let cells = vec![
            text(&t.id),
            text(&t.name),
            Cell::Text(t.pattern.clone()),
            Cell::Int(t.first_execution_time),
            Cell::Int(Some(t.next_execution_time)),
            Cell::Int(t.remaining_executions),
            text(&t.workflow_name),
            text(&t.workflow_id),
            text(&t.workflow_namespace),
            json(&t.workflow_input),
            json(&t.workflow_params),
            text(&t.scope),
            text(&t.project_id),
            Cell::Int(Some(t.created_at)),
            Cell::Int(t.updated_at),
        ];
        insert(tx.conn(), &TABLE, cells).await?;
        tx.commit().await
    }

    /// One trigger by name or id, as `lookup`'s caller means it.
    pub async fn get_cron_trigger(
        &self,
        key: &str,
        lookup: Lookup<'_>,
    ) -> Result<CronTriggerRecord> {
        fetch_named(self.bounded(), &TABLE, BY_KEY, &[key], lookup, from_row)
            .await?
            .ok_or_else(|| not_found(key))
    }

    /// Every trigger, oldest first (the API pages them in memory).
    pub async fn list_cron_triggers(&self) -> Result<Vec<CronTriggerRecord>> {
        let sql = format!("{} ORDER BY created_at, id", TABLE.select_sql());
        fetch_all(self.bounded(), &sql, &[], from_row).await
    }

    /// Deletes a trigger by name or id; `lookup` is a
    /// [`crate::ProjectScope::change`].
    pub async fn delete_cron_trigger(&self, key: &str, lookup: Lookup<'_>) -> Result<()> {
        self.delete_named(&TABLE, BY_KEY, &[key], lookup, || not_found(key))
            .await
    }

    /// Triggers due at `now`, earliest first.
    pub async fn due_cron_triggers(&self, now: i64, limit: i64) -> Result<Vec<CronTriggerRecord>> {
        sqlx::query(&format!(
            "{} WHERE next_execution_time <= $1 ORDER BY next_execution_time, id LIMIT $2",
            TABLE.select_sql()
        ))
        .bind(now)
        .bind(limit)
        .fetch_all(self.bounded())
        .await?
        .iter()
        .map(from_row)
        .collect()
    }

    /// The earliest `next_execution_time` of all triggers.
    pub async fn next_cron_time(&self) -> Result<Option<i64>> {
        let next: Option<i64> =
            sqlx::query_scalar("SELECT MIN(next_execution_time) FROM cron_triggers")
                .fetch_one(self.bounded())
                .await?;
        Ok(next)
    }

    /// Names of the triggers that start a workflow definition (by id).
    pub async fn cron_triggers_of_workflow(&self, workflow_id: &str) -> Result<Vec<String>> {
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM cron_triggers WHERE workflow_id = $1 ORDER BY name",
        )
        .bind(workflow_id.to_owned())
        .fetch_all(self.bounded())
        .await?;
        Ok(names)
    }
}

impl StoreTx<'_> {
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
                    .execute(crate::bounded::on(self.conn()))
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
                .execute(crate::bounded::on(self.conn()))
                .await?
            }
        };
        Ok(done.rows_affected() == 1)
    }
}
