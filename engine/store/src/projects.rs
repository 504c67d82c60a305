//! Projects: whose objects a caller sees, and which project owns an
//! execution, a task or an action execution.
//!
//! Definitions (workflows, workbooks, ad-hoc actions, environments, cron and
//! event triggers) carry their `project_id` and `scope` in their records;
//! executions carry it in `workflow_executions.project_id` (a sub-workflow
//! has its root's), and tasks and actions are their execution's. An action
//! run through the API without a workflow keeps its own.
//!
//! Names of definitions are unique per project (migration 0014; uploaded
//! actions: 0016): which one a name means to a caller is [`Lookup`]'s rule.

use crate::Result;
use crate::db::Store;
use crate::readers::READ_BOUND;

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

    /// A by-name lookup for reading or running: its own definitions and
    /// the public ones of other projects, its own first.
    pub fn read(&self) -> Lookup<'_> {
        Lookup {
            scope: self,
            change: false,
        }
    }

    /// A by-name lookup for changing or deleting: its own definitions
    /// only (another project's public one is not its to change).
    pub fn change(&self) -> Lookup<'_> {
        Lookup {
            scope: self,
            change: true,
        }
    }
}

/// Which definition a name means to a caller. Names are unique per
/// project, so one name may be a definition of the caller's project and
/// public ones of others: the caller's own wins, then public ones (then,
/// for `all`, the others), oldest first. This is the one place of that
/// rule: [`Lookup::admits`] says it of a record, [`Lookup::condition`] and
/// [`Lookup::preference`] in SQL.
#[derive(Debug, Clone, Copy)]
pub struct Lookup<'a> {
    scope: &'a ProjectScope,
    change: bool,
}

impl Lookup<'_> {
    /// The caller's project (bound where the SQL says `$n`).
    pub fn project(&self) -> &str {
        &self.scope.project
    }

    /// Whether a definition of `owner` with `scope` may be taken.
    pub fn admits(&self, owner: &str, scope: &str) -> bool {
        if self.change {
            self.scope.sees(owner)
        } else {
            self.scope.sees_definition(owner, scope)
        }
    }

    /// [`Lookup::admits`] as an SQL condition on `project_id` and `scope`,
    /// the caller's project bound at `$n`.
    pub(crate) fn condition(&self, n: usize) -> String {
        match (self.scope.all, self.change) {
            (true, _) => "1 = 1".to_owned(),
            (false, true) => format!("project_id = ${n}"),
            (false, false) => format!("(project_id = ${n} OR scope = 'public')"),
        }
    }

    /// An `ORDER BY` list putting the definition the name means first.
    pub(crate) fn preference(&self, n: usize) -> String {
        format!("{}, created_at, id", self.rank(n))
    }

    /// How near a row is to the caller: 0 its own project's, 1 public,
    /// 2 another's (seen by `all` only); lower comes first.
    pub(crate) fn rank(&self, n: usize) -> String {
        format!("CASE WHEN project_id = ${n} THEN 0 WHEN scope = 'public' THEN 1 ELSE 2 END")
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
        let mut reader = self.reader().await?;
        let query = sqlx::query_scalar(sql).bind(id.to_owned());
        let project = tokio::time::timeout(READ_BOUND, async {
            Ok(query.fetch_optional(&mut *reader).await?)
        })
        .await;
        reader.finish(project, "reading an owner's project")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_definitions_and_public_ones_are_read_own_ones_changed() {
        let beta = ProjectScope::only("beta");
        let all = ProjectScope::everything();
        for (owner, scope, read, change) in [
            ("beta", "private", true, true),
            ("beta", "public", true, true),
            ("alpha", "public", true, false),
            ("alpha", "private", false, false),
        ] {
            assert_eq!(beta.read().admits(owner, scope), read, "{owner} {scope}");
            assert_eq!(
                beta.change().admits(owner, scope),
                change,
                "{owner} {scope}"
            );
            assert!(all.read().admits(owner, scope) && all.change().admits(owner, scope));
        }
        assert_eq!(beta.change().condition(2), "project_id = $2");
        assert_eq!(all.read().condition(1), "1 = 1");
    }
}
