//! Environments: named sets of variables an execution can take as its `env`
//! (`params.env` given as a name instead of a dict).

use serde_json::{Map, Value};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::Store;
use crate::{Result, StoreError};

/// A stored environment.
#[derive(Debug, Clone, PartialEq)]
pub struct EnvironmentRecord {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub variables: Map<String, Value>,
    pub scope: String,
    pub project_id: String,
    pub created_at: i64,
    pub updated_at: Option<i64>,
}

const COLUMNS: &str = "id, name, description, variables, scope, project_id, created_at, updated_at";

fn from_row(row: &AnyRow) -> Result<EnvironmentRecord> {
    let variables: String = row.try_get("variables")?;
    Ok(EnvironmentRecord {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        description: row.try_get("description")?,
        variables: serde_json::from_str(&variables).map_err(|e| StoreError::Corrupt {
            what: "environment variables",
            detail: e.to_string(),
        })?,
        scope: row.try_get("scope")?,
        project_id: row.try_get("project_id")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

fn not_found(name: &str) -> StoreError {
    StoreError::NotFound {
        kind: "Environment",
        key: format!("name={name}"),
    }
}

fn variables_text(record: &EnvironmentRecord) -> String {
    serde_json::to_string(&record.variables).unwrap_or_else(|_| "{}".to_owned())
}

impl Store {
    /// Stores a new environment; its name must be free.
    pub async fn create_environment(&self, record: &EnvironmentRecord) -> Result<()> {
        let mut tx = self.begin().await?;
        let taken: Option<String> =
            sqlx::query_scalar("SELECT id FROM environments WHERE name = $1")
                .bind(record.name.clone())
                .fetch_optional(tx.conn())
                .await?;
        if taken.is_some() {
            return Err(StoreError::Duplicate {
                kind: "Environment",
                key: format!("name={}", record.name),
            });
        }
        sqlx::query(&format!(
            "INSERT INTO environments ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
        ))
        .bind(record.id.clone())
        .bind(record.name.clone())
        .bind(record.description.clone())
        .bind(variables_text(record))
        .bind(record.scope.clone())
        .bind(record.project_id.clone())
        .bind(record.created_at)
        .bind(record.updated_at)
        .execute(tx.conn())
        .await?;
        tx.commit().await
    }

    /// Changes an existing environment: the fields given replace the stored
    /// ones (`None` keeps them). Returns the updated record.
    pub async fn update_environment(
        &self,
        name: &str,
        description: Option<&str>,
        variables: Option<&Map<String, Value>>,
        scope: Option<&str>,
        now: i64,
    ) -> Result<EnvironmentRecord> {
        let mut tx = self.begin().await?;
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM environments WHERE name = $1"
        ))
        .bind(name.to_owned())
        .fetch_optional(tx.conn())
        .await?
        .ok_or_else(|| not_found(name))?;
        let mut record = from_row(&row)?;
        if let Some(d) = description {
            record.description = Some(d.to_owned());
        }
        if let Some(v) = variables {
            record.variables = v.clone();
        }
        if let Some(s) = scope {
            record.scope = s.to_owned();
        }
        record.updated_at = Some(now);
        sqlx::query(
            "UPDATE environments SET description = $1, variables = $2, scope = $3, \
             updated_at = $4 WHERE id = $5",
        )
        .bind(record.description.clone())
        .bind(variables_text(&record))
        .bind(record.scope.clone())
        .bind(record.updated_at)
        .bind(record.id.clone())
        .execute(tx.conn())
        .await?;
        tx.commit().await?;
        Ok(record)
    }

    /// One environment by name (or id).
    pub async fn get_environment(&self, name: &str) -> Result<EnvironmentRecord> {
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM environments WHERE name = $1 OR id = $1"
        ))
        .bind(name.to_owned())
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(row) => from_row(&row),
            None => Err(not_found(name)),
        }
    }

    /// Every environment, oldest first (they are few; the API pages them in
    /// memory).
    pub async fn list_environments(&self) -> Result<Vec<EnvironmentRecord>> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM environments ORDER BY created_at, id"
        ))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
    }

    /// Deletes an environment by name. Executions that used it keep their
    /// copy of the variables.
    pub async fn delete_environment(&self, name: &str) -> Result<()> {
        let mut tx = self.begin().await?;
        let done = sqlx::query("DELETE FROM environments WHERE name = $1")
            .bind(name.to_owned())
            .execute(tx.conn())
            .await?;
        if done.rows_affected() == 0 {
            return Err(not_found(name));
        }
        tx.commit().await
    }
}
