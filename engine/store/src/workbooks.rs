//! Workbooks: named documents whose workflows are stored as definitions
//! named `<workbook>.<workflow>`.

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::Store;
use crate::definitions::WorkflowDefinition;
use crate::{Result, StoreError};

/// A stored workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkbookRecord {
    pub id: String,
    pub name: String,
    pub namespace: String,
    pub definition: String,
    pub tags: Vec<String>,
    pub scope: String,
    pub project_id: String,
    pub created_at: i64,
    pub updated_at: Option<i64>,
}

const COLUMNS: &str =
    "id, name, namespace, definition, tags, scope, project_id, created_at, updated_at";

fn from_row(row: &AnyRow) -> Result<WorkbookRecord> {
    let tags: String = row.try_get("tags")?;
    Ok(WorkbookRecord {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        namespace: row.try_get("namespace")?,
        definition: row.try_get("definition")?,
        tags: serde_json::from_str(&tags).map_err(|e| StoreError::Corrupt {
            what: "tags",
            detail: e.to_string(),
        })?,
        scope: row.try_get("scope")?,
        project_id: row.try_get("project_id")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

impl Store {
    /// Stores a workbook and its workflows (workflows left by an earlier,
    /// deleted upload of the same workbook are replaced). With `update`, an
    /// existing workbook is replaced; without, it is a duplicate.
    pub async fn put_workbook(
        &self,
        workbook: &WorkbookRecord,
        workflows: &[(WorkflowDefinition, String)],
        update: bool,
    ) -> Result<WorkbookRecord> {
        let existing = self.get_workbook(&workbook.name, &workbook.namespace).await;
        let mut record = workbook.clone();
        match existing {
            Ok(old) if !update => {
                return Err(StoreError::Duplicate {
                    kind: "Workbook",
                    key: format!("name={}, namespace={}", old.name, old.namespace),
                });
            }
            Ok(old) => {
                record.id = old.id;
                record.created_at = old.created_at;
            }
            Err(StoreError::NotFound { .. }) => record.updated_at = None,
            Err(other) => return Err(other),
        }
        self.update_workflows(workflows).await?;
        let mut tx = self.begin().await?;
        sqlx::query("DELETE FROM workbooks WHERE name = $1 AND namespace = $2")
            .bind(record.name.clone())
            .bind(record.namespace.clone())
            .execute(tx.conn())
            .await?;
        sqlx::query(&format!(
            "INSERT INTO workbooks ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
        ))
        .bind(record.id.clone())
        .bind(record.name.clone())
        .bind(record.namespace.clone())
        .bind(record.definition.clone())
        .bind(serde_json::to_string(&record.tags).unwrap_or_else(|_| "[]".into()))
        .bind(record.scope.clone())
        .bind(record.project_id.clone())
        .bind(record.created_at)
        .bind(record.updated_at)
        .execute(tx.conn())
        .await?;
        tx.commit().await?;
        Ok(record)
    }

    pub async fn get_workbook(&self, name: &str, namespace: &str) -> Result<WorkbookRecord> {
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM workbooks WHERE (name = $1 OR id = $1) AND namespace = $2"
        ))
        .bind(name.to_owned())
        .bind(namespace.to_owned())
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(row) => from_row(&row),
            None => Err(StoreError::NotFound {
                kind: "Workbook",
                key: format!("name={name}, namespace={namespace}"),
            }),
        }
    }

    pub async fn list_workbooks(&self) -> Result<Vec<WorkbookRecord>> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM workbooks ORDER BY created_at, id"
        ))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
    }

    /// Deletes the workbook record; its workflows stay (Mistral's behaviour).
    pub async fn delete_workbook(&self, name: &str, namespace: &str) -> Result<()> {
        let record = self.get_workbook(name, namespace).await?;
        let mut tx = self.begin().await?;
        sqlx::query("DELETE FROM workbooks WHERE id = $1")
            .bind(record.id)
            .execute(tx.conn())
            .await?;
        tx.commit().await
    }
}
