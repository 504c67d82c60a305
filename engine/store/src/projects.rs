//! Projects: whose objects a caller sees, and which project owns an
//! execution, a task or an action execution.
//!
//! Definitions (workflows, workbooks, ad-hoc actions, environments, cron and
//! event triggers) carry their `project_id` and `scope` in their records;
//! executions carry it in `workflow_executions.project_id` (a sub-workflow
//! has its root's), and tasks and actions are their execution's. An action
//! run through the API without a workflow keeps its own.

use crate::Result;
use crate::db::Store;

/// The project of everything made while authentication is off (Mistral's
/// name for it).
pub const DEFAULT_PROJECT: &str = "<default-project>";

/// Which projects' objects a caller sees, and where what it makes goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectScope {
    /// The caller's project: what it creates belongs there.
    pub project: String,
    /// Sees every project's objects: authentication is off, or an admin
    /// asked for all projects (Mistral's `all_projects=true`).
    pub all: bool,
}

impl ProjectScope {
    /// Every project, creating in the default one (authentication off).
    pub fn everything() -> Self {
        ProjectScope {
            project: DEFAULT_PROJECT.to_owned(),
            all: true,
        }
    }

    /// One project's objects (and public definitions).
    pub fn only(project: &str) -> Self {
        ProjectScope {
            project: project.to_owned(),
            all: false,
        }
    }

    /// Whether an object of `owner` is visible.
    pub fn sees(&self, owner: &str) -> bool {
        self.all || self.project == owner
    }

    /// Whether a definition of `owner` with `scope` (`private` or `public`)
    /// is visible: public ones are, to every project.
    pub fn sees_definition(&self, owner: &str, scope: &str) -> bool {
        self.sees(owner) || scope == "public"
    }

    /// The project a list is restricted to (`None`: every project).
    pub fn filter(&self) -> Option<&str> {
        (!self.all).then_some(self.project.as_str())
    }
}

impl Default for ProjectScope {
    fn default() -> Self {
        ProjectScope::everything()
    }
}

/// A run-time object whose project is its execution's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owned {
    Execution,
    Task,
    Action,
}

impl Store {
    /// The project owning an execution, a task or an action execution;
    /// `None` when there is no such object.
    pub async fn project_of(&self, kind: Owned, id: &str) -> Result<Option<String>> {
        let sql = match kind {
            Owned::Execution => "SELECT project_id FROM workflow_executions WHERE id = $1",
            Owned::Task => {
                "SELECT e.project_id FROM task_executions t JOIN workflow_executions e \
                 ON e.id = t.workflow_execution_id WHERE t.id = $1"
            }
            Owned::Action => {
                "SELECT COALESCE(e.project_id, a.project_id) FROM action_executions a \
                 LEFT JOIN workflow_executions e ON e.id = a.workflow_execution_id \
                 WHERE a.id = $1"
            }
        };
        Ok(sqlx::query_scalar(sql)
            .bind(id.to_owned())
            .fetch_optional(&self.pool)
            .await?)
    }
}
