//! Actions kept in the store: ad-hoc action definitions (Mistral's YAML
//! actions over a base action) and uploaded wasm components, versioned, with
//! their bytes content-addressed so any node can load a version by digest.

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::crud::{fetch_all, fetch_named, fetch_optional, insert, json_column};
use crate::db::Store;
use crate::projects::Lookup;
use crate::rows::{Cell, Table, json, opt_text, text};
use crate::{Result, StoreError};

/// A stored ad-hoc action definition.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionDefinition {
    pub id: String,
    /// Full name (`<workbook>.<action>` for workbook actions).
    pub name: String,
    pub namespace: String,
    /// The YAML of this action (`version` plus the action).
    pub definition: String,
    /// JSON of the parsed action (`bora_lang::model::AdhocAction`).
    pub spec: String,
    /// Mistral's input string, e.g. `s1="a", s2`.
    pub input: String,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub scope: String,
    pub project_id: String,
    pub workbook_name: Option<String>,
    pub created_at: i64,
    pub updated_at: Option<i64>,
}

const DEFINITIONS: Table = Table {
    name: "action_definitions",
    columns: &[
        "id",
        "name",
        "namespace",
        "definition",
        "spec",
        "input",
        "description",
        "tags",
        "scope",
        "project_id",
        "workbook_name",
        "created_at",
        "updated_at",
    ],
};

fn def_from_row(row: &AnyRow) -> Result<ActionDefinition> {
    Ok(ActionDefinition {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        namespace: row.try_get("namespace")?,
        definition: row.try_get("definition")?,
        spec: row.try_get("spec")?,
        input: row.try_get("input")?,
        description: row.try_get("description")?,
        tags: json_column(row, "tags", "tags")?,
        scope: row.try_get("scope")?,
        project_id: row.try_get("project_id")?,
        workbook_name: row.try_get("workbook_name")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

fn def_cells(def: &ActionDefinition) -> Vec<Cell> {
    vec![
        text(&def.id),
        text(&def.name),
        text(&def.namespace),
        text(&def.definition),
        text(&def.spec),
        text(&def.input),
        opt_text(def.description.as_deref()),
        json(&def.tags),
        text(&def.scope),
        text(&def.project_id),
        opt_text(def.workbook_name.as_deref()),
        Cell::Int(Some(def.created_at)),
        Cell::Int(def.updated_at),
    ]
}

fn def_not_found(identifier: &str, namespace: &str) -> StoreError {
    StoreError::NotFound {
        kind: "Action",
        key: format!("name={identifier}, namespace={namespace}"),
    }
}

/// Where the compilation of an uploaded version stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompileState {
    /// Being compiled in the background; calls wait for it.
    Compiling,
    /// Compiled and checked against the world; `describe()` is stored.
    Ready,
    /// It does not compile or does not fit the world (`compile_error` says why).
    Error,
}

impl CompileState {
    pub fn as_str(self) -> &'static str {
        match self {
            CompileState::Compiling => "compiling",
            CompileState::Ready => "ready",
            CompileState::Error => "error",
        }
    }

    fn parse(text: &str) -> Result<Self> {
        match text {
            "compiling" => Ok(CompileState::Compiling),
            "ready" => Ok(CompileState::Ready),
            "error" => Ok(CompileState::Error),
            other => Err(StoreError::Corrupt {
                what: "action_components.compile_state",
                detail: format!("unknown state '{other}'"),
            }),
        }
    }
}

/// One version of an uploaded action (without its bytes).
#[derive(Debug, Clone, PartialEq)]
pub struct ActionComponent {
    pub name: String,
    /// The project that uploaded it: names are unique per project.
    pub project_id: String,
    /// Mistral's `scope`: `public` (readable and runnable by every
    /// project) or `private`; the last upload of a name sets it for all
    /// of the name's versions.
    pub scope: String,
    /// 1 for the first upload of the name in its project, then +1 per
    /// upload.
    pub version: i64,
    /// Hex SHA-256 of the component bytes (key of [`Store::component_bytes`]).
    pub digest: String,
    pub size: i64,
    /// Limits set at upload, as JSON text.
    pub limits: String,
    /// What `describe()` returned, as JSON text (`null` while compiling).
    pub descriptor: String,
    pub created_at: i64,
    pub compile_state: CompileState,
    /// Why it did not compile (state [`CompileState::Error`]).
    pub compile_error: Option<String>,
}

const COMPONENT_SELECT: &str = "SELECT c.name, c.project_id, c.scope, c.version, c.digest, \
     b.size, c.limits, c.descriptor, c.created_at, c.compile_state, c.compile_error \
     FROM action_components c JOIN component_blobs b ON b.digest = c.digest";

/// The project whose uploads of the name `$1` the caller (`lookup`, its
/// project at `$2`) means: its own, else a public one (the one uploaded
/// first), as [`Lookup::preference`] orders definitions.
fn chosen_project(lookup: Lookup<'_>) -> String {
    format!(
        "(SELECT project_id FROM action_components WHERE name = $1 AND {} \
         ORDER BY {}, created_at, version LIMIT 1)",
        lookup.condition(2),
        lookup.rank(2)
    )
}

fn component_from_row(row: &AnyRow) -> Result<ActionComponent> {
    Ok(ActionComponent {
        name: row.try_get("name")?,
        project_id: row.try_get("project_id")?,
        scope: row.try_get("scope")?,
        version: row.try_get("version")?,
        digest: row.try_get("digest")?,
        size: row.try_get("size")?,
        limits: row.try_get("limits")?,
        descriptor: row.try_get("descriptor")?,
        created_at: row.try_get("created_at")?,
        compile_state: CompileState::parse(&row.try_get::<String, _>("compile_state")?)?,
        compile_error: row.try_get("compile_error")?,
    })
}

/// A new upload: the bytes and what goes with them.
#[derive(Debug, Clone)]
pub struct NewComponent<'a> {
    pub name: &'a str,
    /// The uploader's project.
    pub project_id: &'a str,
    /// `public` or `private` (set for every version of the name).
    pub scope: &'a str,
    pub digest: &'a str,
    pub bytes: &'a [u8],
    pub limits: String,
    pub descriptor: String,
    pub created_at: i64,
    pub compile_state: CompileState,
}

/// A precompiled component (native code for one engine).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentArtifact {
    /// Hex SHA-256 of the component the code was compiled from.
    pub digest: String,
    /// The engine it was compiled for (its compatibility hash).
    pub engine: String,
    pub bytes: Vec<u8>,
    /// Hex SHA-256 of `bytes`.
    pub sha256: String,
}

impl Store {
    /// Stores ad-hoc action definitions in one transaction. Without
    /// `replace`, a name taken in its namespace by the definition's project
    /// is a duplicate; with it, that definition is replaced (keeping its id
    /// and creation time). Other projects' names are theirs.
    ///
    /// # Errors
    /// [`StoreError::Duplicate`] when a name is taken and `replace` is false.
    pub async fn put_action_definitions(
        &self,
        defs: &[ActionDefinition],
        replace: bool,
    ) -> Result<Vec<ActionDefinition>> {
        let mut tx = self.begin().await?;
        let mut out = Vec::with_capacity(defs.len());
        for def in defs {
            let existing = fetch_optional(
                crate::bounded::on(tx.conn()),
                &format!(
                    "{} WHERE name = $1 AND namespace = $2 AND project_id = $3",
                    DEFINITIONS.select_sql()
                ),
                &[&def.name, &def.namespace, &def.project_id],
                def_from_row,
            )
            .await?;
            let mut def = def.clone();
            match existing {
                Some(old) if !replace => {
                    return Err(StoreError::Duplicate {
                        kind: "ActionDefinition",
                        key: format!("name={}, namespace={}", old.name, old.namespace),
                    });
                }
                Some(old) => {
                    def.id = old.id;
                    def.created_at = old.created_at;
                    sqlx::query("DELETE FROM action_definitions WHERE id = $1")
                        .bind(def.id.clone())
                        .execute(crate::bounded::on(tx.conn()))
                        .await?;
                }
                None => def.updated_at = None,
            }
            insert(tx.conn(), &DEFINITIONS, def_cells(&def)).await?;
            out.push(def);
        }
        tx.commit().await?;
        Ok(out)
    }

    /// An ad-hoc action by exact name in a namespace, as `lookup`'s caller
    /// means it, if there is one.
    pub async fn find_action_definition(
        &self,
        name: &str,
        namespace: &str,
        lookup: Lookup<'_>,
    ) -> Result<Option<ActionDefinition>> {
        fetch_named(
            self.bounded(),
            &DEFINITIONS,
            "name = $1 AND namespace = $2",
            &[name, namespace],
            lookup,
            def_from_row,
        )
        .await
    }

    /// An ad-hoc action by id, or by name in a namespace, as `lookup`'s
    /// caller means it.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when there is none.
    pub async fn get_action_definition(
        &self,
        identifier: &str,
        namespace: &str,
        lookup: Lookup<'_>,
    ) -> Result<ActionDefinition> {
        fetch_named(
            self.bounded(),
            &DEFINITIONS,
            BY_KEY,
            &[identifier, namespace],
            lookup,
            def_from_row,
        )
        .await?
        .ok_or_else(|| def_not_found(identifier, namespace))
    }

    /// Every ad-hoc action, by name.
    pub async fn list_action_definitions(&self) -> Result<Vec<ActionDefinition>> {
        let sql = format!("{} ORDER BY name, namespace", DEFINITIONS.select_sql());
        fetch_all(self.bounded(), &sql, &[], def_from_row).await
    }

    /// Deletes an ad-hoc action by name (or id) in a namespace; `lookup`
    /// is a [`crate::ProjectScope::change`].
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when there is none.
    pub async fn delete_action_definition(
        &self,
        identifier: &str,
        namespace: &str,
        lookup: Lookup<'_>,
    ) -> Result<()> {
        self.delete_named(
            &DEFINITIONS,
            BY_KEY,
            &[identifier, namespace],
            lookup,
            || def_not_found(identifier, namespace),
        )
        .await
    }

    /// Stores an upload as the next version of its name in its project
    /// (the bytes once per digest), gives the name's older versions its
    /// scope, and returns that version.
    pub async fn put_action_component(&self, new: &NewComponent<'_>) -> Result<ActionComponent> {
        let mut tx = self.begin().await?;
        let known: Option<String> =
            sqlx::query_scalar("SELECT digest FROM component_blobs WHERE digest = $1")
                .bind(new.digest.to_owned())
                .fetch_optional(crate::bounded::on(tx.conn()))
                .await?;
        if known.is_none() {
            sqlx::query(
                "INSERT INTO component_blobs (digest, bytes, size, created_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(new.digest.to_owned())
            .bind(new.bytes.to_vec())
            .bind(i64::try_from(new.bytes.len()).unwrap_or(i64::MAX))
            .bind(new.created_at)
            .execute(crate::bounded::on(tx.conn()))
            .await?;
        }
        // Two nodes uploading the same name at once: the second insert
        // breaks the primary key and fails instead of sharing a version.
        let last: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(version) FROM action_components WHERE name = $1 AND project_id = $2",
        )
        .bind(new.name.to_owned())
        .bind(new.project_id.to_owned())
        .fetch_one(crate::bounded::on(tx.conn()))
        .await?;
        let version = last.unwrap_or(0) + 1;
        // Visibility is the action's, not a version's: a task pinned to
        // an older version must not see it change under it.
        sqlx::query("UPDATE action_components SET scope = $1 WHERE name = $2 AND project_id = $3")
            .bind(new.scope.to_owned())
            .bind(new.name.to_owned())
            .bind(new.project_id.to_owned())
            .execute(crate::bounded::on(tx.conn()))
            .await?;
        sqlx::query(
            "INSERT INTO action_components (name, project_id, scope, version, digest, limits, \
             descriptor, created_at, compile_state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(new.name.to_owned())
        .bind(new.project_id.to_owned())
        .bind(new.scope.to_owned())
        .bind(version)
        .bind(new.digest.to_owned())
        .bind(new.limits.clone())
        .bind(new.descriptor.clone())
        .bind(new.created_at)
        .bind(new.compile_state.as_str())
        .execute(crate::bounded::on(tx.conn()))
        .await?;
        tx.commit().await?;
        Ok(ActionComponent {
            name: new.name.to_owned(),
            project_id: new.project_id.to_owned(),
            scope: new.scope.to_owned(),
            version,
            digest: new.digest.to_owned(),
            size: i64::try_from(new.bytes.len()).unwrap_or(i64::MAX),
            limits: new.limits.clone(),
            descriptor: new.descriptor.clone(),
            created_at: new.created_at,
            compile_state: new.compile_state,
            compile_error: None,
        })
    }

    /// Records how the compilation of the component `digest` ended for the
    /// versions still compiling: ready with what `describe()` returned, or
    /// an error with its reason. Returns how many versions it changed.
    pub async fn finish_compile(
        &self,
        digest: &str,
        outcome: std::result::Result<&str, &str>,
    ) -> Result<u64> {
        let (state, descriptor, error) = match outcome {
            Ok(descriptor) => (CompileState::Ready, Some(descriptor.to_owned()), None),
            // PostgreSQL text cannot hold NUL.
            Err(error) => (CompileState::Error, None, Some(error.replace('\0', ""))),
        };
        let done = sqlx::query(
            "UPDATE action_components SET compile_state = $1, compile_error = $2, \
             descriptor = COALESCE($3, descriptor) WHERE digest = $4 AND compile_state = $5",
        )
        .bind(state.as_str())
        .bind(error)
        .bind(descriptor)
        .bind(digest.to_owned())
        .bind(CompileState::Compiling.as_str())
        .execute(self.bounded())
        .await?;
        Ok(done.rows_affected())
    }

    /// Deletes one version of a project's uploaded action (an upload
    /// refused once compiled), and the bytes and code no other version uses.
    pub async fn delete_action_version(
        &self,
        project: &str,
        name: &str,
        version: i64,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "DELETE FROM action_components WHERE name = $1 AND project_id = $2 AND version = $3",
        )
        .bind(name.to_owned())
        .bind(project.to_owned())
        .bind(version)
        .execute(crate::bounded::on(tx.conn()))
        .await?;
        delete_unused_blobs(&mut tx).await?;
        tx.commit().await
    }

    /// Stores a precompiled component unless one for its digest and engine
    /// is there already (two nodes compiling at once keep the first).
    pub async fn put_component_artifact(
        &self,
        artifact: &ComponentArtifact,
        created_at: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO component_artifacts (digest, engine, bytes, sha256, size, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (digest, engine) DO NOTHING",
        )
        .bind(artifact.digest.clone())
        .bind(artifact.engine.clone())
        .bind(artifact.bytes.clone())
        .bind(artifact.sha256.clone())
        .bind(i64::try_from(artifact.bytes.len()).unwrap_or(i64::MAX))
        .bind(created_at)
        .execute(self.bounded())
        .await?;
        Ok(())
    }

    /// The precompiled component `digest` for `engine`, if one was stored.
    pub async fn component_artifact(
        &self,
        digest: &str,
        engine: &str,
    ) -> Result<Option<ComponentArtifact>> {
        let row = sqlx::query(
            "SELECT bytes, sha256 FROM component_artifacts WHERE digest = $1 AND engine = $2",
        )
        .bind(digest.to_owned())
        .bind(engine.to_owned())
        .fetch_optional(self.bounded())
        .await?;
        row.map(|row| {
            Ok(ComponentArtifact {
                digest: digest.to_owned(),
                engine: engine.to_owned(),
                bytes: row.try_get("bytes")?,
                sha256: row.try_get("sha256")?,
            })
        })
        .transpose()
    }

    /// The newest version of the uploaded action `name` that `lookup`'s
    /// caller means (its project's, else a public one), if there is one.
    pub async fn latest_action_component(
        &self,
        name: &str,
        lookup: Lookup<'_>,
    ) -> Result<Option<ActionComponent>> {
        let sql = format!(
            "{COMPONENT_SELECT} WHERE c.name = $1 AND c.project_id = {} \
             ORDER BY c.version DESC LIMIT 1",
            chosen_project(lookup)
        );
        fetch_optional(
            self.bounded(),
            &sql,
            &[name, lookup.project()],
            component_from_row,
        )
        .await
    }

    /// One version of a project's uploaded action.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when there is no such version.
    pub async fn action_component(
        &self,
        project: &str,
        name: &str,
        version: i64,
    ) -> Result<ActionComponent> {
        let row = sqlx::query(&format!(
            "{COMPONENT_SELECT} WHERE c.name = $1 AND c.project_id = $2 AND c.version = $3"
        ))
        .bind(name.to_owned())
        .bind(project.to_owned())
        .bind(version)
        .fetch_optional(self.bounded())
        .await?;
        match row {
            Some(row) => component_from_row(&row),
            None => Err(StoreError::NotFound {
                kind: "ActionComponent",
                key: format!("name={name}, version={version}"),
            }),
        }
    }

    /// Every version of every uploaded action, by name, project, then
    /// version (callers show each caller only what it may see).
    pub async fn list_action_components(&self) -> Result<Vec<ActionComponent>> {
        let sql = format!("{COMPONENT_SELECT} ORDER BY c.name, c.project_id, c.version");
        fetch_all(self.bounded(), &sql, &[], component_from_row).await
    }

    /// The bytes of a component by digest.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when no upload has this digest.
    pub async fn component_bytes(&self, digest: &str) -> Result<Vec<u8>> {
        let bytes: Option<Vec<u8>> =
            sqlx::query_scalar("SELECT bytes FROM component_blobs WHERE digest = $1")
                .bind(digest.to_owned())
                .fetch_optional(self.bounded())
                .await?;
        bytes.ok_or_else(|| StoreError::NotFound {
            kind: "Component",
            key: format!("digest={digest}"),
        })
    }

    /// Deletes every version of the uploaded action `name` that `lookup`
    /// (a [`crate::ProjectScope::change`]) means, and the bytes no other
    /// action uses; returns the project it was of.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when the caller has no such upload.
    pub async fn delete_action_component(&self, name: &str, lookup: Lookup<'_>) -> Result<String> {
        let missing = || StoreError::NotFound {
            kind: "Action",
            key: format!("name={name}"),
        };
        let mut tx = self.begin().await?;
        let project: Option<String> =
            sqlx::query_scalar(&format!("SELECT {}", chosen_project(lookup)))
                .bind(name.to_owned())
                .bind(lookup.project().to_owned())
                .fetch_one(crate::bounded::on(tx.conn()))
                .await?;
        let project = project.ok_or_else(missing)?;
        sqlx::query("DELETE FROM action_components WHERE name = $1 AND project_id = $2")
            .bind(name.to_owned())
            .bind(project.clone())
            .execute(crate::bounded::on(tx.conn()))
            .await?;
        delete_unused_blobs(&mut tx).await?;
        tx.commit().await?;
        Ok(project)
    }
}

/// Deletes the bytes and the compiled code of components no version uses.
async fn delete_unused_blobs(tx: &mut crate::tx::StoreTx<'_>) -> Result<()> {
    sqlx::query(
        "DELETE FROM component_blobs WHERE NOT EXISTS \
         (SELECT 1 FROM action_components c WHERE c.digest = component_blobs.digest)",
    )
    .execute(crate::bounded::on(tx.conn()))
    .await?;
    sqlx::query(
        "DELETE FROM component_artifacts WHERE NOT EXISTS \
         (SELECT 1 FROM component_blobs b WHERE b.digest = component_artifacts.digest)",
    )
    .execute(crate::bounded::on(tx.conn()))
    .await?;
    Ok(())
}

/// An ad-hoc action by exact name in a namespace.
/// An ad-hoc action by id (`$1`) or by name (`$1`) in a namespace (`$2`).
const BY_KEY: &str = "id = $1 OR (name = $1 AND namespace = $2)";
