//! Workflow definitions and the parsed specs executions run.

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::crud::{exists, fetch_all, fetch_named, fetch_optional, insert, json_column};
use crate::db::Store;
use crate::projects::Lookup;
use crate::readers::READ_BOUND;
use crate::rows::{Cell, Table, json, opt_text, text};
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

const TABLE: Table = Table {
    name: "workflow_definitions",
    columns: &[
        "id",
        "name",
        "namespace",
        "definition",
        "spec_hash",
        "input",
        "interface",
        "checksum",
        "tags",
        "scope",
        "project_id",
        "workbook_name",
        "created_at",
        "updated_at",
    ],
};

/// A definition by id (`$1`) or by name (`$1`) in a namespace (`$2`).
const BY_KEY: &str = "id = $1 OR (name = $1 AND namespace = $2)";

fn from_row(row: &AnyRow) -> Result<WorkflowDefinition> {
    Ok(WorkflowDefinition {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        namespace: row.try_get("namespace")?,
        definition: row.try_get("definition")?,
        spec_hash: row.try_get("spec_hash")?,
        input: row.try_get("input")?,
        interface: row.try_get("interface")?,
        checksum: row.try_get("checksum")?,
        tags: json_column(row, "tags", "tags")?,
        scope: row.try_get("scope")?,
        project_id: row.try_get("project_id")?,
        workbook_name: row.try_get("workbook_name")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

fn cells(def: &WorkflowDefinition) -> Vec<Cell> {
    vec![
        text(&def.id),
        text(&def.name),
        text(&def.namespace),
        text(&def.definition),
        text(&def.spec_hash),
        text(&def.input),
        text(&def.interface),
        text(&def.checksum),
        json(&def.tags),
        text(&def.scope),
        text(&def.project_id),
        opt_text(def.workbook_name.as_deref()),
        Cell::Int(Some(def.created_at)),
        Cell::Int(def.updated_at),
    ]
}

impl Store {
    /// Stores new definitions (and their specs) in one transaction.
    ///
    /// # Errors
    /// [`StoreError::Duplicate`] when a name is taken in its namespace by
    /// the definition's project (other projects' names are theirs).
    pub async fn create_workflows(&self, defs: &[(WorkflowDefinition, String)]) -> Result<()> {
        let mut tx = self.begin().await?;
        for (def, spec) in defs {
            let taken = exists(
                tx.conn(),
                "SELECT id FROM workflow_definitions WHERE name = $1 AND namespace = $2 \
                 AND project_id = $3",
                &[&def.name, &def.namespace, &def.project_id],
            )
            .await?;
            if taken {
                return Err(StoreError::Duplicate {
                    kind: "WorkflowDefinition",
                    key: format!("name={}, namespace={}", def.name, def.namespace),
                });
            }
            tx.put_spec(&def.spec_hash, spec).await?;
            insert(tx.conn(), &TABLE, cells(def)).await?;
        }
        tx.commit().await
    }

    /// Replaces definitions by name in their project (creating missing
    /// ones); ids and creation times of existing ones are kept.
    pub async fn update_workflows(
        &self,
        defs: &[(WorkflowDefinition, String)],
    ) -> Result<Vec<WorkflowDefinition>> {
        let mut tx = self.begin().await?;
        let mut out = Vec::new();
        for (def, spec) in defs {
            let existing = fetch_optional(
                crate::bounded::on(tx.conn()),
                &format!(
                    "{} WHERE name = $1 AND namespace = $2 AND project_id = $3",
                    TABLE.select_sql()
                ),
                &[&def.name, &def.namespace, &def.project_id],
                from_row,
            )
            .await?;
            let mut def = def.clone();
            if let Some(old) = existing {
                def.id = old.id;
                def.created_at = old.created_at;
                sqlx::query("DELETE FROM workflow_definitions WHERE id = $1")
                    .bind(def.id.clone())
                    .execute(crate::bounded::on(tx.conn()))
                    .await?;
            } else {
                def.updated_at = None;
            }
            tx.put_spec(&def.spec_hash, spec).await?;
            insert(tx.conn(), &TABLE, cells(&def)).await?;
            out.push(def);
        }
        tx.commit().await?;
        Ok(out)
    }

    /// A definition by id, or by name in a namespace (`''` when not given),
    /// as `lookup`'s caller means it.
    pub async fn get_workflow(
        &self,
        identifier: &str,
        namespace: &str,
        lookup: Lookup<'_>,
    ) -> Result<WorkflowDefinition> {
        let (def, _) = self
            .read_workflow(identifier, namespace, lookup, false)
            .await?;
        Ok(def)
    }

    /// [`Store::get_workflow`] with the definitions' generation (see
    /// [`crate::StoreTx::definitions_generation`]) read before it: the
    /// definition is at least as new as the generation, so a commit that
    /// finds the generation unmoved knows the definition is still current.
    pub async fn get_workflow_at(
        &self,
        identifier: &str,
        namespace: &str,
        lookup: Lookup<'_>,
    ) -> Result<(WorkflowDefinition, i64)> {
        self.read_workflow(identifier, namespace, lookup, true)
            .await
    }

    /// A definition, and the definitions' generation read before it when
    /// `generation` asks for it (else 0).
    async fn read_workflow(
        &self,
        identifier: &str,
        namespace: &str,
        lookup: Lookup<'_>,
        generation: bool,
    ) -> Result<(WorkflowDefinition, i64)> {
        let mut reader = self.reader().await?;
        let found = tokio::time::timeout(READ_BOUND, async {
            let generation: i64 = if generation {
                sqlx::query_scalar(GENERATION_SQL)
                    .fetch_one(&mut *reader)
                    .await?
            } else {
                0
            };
            let def = fetch_named(
                &mut *reader,
                &TABLE,
                BY_KEY,
                &[identifier, namespace],
                lookup,
                from_row,
            )
            .await?;
            Ok(def.map(|def| (def, generation)))
        })
        .await;
        let found = reader.finish(found, "reading a workflow definition")?;
        found.ok_or_else(|| not_found(identifier, namespace))
    }

    /// Every definition, oldest first.
    pub async fn list_workflows(&self) -> Result<Vec<WorkflowDefinition>> {
        let sql = format!("{} ORDER BY created_at, id", TABLE.select_sql());
        fetch_all(self.bounded(), &sql, &[], from_row).await
    }

    /// Deletes a definition (executions keep the spec they run); `lookup`
    /// is a [`crate::ProjectScope::change`].
    pub async fn delete_workflow(
        &self,
        identifier: &str,
        namespace: &str,
        lookup: Lookup<'_>,
    ) -> Result<()> {
        self.delete_named(&TABLE, BY_KEY, &[identifier, namespace], lookup, || {
            not_found(identifier, namespace)
        })
        .await
    }

    /// A parsed spec by hash.
    pub async fn get_spec(&self, hash: &str) -> Result<String> {
        let mut reader = self.reader().await?;
        let query =
            sqlx::query_scalar("SELECT spec FROM specs WHERE hash = $1").bind(hash.to_owned());
        let found = tokio::time::timeout(READ_BOUND, async {
            Ok(query.fetch_optional(&mut *reader).await?)
        })
        .await;
        let found: Option<String> = reader.finish(found, "reading a workflow spec")?;
        found.ok_or_else(|| StoreError::NotFound {
            kind: "WorkflowSpec",
            key: format!("hash={hash}"),
        })
    }
}

/// The definitions' generation: a counter that database triggers move on
/// every change to `workflow_definitions` (migration 0018).
pub(crate) const GENERATION_SQL: &str =
    "SELECT generation FROM definitions_generation WHERE id = 1";

fn not_found(identifier: &str, namespace: &str) -> StoreError {
    StoreError::NotFound {
        kind: "Workflow",
        key: format!("workflow_identifier={identifier}, namespace={namespace}"),
    }
}
