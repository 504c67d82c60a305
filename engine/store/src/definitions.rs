//! Workflow definitions and the parsed specs executions run.

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::Store;
use crate::{Result, StoreError};

/// A stored workflow definition (one workflow of an uploaded document).
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowDefinition {
    pub id: String,
    pub name: String,
    pub namespace: String,
    /// The YAML of this workflow alone (`version` plus the workflow).
    pub definition: String,
    /// Hash of the parsed spec (JSON of `bora_lang::model::Workflow`).
    pub spec_hash: String,
    /// Mistral's input string, e.g. `a, b="x"`.
    pub input: String,
    /// `{"input": [...], "output": [...]}` as JSON text.
    pub interface: String,
    pub checksum: String,
    pub tags: Vec<String>,
    pub scope: String,
    pub project_id: String,
    pub workbook_name: Option<String>,
    pub created_at: i64,
    pub updated_at: Option<i64>,
}

const COLUMNS: &str = "id, name, namespace, definition, spec_hash, input, interface, checksum, \
     tags, scope, project_id, workbook_name, created_at, updated_at";

fn from_row(row: &AnyRow) -> Result<WorkflowDefinition> {
    let tags: String = row.try_get("tags")?;
    Ok(WorkflowDefinition {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        namespace: row.try_get("namespace")?,
        definition: row.try_get("definition")?,
        spec_hash: row.try_get("spec_hash")?,
        input: row.try_get("input")?,
        interface: row.try_get("interface")?,
        checksum: row.try_get("checksum")?,
        tags: serde_json::from_str(&tags).map_err(|e| StoreError::Corrupt {
            what: "tags",
            detail: e.to_string(),
        })?,
        scope: row.try_get("scope")?,
        project_id: row.try_get("project_id")?,
        workbook_name: row.try_get("workbook_name")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

impl Store {
    /// Stores new definitions (and their specs) in one transaction.
    ///
    /// # Errors
    /// [`StoreError::Duplicate`] when a name is taken in its namespace.
    pub async fn create_workflows(&self, defs: &[(WorkflowDefinition, String)]) -> Result<()> {
        let mut tx = self.begin().await?;
        for (def, spec) in defs {
            let taken: Option<String> = sqlx::query_scalar(
                "SELECT id FROM workflow_definitions WHERE name = $1 AND namespace = $2",
            )
            .bind(def.name.clone())
            .bind(def.namespace.clone())
            .fetch_optional(tx.conn())
            .await?;
            if taken.is_some() {
                return Err(StoreError::Duplicate {
                    kind: "WorkflowDefinition",
                    key: format!("name={}, namespace={}", def.name, def.namespace),
                });
            }
            tx.put_spec(&def.spec_hash, spec).await?;
            insert(&mut tx, def).await?;
        }
        tx.commit().await
    }

    /// Replaces definitions by name (creating missing ones); ids and
    /// creation times of existing ones are kept.
    pub async fn update_workflows(
        &self,
        defs: &[(WorkflowDefinition, String)],
    ) -> Result<Vec<WorkflowDefinition>> {
        let mut tx = self.begin().await?;
        let mut out = Vec::new();
        for (def, spec) in defs {
            let existing = sqlx::query(&format!(
                "SELECT {COLUMNS} FROM workflow_definitions WHERE name = $1 AND namespace = $2"
            ))
            .bind(def.name.clone())
            .bind(def.namespace.clone())
            .fetch_optional(tx.conn())
            .await?
            .map(|row| from_row(&row))
            .transpose()?;
            let mut def = def.clone();
            if let Some(old) = existing {
                def.id = old.id;
                def.created_at = old.created_at;
                sqlx::query("DELETE FROM workflow_definitions WHERE id = $1")
                    .bind(def.id.clone())
                    .execute(tx.conn())
                    .await?;
            } else {
                def.updated_at = None;
            }
            tx.put_spec(&def.spec_hash, spec).await?;
            insert(&mut tx, &def).await?;
            out.push(def);
        }
        tx.commit().await?;
        Ok(out)
    }

    /// A definition by id, or by name in a namespace (`''` when not given;
    /// a name in another namespace is found when unique there).
    pub async fn get_workflow(
        &self,
        identifier: &str,
        namespace: &str,
    ) -> Result<WorkflowDefinition> {
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM workflow_definitions WHERE id = $1 \
             OR (name = $1 AND namespace = $2) ORDER BY created_at LIMIT 1"
        ))
        .bind(identifier.to_owned())
        .bind(namespace.to_owned())
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(row) => from_row(&row),
            None => Err(StoreError::NotFound {
                kind: "Workflow",
                key: format!("workflow_identifier={identifier}, namespace={namespace}"),
            }),
        }
    }

    /// Every definition, oldest first.
    pub async fn list_workflows(&self) -> Result<Vec<WorkflowDefinition>> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM workflow_definitions ORDER BY created_at, id"
        ))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(from_row)
        .collect()
    }

    /// Deletes a definition (executions keep the spec they run).
    pub async fn delete_workflow(&self, identifier: &str, namespace: &str) -> Result<()> {
        let def = self.get_workflow(identifier, namespace).await?;
        let _writer = self.writer().await;
        sqlx::query("DELETE FROM workflow_definitions WHERE id = $1")
            .bind(def.id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// A parsed spec by hash.
    pub async fn get_spec(&self, hash: &str) -> Result<String> {
        sqlx::query_scalar("SELECT spec FROM specs WHERE hash = $1")
            .bind(hash.to_owned())
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                kind: "WorkflowSpec",
                key: format!("hash={hash}"),
            })
    }
}

async fn insert(tx: &mut crate::StoreTx, def: &WorkflowDefinition) -> Result<()> {
    sqlx::query(&format!(
        "INSERT INTO workflow_definitions ({COLUMNS}) VALUES \
         ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
    ))
    .bind(def.id.clone())
    .bind(def.name.clone())
    .bind(def.namespace.clone())
    .bind(def.definition.clone())
    .bind(def.spec_hash.clone())
    .bind(def.input.clone())
    .bind(def.interface.clone())
    .bind(def.checksum.clone())
    .bind(serde_json::to_string(&def.tags).unwrap_or_else(|_| "[]".into()))
    .bind(def.scope.clone())
    .bind(def.project_id.clone())
    .bind(def.workbook_name.clone())
    .bind(def.created_at)
    .bind(def.updated_at)
    .execute(tx.conn())
    .await?;
    Ok(())
}
