//! The executor: runs action jobs on the wasm runtime, with bounded
//! concurrency, and reports each result to the scheduler as an engine event.
//!
//! Jobs arrive from this node's scheduler right after the step that created
//! them commits. Jobs whose lease expired (their node died) are claimed from
//! the store: as in Mistral, an action whose task is `safe-rerun` runs
//! again (so it may run more than once, never zero times); any other fails
//! with an error saying so, and the task's retry and `on-error` decide.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bora_core::records::ActionResult;
use bora_core::step::Event;
use bora_expr::DataContext;
use bora_store::JobKind;
use serde_json::{Value, json};
use tokio::sync::{Semaphore, mpsc};

use crate::actions::{Actions, Call};
use crate::runtime::{CallContext, CallOverrides, FailureKind, Runtime};
use crate::scheduler::{ActionJob, Scheduler, now_micros};

/// How often a node renews its leases, and for how long: a node that stops
/// renewing loses its jobs to the others within `RENEWED_LEASE`.
const LEASE_RENEWAL: Duration = Duration::from_secs(20);
const RENEWED_LEASE: Duration = Duration::from_secs(90);

/// Settings of the executor.
#[derive(Debug, Clone)]
pub struct ExecutorConfig {
    /// Actions running at once on this node.
    pub concurrency: usize,
    /// Largest result stored, in bytes of JSON; bigger results fail the
    /// action with a clear message instead of bloating the store.
    pub max_result_bytes: usize,
}

impl Default for ExecutorConfig {
    fn default() -> Self {
        Self {
            concurrency: 64,
            max_result_bytes: 1 << 20,
        }
    }
}

/// Runs actions for the scheduler.
#[derive(Clone)]
pub struct Executor {
    actions: Actions,
    scheduler: Scheduler,
    config: ExecutorConfig,
    permits: Arc<Semaphore>,
    /// Jobs this executor holds (waiting for a permit or running): when
    /// their lease runs out meanwhile, recovery must not take them for
    /// jobs of a dead node.
    held: Arc<Mutex<HashSet<String>>>,
}

impl Executor {
    pub fn new(runtime: Runtime, scheduler: Scheduler, config: ExecutorConfig) -> Self {
        let permits = Arc::new(Semaphore::new(config.concurrency.max(1)));
        Self {
            actions: Actions::new(scheduler.store().clone(), runtime),
            scheduler,
            config,
            permits,
            held: Arc::default(),
        }
    }

    fn held(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        self.held.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs jobs from the scheduler's queue and from expired leases, until
    /// `shutdown` resolves.
    pub async fn run(
        &self,
        mut queue: mpsc::UnboundedReceiver<ActionJob>,
        shutdown: impl std::future::Future<Output = ()>,
    ) {
        tokio::pin!(shutdown);
        let mut recovery = tokio::time::interval(Duration::from_secs(1));
        let mut heartbeat = tokio::time::interval(LEASE_RENEWAL);
        loop {
            tokio::select! {
                _ = &mut shutdown => return,
                job = queue.recv() => match job {
                    Some(job) => self.spawn(job),
                    None => return,
                },
                _ = recovery.tick() => self.recover().await,
                _ = heartbeat.tick() => self.renew_leases().await,
            }
        }
    }

    /// Keeps this node's action leases alive while it runs, so another node
    /// takes its actions over only after it stopped (not when an action
    /// outlives its first lease). Event leases are left to expire: a live
    /// node's scheduler re-claims an event whose step never happened.
    async fn renew_leases(&self) {
        let until = now_micros() + i64::try_from(RENEWED_LEASE.as_micros()).unwrap_or(i64::MAX);
        if let Err(err) = self
            .scheduler
            .store()
            .renew_leases(JobKind::Action, self.scheduler.node(), until)
            .await
        {
            tracing::error!(error = %err, "renewing this node's leases failed");
        }
    }

    /// Claims action jobs that nobody holds (their node died) and runs them.
    async fn recover(&self) {
        let now = now_micros();
        let lease = now + 120 * 1_000_000;
        let store = self.scheduler.store();
        let jobs = match store
            .claim_jobs(JobKind::Action, self.scheduler.node(), now, lease, 64)
            .await
        {
            Ok(jobs) => jobs,
            Err(err) => {
                tracing::error!(error = %err, "claiming action jobs failed");
                return;
            }
        };
        for job in jobs {
            if self.held().contains(&job.id) {
                // Still ours (queued or running); the claim renewed its lease.
                continue;
            }
            if job.attempts >= i64::from(self.scheduler.max_attempts())
                && let Some(execution_id) = &job.execution_id
            {
                // Its node died every time it ran or finished it: running
                // it again could take this node down too.
                self.scheduler.quarantine(execution_id, job.attempts).await;
                continue;
            }
            match serde_json::from_value::<ActionJob>(job.payload) {
                Ok(mut action) if action.safe_rerun => {
                    action.job_id = job.id;
                    tracing::info!(action = %action.action_id, "running an action again after its node stopped");
                    self.spawn(action);
                }
                Ok(mut action) => {
                    action.job_id = job.id;
                    tracing::warn!(action = %action.action_id, "failing an action whose node stopped while it ran (not safe-rerun)");
                    self.scheduler.submit(
                        &action.execution_id,
                        Event::ActionCompleted {
                            action_id: action.action_id.clone(),
                            result: ActionResult::Error(Value::String(not_rerun_message(
                                &action.name,
                            ))),
                        },
                        Some(action.job_id),
                    );
                }
                Err(err) => {
                    tracing::error!(job = %job.id, error = %err, "unreadable action job dropped");
                    let _ = store.delete_job(&job.id).await;
                }
            }
        }
    }

    /// Runs `job` once a permit is free. The wait is in the spawned task,
    /// so this loop keeps taking jobs and knows every job it holds.
    fn spawn(&self, job: ActionJob) {
        let id = job.job_id.clone();
        self.held().insert(id.clone());
        let this = self.clone();
        tokio::spawn(async move {
            if let Ok(permit) = this.permits.clone().acquire_owned().await {
                this.execute(job).await;
                drop(permit);
            }
            this.held().remove(&id);
        });
    }

    /// Runs one action and reports the outcome.
    pub async fn execute(&self, job: ActionJob) {
        let result = self.call(&job).await;
        let Some(result) = result else {
            // Pending: completed later through the API; the job is done.
            if let Err(err) = self.scheduler.store().delete_job(&job.job_id).await {
                tracing::error!(error = %err, "deleting an async action's job failed");
            }
            return;
        };
        self.scheduler.submit(
            &job.execution_id,
            Event::ActionCompleted {
                action_id: job.action_id.clone(),
                result,
            },
            Some(job.job_id.clone()),
        );
    }

    /// The action's result, or `None` when it completes later.
    async fn call(&self, job: &ActionJob) -> Option<ActionResult> {
        // The task's `timeout` policy is the call's wall-clock limit; its
        // `limits` give the rest.
        let limits = job.limits.clone().unwrap_or_default();
        let overrides = CallOverrides {
            fuel: limits.fuel,
            memory: limits.memory,
            timeout: job.timeout.map(Duration::from_secs),
            allowed_hosts: limits.allowed_hosts,
        };
        let ctx = CallContext {
            execution_id: Some(job.execution_id.clone()),
            task_id: Some(job.task_id.clone()),
            action_execution_id: Some(job.action_id.clone()),
        };
        let call = Call {
            name: job.name.clone(),
            namespace: job.namespace.clone(),
            workbook: job.workbook.clone(),
            input: job.input.clone(),
            context: job
                .context
                .clone()
                .map(|c| DataContext::new(Arc::new(c)))
                .unwrap_or_default(),
            ctx,
            overrides,
        };
        let result = self.actions.run_to_result(call, job.pinned_at).await?;
        Some(self.cap(result))
    }

    /// Enforces the result size cap.
    fn cap(&self, result: ActionResult) -> ActionResult {
        let value = match &result {
            ActionResult::Success(v) | ActionResult::Error(v) => v,
            ActionResult::Cancelled => return result,
        };
        let size = serde_json::to_string(value).map(|s| s.len()).unwrap_or(0);
        if size <= self.config.max_result_bytes {
            return result;
        }
        ActionResult::Error(json!(format!(
            "The action result is {size} bytes, more than the limit of {} bytes \
             (raise it with --max-result-bytes).",
            self.config.max_result_bytes
        )))
    }
}

/// The error of an action whose node stopped while it ran and whose task
/// is not `safe-rerun` (Mistral's wording, then why).
fn not_rerun_message(name: &str) -> String {
    format!(
        "Request to run action {name} was redelivered, but action {name} cannot be re-run \
         safely. The only safe thing to do is fail action. (The node running it stopped \
         before it finished; set safe-rerun: true on the task to run it again instead.)"
    )
}

/// What a failed call stores as the action's error (Mistral keeps the error
/// value in `output.result`).
pub fn failure_value(kind: &FailureKind, name: &str) -> Value {
    match kind {
        FailureKind::ActionError {
            details: Some(details),
            ..
        } => details.clone(),
        FailureKind::ActionError { message, .. } if name == "std.fail" => Value::String(format!(
            "The action raised an exception [action=Fail action, msg='{message}']"
        )),
        FailureKind::NotFound { name } => {
            Value::String(format!("Failed to find action [action_name={name}]"))
        }
        other => Value::String(other.to_string()),
    }
}
