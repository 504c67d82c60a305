//! Bora's durable store: workflow definitions, executions (workflow, task and
//! action executions) and the queue of due jobs, on SQLite (the embedded
//! default) or PostgreSQL (production and multi-node).
//!
//! Both backends share one set of queries through sqlx's `Any` driver: JSON
//! documents are TEXT and times are BIGINT microseconds, and placeholders are
//! `$N`, which SQLite understands too. The few statements that differ (row
//! locks, `SKIP LOCKED`) branch on [`Backend`].
//!
//! Every engine step runs in one [`StoreTx`]: lock the execution, read it,
//! write what the core decided, commit. On PostgreSQL the execution row is
//! locked with `FOR UPDATE`; SQLite has one writer, so writers of this process
//! queue on an async mutex instead of failing with `SQLITE_BUSY`.
//!
//! # Layout
//!
//! - [`db`]: connecting, migrations, the backend dialect.
//! - [`rows`]: mapping records to rows and back.
//! - [`tx`]: the write transaction of an engine step.
//! - [`definitions`]: workflow definitions and parsed specs.
//! - [`workbooks`]: workbooks (their workflows are definitions).
//! - [`actions`]: ad-hoc action definitions and uploaded components (versioned).
//! - [`auth`]: API tokens (by digest) and the audit log.
//! - [`environments`]: named variable sets for `params.env`.
//! - [`cron_triggers`]: scheduled workflow starts.
//! - [`event_triggers`]: workflow starts on events (fed by the API's webhook).
//! - [`jobs`]: the job queue (actions to run, timers, events).
//! - [`nodes`]: the nodes sharing the store; taking a dead node's jobs over.
//! - [`outputs`]: what actions printed and logged.
//! - [`projects`]: which project's objects a caller sees, and which definition a
//!   name means to it (names are unique per project).
//! - [`project_settings`]: the operator's ceilings and secrets per project.
//! - `notify`: wake-ups when free jobs are queued (PostgreSQL LISTEN/NOTIFY).
//! - [`queries`]: reads for the API (lists with filters and paging).
//! - `crud`: the fetch/insert/delete plumbing the resource modules share.

pub mod actions;
pub mod auth;
mod bounded;
pub mod cron_triggers;
mod crud;
pub mod db;
pub mod definitions;
pub mod environments;
pub mod event_triggers;
pub mod jobs;
pub mod liveness;
pub mod nodes;
mod notify;
pub mod outage;
pub mod outputs;
pub mod project_settings;
pub mod projects;
pub mod queries;
mod readers;
pub mod rows;
pub mod tx;
pub mod workbooks;

pub use actions::{
    ActionComponent, ActionDefinition, CompileState, ComponentArtifact, NewComponent,
};
pub use auth::{AuditEntry, TokenRecord};
pub use cron_triggers::CronTriggerRecord;
pub use db::{Backend, SchemaStatus, Store};
pub use definitions::WorkflowDefinition;
pub use environments::EnvironmentRecord;
pub use event_triggers::{EventTriggerRecord, EventTriggerUpdate};
pub use jobs::{Claim, Job, JobCount, JobKind, NewJob};
pub use nodes::{NodeRecord, Registered};
pub use outage::{Outage, Reachability};
pub use project_settings::{ProjectSecret, ProjectSettings, SETTINGS_TTL, SettingsByProject};
pub use projects::{DEFAULT_PROJECT, Lookup, Owned, ProjectScope};
pub use rows::StoredExecution;
pub use tx::{Claimed, ExecutionSnapshot, HeldConnection, StoreTx};
pub use workbooks::WorkbookRecord;

/// Errors of the store. `sqlx` errors never leave this crate as such.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record does not exist.
    #[error("{kind} not found [{key}]")]
    NotFound { kind: &'static str, key: String },
    /// A unique key is taken (e.g. a workflow name in its namespace).
    #[error("duplicate {kind} [{key}]")]
    Duplicate { kind: &'static str, key: String },
    /// The database URL is not one Bora supports.
    #[error("unsupported database URL '{0}': use sqlite://PATH or postgres://...")]
    BadUrl(String),
    /// A stored value could not be read back (corrupt or foreign data).
    #[error("corrupt {what} in the store: {detail}")]
    Corrupt { what: &'static str, detail: String },
    /// The database refused a statement (a constraint, a value it cannot
    /// hold, ...): trying the same again fails the same way.
    #[error("database error: {0}")]
    Database(String),
    /// The database cannot be reached right now (connection lost, pool
    /// exhausted or closed): the same work may succeed later.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// Applying the migrations failed.
    #[error("database migration failed: {0}")]
    Migration(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::Io(_) | sqlx::Error::Tls(_) | sqlx::Error::WorkerCrashed => {
                liveness::connection_lost();
                StoreError::Unavailable(err.to_string())
            }
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => {
                StoreError::Unavailable(err.to_string())
            }
            sqlx::Error::Database(ref db) if db.code().is_some_and(|c| transient_code(&c)) => {
                if db.code().is_some_and(|c| lost_code(&c)) {
                    liveness::connection_lost();
                }
                StoreError::Unavailable(err.to_string())
            }
            other => StoreError::Database(other.to_string()),
        }
    }
}

/// Error codes that say the database went away or a transaction lost a
/// race, not that the statement is wrong: SQLite's "database is locked"
/// (another process held the file past the busy timeout); PostgreSQL's
/// class 08 (connection exception), 57P01-57P03 (the server shutting down,
/// crashed, or still starting: a restart cuts the sessions it had), 53300
/// (no connection slot free) and 40001/40P01 (serialization failure,
/// deadlock).
fn transient_code(code: &str) -> bool {
    code == "5"
        || code.starts_with("08")
        || matches!(
            code,
            "57P01" | "57P02" | "57P03" | "53300" | "40001" | "40P01"
        )
}

/// The codes of [`transient_code`] that end the session: the connection
/// is gone (see [`liveness`]).
fn lost_code(code: &str) -> bool {
    code.starts_with("08") || matches!(code, "57P01" | "57P02" | "57P03")
}

impl StoreError {
    /// Whether the same operation may succeed later without any change
    /// (the database was unreachable), as opposed to failing the same way.
    pub fn is_transient(&self) -> bool {
        matches!(self, StoreError::Unavailable(_))
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::transient_code;

    #[test]
    fn lost_connections_and_lost_races_are_transient_and_bad_statements_are_not() {
        for code in [
            "5", "08006", "08003", "57P01", "57P02", "57P03", "53300", "40001", "40P01",
        ] {
            assert!(transient_code(code), "{code}");
        }
        // A unique violation, a syntax error, a dropped database, a
        // cancelled statement (statement_timeout), SQLite's constraint.
        for code in ["23505", "42601", "57P04", "57014", "19", "2067"] {
            assert!(!transient_code(code), "{code}");
        }
    }
}
