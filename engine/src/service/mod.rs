//! The operations Bora offers, used by the REST API and the CLI: workflow
//! definitions, starting and controlling executions. A thin layer over the
//! language crate, the store and the scheduler; it owns no workflow logic.
//!
//! One file per concern: `definitions` (workbooks and workflows),
//! `executions` (starting, steering, listing and deleting them), `reports`
//! (an execution's report, graph and sub-execution trees), `tasks`,
//! `environments`, `cron_triggers` (with the pure `schedule` helpers),
//! `event_triggers` (started by events posted to the API),
//! `actions` (the action catalogue: standard, ad-hoc, uploaded) and
//! `action_executions`. This file has the service itself and what they
//! share: its errors, and sending events and waiting for their steps.
//!
//! The REST API and the node's loops reach the store only through here;
//! what they get back are plain records to render.

use std::sync::Arc;
use std::time::Duration;

use bora_core::limits::EngineLimits;
use bora_core::records::WorkflowExecution;
use bora_core::step::Event;
use bora_store::{Store, StoreError, StoredExecution};
use tokio::sync::{Notify, broadcast};

use crate::actions::definitions::DefinitionError;
use crate::runtime::{Ceilings, Runtime};
use crate::scheduler::Scheduler;

mod access;
mod action_executions;
mod actions;
mod cron_triggers;
mod definition_cache;
mod definitions;
mod environments;
mod event_triggers;
mod executions;
mod projects;
mod reports;
mod schedule;
mod tasks;

pub use action_executions::{ActionRun, ActionRunRequest};
pub use actions::ActionEntry;
pub use cron_triggers::CronTriggerRequest;
pub use definitions::{input_string, interface};
pub use event_triggers::{CreatedEventTrigger, EventOutcome, EventTriggerRequest};
pub use executions::{ExecutionUpdate, StartRequest};
pub use projects::{as_project, current_project};
pub use reports::{
    ExecutionGraph, ExecutionReport, TaskReport, TaskStatistics, TreeFilter, WorkflowReport,
};
pub use tasks::TaskDetails;

/// Why an operation failed, by what the caller must do about it.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Something named does not exist (HTTP 404).
    #[error("{0}")]
    NotFound(String),
    /// The request is wrong: bad definition, bad input, impossible state
    /// change (HTTP 400).
    #[error("{0}")]
    BadRequest(String),
    /// A name is already taken (HTTP 409).
    #[error("{0}")]
    Duplicate(String),
    /// The record is not in a state that allows the operation, e.g.
    /// deleting a running execution (HTTP 403).
    #[error("{0}")]
    Forbidden(String),
    /// The store failed (HTTP 500; details are logged, not shown).
    #[error("internal error: {0}")]
    Internal(String),
    /// The database cannot be reached right now (HTTP 503: the same request
    /// may succeed in a moment; details are logged, not shown).
    #[error("database unavailable: {0}")]
    Unavailable(String),
}

impl From<StoreError> for ServiceError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound { kind, key } => {
                ServiceError::NotFound(format!("{kind} not found [{key}]"))
            }
            StoreError::Duplicate { kind, key } => {
                ServiceError::Duplicate(format!("Duplicate entry for {kind} [{key}]"))
            }
            StoreError::Unavailable(detail) => ServiceError::Unavailable(detail),
            other => ServiceError::Internal(other.to_string()),
        }
    }
}

/// Ad-hoc action definitions (workbook actions, `/v2/actions` uploads).
impl From<DefinitionError> for ServiceError {
    fn from(err: DefinitionError) -> Self {
        match err {
            DefinitionError::Invalid(m) => Self::BadRequest(m),
            DefinitionError::Duplicate(m) => Self::Duplicate(m),
            DefinitionError::Store(e) => e.into(),
        }
    }
}

/// The service: one per process.
#[derive(Clone)]
pub struct Service {
    store: Store,
    scheduler: Scheduler,
    /// Wakes this node's cron loop when a trigger is created.
    cron_wake: Arc<Notify>,
    /// Runs actions called directly (`POST /v2/action_executions`) and
    /// describes the standard ones.
    runtime: Runtime,
    /// The runtime's ceilings, which a task's literal `limits` must respect.
    ceilings: Ceilings,
    /// Caps on what requests bring in (bodies, definitions, inputs).
    limits: EngineLimits,
    /// The definitions starts used (checked again by each start's commit).
    definitions: definition_cache::DefinitionCache,
}

/// A 400 with Mistral's message.
fn bad(message: impl Into<String>) -> ServiceError {
    ServiceError::BadRequest(message.into())
}

impl Service {
    /// A service over `store`, stepping executions with `scheduler` and
    /// checking definitions against the `runtime`'s ceilings.
    pub fn new(store: Store, scheduler: Scheduler, runtime: Runtime) -> Self {
        Self {
            store,
            scheduler,
            cron_wake: Arc::new(Notify::new()),
            ceilings: runtime.ceilings(),
            runtime,
            limits: EngineLimits::default(),
            definitions: definition_cache::DefinitionCache::default(),
        }
    }

    /// The same service enforcing `limits` at the door (the engine's share
    /// of them is set on each execution by the scheduler).
    pub fn with_limits(mut self, limits: EngineLimits) -> Self {
        self.limits = limits;
        self
    }

    /// The limits this service enforces.
    pub fn limits(&self) -> &EngineLimits {
        &self.limits
    }

    /// Notified when a cron trigger is created on this node.
    pub fn cron_wake(&self) -> &Notify {
        &self.cron_wake
    }

    /// The database outage this node's checks found, if any (see
    /// `bora_store::outage`).
    pub fn outage(&self) -> Option<bora_store::Outage> {
        self.store.outage()
    }

    /// Whether this node can serve: the store answers and its schema is
    /// the one this version knows (`GET /ready`). `Err` when the store
    /// cannot be reached; otherwise the schema's status.
    pub async fn readiness(&self) -> Result<bora_store::SchemaStatus, ServiceError> {
        Ok(self.store.schema_status().await?)
    }

    /// The scheduler, for the node that runs its loops (and tests that
    /// drive it).
    pub fn scheduler(&self) -> &Scheduler {
        &self.scheduler
    }

    /// The ids of the executions this node steps, as it steps them (see
    /// [`Scheduler::subscribe`]).
    pub fn subscribe(&self) -> broadcast::Receiver<String> {
        self.scheduler.subscribe()
    }
}

/// Events and waiting for the steps that apply them.
impl Service {
    /// Queues an event for an execution durably and delivers it (here, or
    /// through the store to the node that steps the execution).
    pub async fn send(&self, execution_id: &str, event: Event) -> Result<(), ServiceError> {
        Ok(self.scheduler.send(execution_id, event).await?)
    }

    /// Waits (reading the store after each of its steps) until `done` holds
    /// for the execution, for at most 30 seconds; returns the last read.
    pub async fn wait_until(
        &self,
        id: &str,
        done: impl Fn(&WorkflowExecution) -> bool,
    ) -> Result<StoredExecution, ServiceError> {
        self.poll(
            id,
            Duration::from_secs(30),
            || self.store.get_execution(id),
            |current| done(&current.execution),
        )
        .await
    }

    /// Reads with `read` until `done` holds for what it read or `limit` has
    /// passed, waiting between reads for a step of `execution_id` on this
    /// node (or a short while: another node may hold the execution); returns
    /// the last read. Only steps of that execution wake the caller, so many
    /// callers waiting at once (a burst of starts) cost no extra reads.
    async fn poll<T, F>(
        &self,
        execution_id: &str,
        limit: Duration,
        mut read: impl FnMut() -> F,
        done: impl Fn(&T) -> bool,
    ) -> Result<T, ServiceError>
    where
        F: Future<Output = Result<T, StoreError>>,
    {
        let deadline = tokio::time::Instant::now() + limit;
        // Subscribed before the first read: a step between is not missed.
        let mut changes = self.scheduler.subscribe();
        loop {
            let current = read().await?;
            if done(&current) || tokio::time::Instant::now() > deadline {
                return Ok(current);
            }
            crate::scheduler::wait_for_change(
                &mut changes,
                execution_id,
                Duration::from_millis(100),
            )
            .await;
        }
    }
}
