//! Workbooks: named documents whose workflows are stored as definitions
//! named `<workbook>.<workflow>`.

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::crud::{fetch_all, fetch_named, fetch_optional, insert, json_column};
use crate::db::Store;
use crate::definitions::WorkflowDefinition;
use crate::projects::Lookup;
use crate::rows::{Cell, Table, json, text};
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

const TABLE: Table = Table {
    name: "workbooks",
    columns: &[
        "id",
        "name",
        "namespace",
        "definition",
        "tags",
        "scope",
        "project_id",
        "created_at",
        "updated_at",
    ],
};

/// A workbook by name or id (`$1`) in a namespace (`$2`).
const BY_KEY: &str = "(name = $1 OR id = $1) AND namespace = $2";

/// A project's own workbook of a name (`$1`) in a namespace (`$2`).
const OWN: &str = "name = $1 AND namespace = $2 AND project_id = $3";

fn from_row(row: &AnyRow) -> Result<WorkbookRecord> {
    Ok(WorkbookRecord {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        namespace: row.try_get("namespace")?,
        definition: row.try_get("definition")?,
        tags: json_column(row, "tags", "tags")?,
        scope: row.try_get("scope")?,
        project_id: row.try_get("project_id")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

impl Store {
    /// Stores a workbook and its workflows (workflows left by an earlier,
    /// deleted upload of the same workbook are replaced). With `update`, an
    /// existing workbook of its project is replaced; without, it is a
    /// duplicate. Other projects' workbooks of the name are theirs.
    pub async fn put_workbook(
        &self,
        workbook: &WorkbookRecord,
        workflows: &[(WorkflowDefinition, String)],
        update: bool,
    ) -> Result<WorkbookRecord> {
        let existing = fetch_optional(
            self.bounded(),
            &format!("{} WHERE {OWN}", TABLE.select_sql()),
            &[&workbook.name, &workbook.namespace, &workbook.project_id],
            from_row,
        )
        .await?;
        let mut record = workbook.clone();
        match existing {
            Some(old) if !update => {
                return Err(StoreError::Duplicate {
                    kind: "Workbook",
                    key: format!("name={}, namespace={}", old.name, old.namespace),
                });
            }
            Some(old) => {
                record.id = old.id;
                record.created_at = old.created_at;
            }
            None => record.updated_at = None,
        }
        self.update_workflows(workflows).await?;
        let mut tx = self.begin().await?;
        sqlx::query(&format!("DELETE FROM workbooks WHERE {OWN}"))
            .bind(record.name.clone())
            .bind(record.namespace.clone())
            .bind(record.project_id.clone())
            .execute(crate::bounded::on(tx.conn()))
            .await?;
        let cells = vec![
            text(&record.id),
            text(&record.name),
            text(&record.namespace),
            text(&record.definition),
            json(&record.tags),
            text(&record.scope),
            text(&record.project_id),
            Cell::Int(Some(record.created_at)),
            Cell::Int(record.updated_at),
        ];
        insert(tx.conn(), &TABLE, cells).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// A workbook by name or id in a namespace, as `lookup`'s caller means it.
    pub async fn get_workbook(
        &self,
        name: &str,
        namespace: &str,
        lookup: Lookup<'_>,
    ) -> Result<WorkbookRecord> {
        fetch_named(
            self.bounded(),
            &TABLE,
            BY_KEY,
            &[name, namespace],
            lookup,
            from_row,
        )
        .await?
        .ok_or_else(|| not_found(name, namespace))
    }

    pub async fn list_workbooks(&self) -> Result<Vec<WorkbookRecord>> {
        let sql = format!("{} ORDER BY created_at, id", TABLE.select_sql());
        fetch_all(self.bounded(), &sql, &[], from_row).await
    }

    /// Deletes the workbook record; its workflows stay (Mistral's
    /// behaviour). `lookup` is a [`crate::ProjectScope::change`].
    pub async fn delete_workbook(
        &self,
        name: &str,
        namespace: &str,
        lookup: Lookup<'_>,
    ) -> Result<()> {
        self.delete_named(&TABLE, BY_KEY, &[name, namespace], lookup, || {
            not_found(name, namespace)
        })
        .await
    }
}

fn not_found(name: &str, namespace: &str) -> StoreError {
    StoreError::NotFound {
        kind: "Workbook",
        key: format!("name={name}, namespace={namespace}"),
    }
}
