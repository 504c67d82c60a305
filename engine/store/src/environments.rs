//! Environments: named sets of variables an execution can take as its `env`
//! (`params.env` given as a name instead of a dict).

use serde_json::{Map, Value};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::crud::{exists, fetch_all, fetch_named, insert, json_column};
use crate::db::Store;
use crate::projects::Lookup;
use crate::rows::{Cell, Table, json, opt_text, text};
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

const TABLE: Table = Table {
    name: "environments",
    columns: &[
        "id",
        "name",
        "description",
        "variables",
        "scope",
        "project_id",
        "created_at",
        "updated_at",
    ],
};

fn from_row(row: &AnyRow) -> Result<EnvironmentRecord> {
    Ok(EnvironmentRecord {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        description: row.try_get("description")?,
        variables: json_column(row, "variables", "environment variables")?,
        scope: row.try_get("scope")?,
        project_id: row.try_get("project_id")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

/// An environment by name or id (`$1`).
const BY_KEY: &str = "name = $1 OR id = $1";

fn not_found(name: &str) -> StoreError {
    StoreError::NotFound {
        kind: "Environment",
        key: format!("name={name}"),
    }
}

impl Store {
    /// Stores a new environment; its name must be free in its project.
    pub async fn create_environment(&self, record: &EnvironmentRecord) -> Result<()> {
        let mut tx = self.begin().await?;
        let taken = exists(
            tx.conn(),
            "SELECT id FROM environments WHERE name = $1 AND project_id = $2",
            &[&record.name, &record.project_id],
        )
        .await?;
        if taken {
            return Err(StoreError::Duplicate {
                kind: "Environment",
                key: format!("name={}", record.name),
            });
        }
        let cells = vec![
            text(&record.id),
            text(&record.name),
            opt_text(record.description.as_deref()),
            json(&record.variables),
            text(&record.scope),
            text(&record.project_id),
            Cell::Int(Some(record.created_at)),
            Cell::Int(record.updated_at),
        ];
        insert(tx.conn(), &TABLE, cells).await?;
        tx.commit().await
    }

    /// Changes an existing environment: the fields given replace the stored
    /// ones (`None` keeps them). Returns the updated record. `lookup` is a
    /// [`crate::ProjectScope::change`].
    pub async fn update_environment(
        &self,
        name: &str,
        description: Option<&str>,
        variables: Option<&Map<String, Value>>,
        scope: Option<&str>,
        now: i64,
        lookup: Lookup<'_>,
    ) -> Result<EnvironmentRecord> {
        let mut tx = self.begin().await?;
        let mut record = fetch_named(
            crate::bounded::on(tx.conn()),
            &TABLE,
            "name = $1",
            &[name],
            lookup,
            from_row,
        )
        .await?
        .ok_or_else(|| not_found(name))?;
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
        .bind(serde_json::to_string(&record.variables).unwrap_or_else(|_| "{}".to_owned()))
        .bind(record.scope.clone())
        .bind(record.updated_at)
        .bind(record.id.clone())
        .execute(crate::bounded::on(tx.conn()))
        .await?;
        tx.commit().await?;
        Ok(record)
    }

    /// One environment by name (or id), as `lookup`'s caller means it.
    pub async fn get_environment(
        &self,
        name: &str,
        lookup: Lookup<'_>,
    ) -> Result<EnvironmentRecord> {
        fetch_named(self.bounded(), &TABLE, BY_KEY, &[name], lookup, from_row)
            .await?
            .ok_or_else(|| not_found(name))
    }

    /// Every environment, oldest first (they are few; the API pages them in
    /// memory).
    pub async fn list_environments(&self) -> Result<Vec<EnvironmentRecord>> {
        let sql = format!("{} ORDER BY created_at, id", TABLE.select_sql());
        fetch_all(self.bounded(), &sql, &[], from_row).await
    }

    /// Replaces the variables of the environment `id` as they are (the
    /// re-sealing of its secrets with a new key); whether it still exists.
    pub async fn set_environment_variables(
        &self,
        id: &str,
        variables: &Map<String, Value>,
        now: i64,
    ) -> Result<bool> {
        let done =
            sqlx::query("UPDATE environments SET variables = $1, updated_at = $2 WHERE id = $3")
                .bind(
                    serde_json::to_string(variables).map_err(|e| StoreError::Corrupt {
                        what: "environment variables",
                        detail: e.to_string(),
                    })?,
                )
                .bind(now)
                .bind(id)
                .execute(self.bounded())
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Deletes an environment by name. Executions that used it keep their
    /// copy of the variables. `lookup` is a [`crate::ProjectScope::change`].
    pub async fn delete_environment(&self, name: &str, lookup: Lookup<'_>) -> Result<()> {
        self.delete_named(&TABLE, "name = $1", &[name], lookup, || not_found(name))
            .await
    }
}
