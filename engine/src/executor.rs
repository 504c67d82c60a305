//! The executor: runs action jobs on the wasm runtime, with bounded
//! concurrency, and reports each result to the scheduler as an engine event.
//!
//! Jobs arrive from this node's scheduler right after the step that created
//! them commits. Jobs whose lease expired (their node died) are claimed from
//! the store and run again, so an action may run more than once after a
//! crash, never zero times.

use std::sync::Arc;
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
}

impl Executor {
    pub fn new(runtime: Runtime, scheduler: Scheduler, config: ExecutorConfig) -> Self {
        let permits = Arc::new(Semaphore::new(config.concurrency.max(1)));
        Self {
            actions: Actions::new(scheduler.store().clone(), runtime),
            scheduler,
            config,
            permits,
        }
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
        loop {
            tokio::select! {
                _ = &mut shutdown => return,
                job = queue.recv() => match job {
                    Some(job) => self.spawn(job).await,
                    None => return,
                },
                _ = recovery.tick() => self.recover().await,
            }
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
            match serde_json::from_value::<ActionJob>(job.payload) {
                Ok(mut action) => {
                    action.job_id = job.id;
                    tracing::info!(action = %action.action_id, "running an action again after its node stopped");
                    self.spawn(action).await;
                }
                Err(err) => {
                    tracing::error!(job = %job.id, error = %err, "unreadable action job dropped");
                    let _ = store.delete_job(&job.id).await;
                }
            }
        }
    }

    async fn spawn(&self, job: ActionJob) {
        let Ok(permit) = self.permits.clone().acquire_owned().await else {
            return;
        };
        let this = self.clone();
        tokio::spawn(async move {
            this.execute(job).await;
            drop(permit);
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
        let overrides = CallOverrides {
            timeout: job.timeout.map(Duration::from_secs),
            ..CallOverrides::default()
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
        let result = self.actions.run_to_result(call).await?;
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
