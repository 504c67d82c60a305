//! The executor: runs action jobs on the wasm runtime, with bounded
//! concurrency, and reports each result to the scheduler as an engine event.
//!
//! Jobs arrive from this node's scheduler right after the step that created
//! them commits. Jobs whose lease expired (their node died) are claimed from
//! the store: as in Mistral, an action whose task is `safe-rerun` runs
//! again (so it may run more than once, never zero times); any other fails
//! with an error saying so, and the task's retry and `on-error` decide.
//!
//! At most [`ExecutorConfig::concurrency`] actions run at once; the others
//! wait for a slot. The quick standard actions ([`std_actions::is_quick`]:
//! `std.noop`, `std.echo`, ...) have a lane of their own of the same size,
//! so a node whose slots are all held by long actions still runs them.
//!
//! Shutdown ([`Executor::drain`]): no new action starts; running ones get
//! the grace period to finish, then are interrupted. An interrupted action
//! reports nothing: its job stays in the store, leased, and is taken up
//! again at the next start (SQLite) or by another node once the lease ends
//! (PostgreSQL), with the safe-rerun rule above.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bora_core::records::ActionResult;
use bora_core::step::Event;
use bora_expr::DataContext;
use bora_store::JobKind;
use serde_json::{Value, json};
use tokio::sync::{Semaphore, mpsc, watch};

use crate::actions::{Actions, Call};
use crate::runtime::{CallContext, CallOverrides, FailureKind, Runtime, std_actions};
use crate::scheduler::{ActionJob, Scheduler, now_micros};

/// How often a node renews its leases, and for how long: a node that stops
/// renewing loses its jobs to the others within `RENEWED_LEASE`.
const LEASE_RENEWAL: Duration = Duration::from_secs(20);
const RENEWED_LEASE: Duration = Duration::from_secs(90);

/// How long interrupted actions get to wind down before shutdown goes on.
const INTERRUPT_WAIT: Duration = Duration::from_secs(5);

/// The `bora serve` flag that sets [`ExecutorConfig::max_result_bytes`]
/// (named in the error of a result above it).
pub const MAX_RESULT_BYTES_FLAG: &str = "--max-result-bytes";

/// Settings of the executor.
#[derive(Debug, Clone)]
pub struct ExecutorConfig {
    /// Actions running at once on this node (and as many quick standard
    /// actions in their own lane).
    pub concurrency: usize,
    /// Largest result stored, in bytes of JSON; bigger results fail the
    /// action with a clear message instead of bloating the store.
    pub max_result_bytes: usize,
    /// How long shutdown lets running actions finish before it interrupts them.
    pub shutdown_grace: Duration,
}

impl Default for ExecutorConfig {
    fn default() -> Self {
        Self {
            concurrency: 64,
            max_result_bytes: 1 << 20,
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// How a job's call ended, for the executor.
enum Called {
    /// The result to report.
    Done(ActionResult),
    /// The action completes later through the API.
    Pending,
    /// Stopped by shutdown: nothing to report, the job stays queued.
    Interrupted,
}

/// Counts an action as running while it lives (also when its task is
/// cancelled).
struct Running(Arc<watch::Sender<usize>>);

impl Running {
    fn start(counter: &Arc<watch::Sender<usize>>) -> Self {
        counter.send_modify(|n| *n += 1);
        Self(Arc::clone(counter))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.0.send_modify(|n| *n = n.saturating_sub(1));
    }
}

/// Runs actions for the scheduler.
#[derive(Clone)]
pub struct Executor {
    actions: Actions,
    scheduler: Scheduler,
    config: ExecutorConfig,
    permits: Arc<Semaphore>,
    /// The lane of the quick standard actions.
    quick_permits: Arc<Semaphore>,
    /// Jobs this executor holds (waiting for a permit or running): when
    /// their lease runs out meanwhile, recovery must not take them for
    /// jobs of a dead node.
    held: Arc<Mutex<HashSet<String>>>,
    /// Set by [`Executor::drain`]: jobs that get a permit from now on do
    /// not start.
    stopping: Arc<AtomicBool>,
    /// How many actions are running (not waiting for a permit).
    running: Arc<watch::Sender<usize>>,
}

impl Executor {
    pub fn new(runtime: Runtime, scheduler: Scheduler, config: ExecutorConfig) -> Self {
        let permits = Arc::new(Semaphore::new(config.concurrency.max(1)));
        let quick_permits = Arc::new(Semaphore::new(config.concurrency.max(1)));
        Self {
            actions: Actions::new(scheduler.store().clone(), runtime),
            scheduler,
            config,
            permits,
            quick_permits,
            held: Arc::default(),
            stopping: Arc::default(),
            running: Arc::new(watch::Sender::new(0)),
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

    /// Runs `job` once a permit of its lane is free. The wait is in the
    /// spawned task, so this loop keeps taking jobs and knows every job it
    /// holds.
    fn spawn(&self, job: ActionJob) {
        let id = job.job_id.clone();
        self.held().insert(id.clone());
        let this = self.clone();
        let lane = if std_actions::is_quick(&job.name) {
            Arc::clone(&self.quick_permits)
        } else {
            Arc::clone(&self.permits)
        };
        tokio::spawn(async move {
            if let Ok(permit) = lane.acquire_owned().await {
                // Counted before the check: `drain` sets the flag, then
                // waits for the count, so either it waits for this action
                // or this action sees the flag.
                let running = Running::start(&this.running);
                if !this.stopping.load(Ordering::SeqCst) {
                    this.execute(job).await;
                }
                drop(running);
                drop(permit);
            }
            this.held().remove(&id);
        });
    }

    /// Jobs that get a slot from now on do not start (they stay queued in
    /// the store); running ones go on.
    pub fn stop_starting(&self) {
        self.stopping.store(true, Ordering::SeqCst);
    }

    /// Stops starting actions, lets the running ones finish until
    /// `deadline`, then interrupts the rest (and every other call on the
    /// runtime) and waits briefly for them to stop. Interrupted actions
    /// report nothing; their jobs stay in the store.
    pub async fn drain(&self, deadline: tokio::time::Instant) {
        self.stop_starting();
        let mut running = self.running.subscribe();
        let idle = tokio::time::timeout_at(deadline, running.wait_for(|n| *n == 0))
            .await
            .is_ok_and(|r| r.is_ok());
        if idle {
            return;
        }
        let left = *running.borrow();
        tracing::warn!(
            actions = left,
            "interrupting the actions still running at the end of the shutdown grace period; \
             their jobs stay queued"
        );
        self.actions.runtime().interrupt_calls();
        let stopped = tokio::time::timeout(INTERRUPT_WAIT, running.wait_for(|n| *n == 0))
            .await
            .is_ok_and(|r| r.is_ok());
        if !stopped {
            tracing::error!("actions still running {INTERRUPT_WAIT:?} after they were interrupted");
        }
    }

    /// The grace period of [`Executor::drain`], from the configuration.
    pub fn shutdown_grace(&self) -> Duration {
        self.config.shutdown_grace
    }

    /// Runs one action and reports the outcome.
    pub async fn execute(&self, job: ActionJob) {
        let result = match self.call(&job).await {
            Called::Done(result) => result,
            Called::Pending => {
                // Completed later through the API; the job is done.
                if let Err(err) = self.scheduler.store().delete_job(&job.job_id).await {
                    tracing::error!(error = %err, "deleting an async action's job failed");
                }
                return;
            }
            Called::Interrupted => {
                tracing::info!(
                    action = %job.action_id,
                    "action interrupted by shutdown; its job stays queued"
                );
                return;
            }
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

    /// How the job's call ended.
    async fn call(&self, job: &ActionJob) -> Called {
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
        match self.actions.run_at(call, job.pinned_at).await {
            Ok(Some(value)) => Called::Done(self.cap(ActionResult::Success(value))),
            Ok(None) => Called::Pending,
            Err(err) if err.is_interrupted() => Called::Interrupted,
            Err(err) => Called::Done(self.cap(ActionResult::Error(err.error_value()))),
        }
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
             (raise it with bora serve {MAX_RESULT_BYTES_FLAG}).",
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
