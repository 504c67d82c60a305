//! What the operator sets per project (`bora project`, `bora secret`): the
//! ceilings of its calls and its secrets.
//!
//! Both tables are small (a row per project, a few secrets per project).
//! Nodes read the whole settings table and keep it for a few seconds, so
//! the hot path of a call does not ask the store; a secret is read only
//! when a call's input names it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::Store;
use crate::{Result, StoreError};

/// The ceilings of one project; `None`: none of the project's for that
/// limit (the node's applies).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectSettings {
    pub project: String,
    pub max_fuel: Option<u64>,
    pub max_memory: Option<u64>,
    /// Seconds.
    pub max_action_timeout: Option<u64>,
    /// The hosts calls may reach at most; `None`: no cut beyond the node's
    /// rules, empty: no network at all.
    pub allowed_hosts: Option<Vec<String>>,
    pub updated_at: i64,
}

impl ProjectSettings {
    /// Whether no ceiling is set (such a project needs no row).
    pub fn is_empty(&self) -> bool {
        self.max_fuel.is_none()
            && self.max_memory.is_none()
            && self.max_action_timeout.is_none()
            && self.allowed_hosts.is_none()
    }
}

/// How long a node keeps the settings it read: a change made with `bora
/// project limits` reaches every node within this time.
pub const SETTINGS_TTL: Duration = Duration::from_secs(5);

/// Most executions whose project a node remembers (then it starts over).
const MAX_REMEMBERED: usize = 10_000;

/// Every project's settings, by project.
pub type SettingsByProject = Arc<HashMap<String, Arc<ProjectSettings>>>;

/// What a node keeps: the whole settings table, read at most
/// [`SETTINGS_TTL`] ago, and the projects of executions (which never
/// change).
#[derive(Debug, Default)]
pub(crate) struct Cache {
    settings: RwLock<Option<(Instant, SettingsByProject)>>,
    /// Held by the one call that reads the table again.
    refresh: tokio::sync::Mutex<()>,
    executions: Mutex<HashMap<String, String>>,
}

impl Cache {
    fn fresh(&self) -> Option<SettingsByProject> {
        let kept = self.settings.read().unwrap_or_else(|e| e.into_inner());
        kept.as_ref()
            .filter(|(at, _)| at.elapsed() < SETTINGS_TTL)
            .map(|(_, settings)| Arc::clone(settings))
    }

    fn stale(&self) -> Option<SettingsByProject> {
        let kept = self.settings.read().unwrap_or_else(|e| e.into_inner());
        kept.as_ref().map(|(_, settings)| Arc::clone(settings))
    }
}

/// A project secret as stored: its value is a sealed marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectSecret {
    pub project: String,
    pub name: String,
    /// The sealed value (`bora-secret:v1.KEYID.DATA;`), never the clear one.
    pub value: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A BIGINT column read back as a limit (negative values are corrupt).
fn limit(row: &AnyRow, column: &'static str) -> Result<Option<u64>> {
    let value: Option<i64> = row.try_get(column)?;
    value
        .map(|v| {
            u64::try_from(v).map_err(|_| StoreError::Corrupt {
                what: "project settings",
                detail: format!("{column} is {v}"),
            })
        })
        .transpose()
}

/// A limit as a BIGINT (the CLI refuses larger ones before).
fn column(value: Option<u64>, name: &'static str) -> Result<Option<i64>> {
    value
        .map(|v| {
            i64::try_from(v).map_err(|_| StoreError::Database(format!("{name} {v} is too large")))
        })
        .transpose()
}

fn settings_from_row(row: &AnyRow) -> Result<ProjectSettings> {
    let hosts: Option<String> = row.try_get("allowed_hosts")?;
    let allowed_hosts = hosts
        .map(|text| {
            serde_json::from_str::<Vec<String>>(&text).map_err(|e| StoreError::Corrupt {
                what: "project allowed hosts",
                detail: e.to_string(),
            })
        })
        .transpose()?;
    Ok(ProjectSettings {
        project: row.try_get("project_id")?,
        max_fuel: limit(row, "max_fuel")?,
        max_memory: limit(row, "max_memory")?,
        max_action_timeout: limit(row, "max_action_timeout")?,
        allowed_hosts,
        updated_at: row.try_get("updated_at")?,
    })
}

fn secret_from_row(row: &AnyRow) -> Result<ProjectSecret> {
    Ok(ProjectSecret {
        project: row.try_get("project_id")?,
        name: row.try_get("name")?,
        value: row.try_get("value")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

const SETTINGS: &str = "SELECT project_id, max_fuel, max_memory, max_action_timeout, \
                        allowed_hosts, updated_at FROM project_settings";

const SECRETS: &str = "SELECT project_id, name, value, created_at, updated_at FROM project_secrets";

impl Store {
    /// Every project's settings as this node read them at most
    /// [`SETTINGS_TTL`] ago (the hot path of a call: usually no query).
    ///
    /// # Errors
    /// The store's, when it cannot be read and nothing was read before
    /// (after that, the last settings read stay in force until it can).
    pub async fn cached_project_settings(&self) -> Result<SettingsByProject> {
        if let Some(settings) = self.projects.fresh() {
            return Ok(settings);
        }
        let _turn = self.projects.refresh.lock().await;
        if let Some(settings) = self.projects.fresh() {
            return Ok(settings);
        }
        let read = match self.all_project_settings().await {
            Ok(read) => read,
            Err(err) => {
                return match self.projects.stale() {
                    Some(settings) => {
                        tracing::warn!(error = %err, "cannot read the projects' settings; keeping the last ones read");
                        Ok(settings)
                    }
                    None => Err(err),
                };
            }
        };
        let settings: SettingsByProject = Arc::new(
            read.into_iter()
                .map(|s| (s.project.clone(), Arc::new(s)))
                .collect(),
        );
        *self
            .projects
            .settings
            .write()
            .unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), Arc::clone(&settings)));
        Ok(settings)
    }

    /// The project of execution `id` (`None`: no such execution),
    /// remembered by this node once read.
    ///
    /// # Errors
    /// The store's.
    pub async fn execution_project(&self, id: &str) -> Result<Option<String>> {
        if let Some(project) = self
            .projects
            .executions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(id)
        {
            return Ok(Some(project.clone()));
        }
        let project = self.project_of(crate::Owned::Execution, id).await?;
        if let Some(project) = &project {
            let mut known = self
                .projects
                .executions
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            if known.len() >= MAX_REMEMBERED {
                known.clear();
            }
            known.insert(id.to_owned(), project.clone());
        }
        Ok(project)
    }

    /// The settings of every project that has some, by project.
    pub async fn all_project_settings(&self) -> Result<Vec<ProjectSettings>> {
        let rows = sqlx::query(&format!("{SETTINGS} ORDER BY project_id"))
            .fetch_all(self.bounded())
            .await?;
        rows.iter().map(settings_from_row).collect()
    }

    /// One project's settings, if it has any.
    pub async fn project_settings(&self, project: &str) -> Result<Option<ProjectSettings>> {
        sqlx::query(&format!("{SETTINGS} WHERE project_id = $1"))
            .bind(project.to_owned())
            .fetch_optional(self.bounded())
            .await?
            .map(|row| settings_from_row(&row))
            .transpose()
    }

    /// Stores a project's settings as they are; settings without any
    /// ceiling remove its row.
    pub async fn put_project_settings(&self, settings: &ProjectSettings) -> Result<()> {
        if settings.is_empty() {
            sqlx::query("DELETE FROM project_settings WHERE project_id = $1")
                .bind(settings.project.clone())
                .execute(self.bounded())
                .await?;
            return Ok(());
        }
        let hosts = settings
            .allowed_hosts
            .as_ref()
            .map(|h| serde_json::to_string(h).unwrap_or_else(|_| "[]".to_owned()));
        sqlx::query(
            "INSERT INTO project_settings (project_id, max_fuel, max_memory, \
             max_action_timeout, allowed_hosts, updated_at) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (project_id) DO UPDATE SET max_fuel = excluded.max_fuel, \
             max_memory = excluded.max_memory, \
             max_action_timeout = excluded.max_action_timeout, \
             allowed_hosts = excluded.allowed_hosts, updated_at = excluded.updated_at",
        )
        .bind(settings.project.clone())
        .bind(column(settings.max_fuel, "max fuel")?)
        .bind(column(settings.max_memory, "max memory")?)
        .bind(column(settings.max_action_timeout, "max action timeout")?)
        .bind(hosts)
        .bind(settings.updated_at)
        .execute(self.bounded())
        .await?;
        Ok(())
    }

    /// Stores (or replaces) a project secret's sealed value.
    pub async fn put_project_secret(
        &self,
        project: &str,
        name: &str,
        sealed: &str,
        now: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO project_secrets (project_id, name, value, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $4) ON CONFLICT (project_id, name) \
             DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        )
        .bind(project.to_owned())
        .bind(name.to_owned())
        .bind(sealed.to_owned())
        .bind(now)
        .execute(self.bounded())
        .await?;
        Ok(())
    }

    /// Replaces a stored secret's sealed value only if it is still `old`
    /// (the re-sealing of `bora secrets rotate`); whether it was replaced.
    pub async fn reseal_project_secret(
        &self,
        secret: &ProjectSecret,
        sealed: &str,
        now: i64,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE project_secrets SET value = $1, updated_at = $2 \
             WHERE project_id = $3 AND name = $4 AND value = $5",
        )
        .bind(sealed.to_owned())
        .bind(now)
        .bind(secret.project.clone())
        .bind(secret.name.clone())
        .bind(secret.value.clone())
        .execute(self.bounded())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Deletes a project secret; whether there was one.
    pub async fn delete_project_secret(&self, project: &str, name: &str) -> Result<bool> {
        let done = sqlx::query("DELETE FROM project_secrets WHERE project_id = $1 AND name = $2")
            .bind(project.to_owned())
            .bind(name.to_owned())
            .execute(self.bounded())
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The secrets of `project` (every project's with `None`), by project
    /// and name.
    pub async fn project_secrets(&self, project: Option<&str>) -> Result<Vec<ProjectSecret>> {
        let rows = match project {
            Some(project) => {
                sqlx::query(&format!("{SECRETS} WHERE project_id = $1 ORDER BY name"))
                    .bind(project.to_owned())
                    .fetch_all(self.bounded())
                    .await?
            }
            None => {
                sqlx::query(&format!("{SECRETS} ORDER BY project_id, name"))
                    .fetch_all(self.bounded())
                    .await?
            }
        };
        rows.iter().map(secret_from_row).collect()
    }

    /// The sealed values of the secrets of `project` named in `names` that
    /// exist, by name (a call's input names a few).
    pub async fn project_secret_values(
        &self,
        project: &str,
        names: &[String],
    ) -> Result<HashMap<String, String>> {
        let mut found = HashMap::with_capacity(names.len());
        for name in names {
            let value: Option<String> = sqlx::query_scalar(
                "SELECT value FROM project_secrets WHERE project_id = $1 AND name = $2",
            )
            .bind(project.to_owned())
            .bind(name.clone())
            .fetch_optional(self.bounded())
            .await?;
            if let Some(value) = value {
                found.insert(name.clone(), value);
            }
        }
        Ok(found)
    }
}
