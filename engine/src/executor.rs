//! The executor: runs action jobs on the wasm runtime, with bounded
//! concurrency, and reports each result to the engine as an event.
//!
//! Jobs arrive from this node's scheduler right after the step that created
//! them commits, as long as this node has free slots; the others are free
//! jobs in the store that any executor claims (woken by an announcement,
//! or by its one-second poll), so several nodes share the work. Before an
//! action with side effects begins, its job is marked started. When a
//! node dies its jobs are freed: one that never started simply runs
//! elsewhere; one that started runs again only if its task is `safe-rerun`
//! (so it may run more than once, never zero times), otherwise it fails
//! with Mistral's message, and the task's retry and `on-error` decide.
//!
//! A result goes straight to this node's scheduler when it steps the
//! execution; otherwise the job becomes an event in the store for the
//! engine node that does.
//!
//! At most [`ExecutorConfig::concurrency`] actions run at once; the others
//! wait for a slot. The quick standard actions ([`std_actions::is_quick`]:
//! `std.noop`, `std.echo`, ...) have a lane of their own of the same size,
//! so a node whose slots are all held by long actions still runs them.
//!
//! Shutdown ([`Executor::drain`]): no new action starts; running ones get
//! the grace period to finish, then are interrupted. An interrupted action
//! reports nothing: its job stays in the store and is freed when the node
//! leaves, for the next start or another node, with the rule above.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use bora_core::records::ActionResult;
use bora_core::step::Event;
use bora_expr::DataContext;
use bora_store::JobKind;
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::sync::{Notify, Semaphore, mpsc, watch};

use crate::actions::{Actions, Call};
use crate::clock::now_micros;
use crate::runtime::{CallContext, CallOverrides, Runtime, Transcript, std_actions};
use crate::scheduler::{ActionJob, InlineCall, InlineRunner, Scheduler};

/// How often an idle executor looks for free jobs without being told.
const POLL: Duration = Duration::from_secs(1);
/// Most jobs claimed at once.
const CLAIM_BATCH: usize = 64;

/// How long interrupted actions get to wind down before shutdown goes on.
const INTERRUPT_WAIT: Duration = Duration::from_secs(5);

/// The first pause before an action's bookkeeping is tried again while
/// the database is out of reach (then longer, up to ten times this).
const RETRY_PAUSE: Duration = Duration::from_millis(200);

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
    /// The name this executor answers to: actions of tasks whose `target`
    /// is this name run only on executors of that name.
    pub name: Option<String>,
}

impl Default for ExecutorConfig {
    fn default() -> Self {
        Self {
            concurrency: 64,
            max_result_bytes: 1 << 20,
            shutdown_grace: Duration::from_secs(10),
            name: None,
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
    /// Set when free jobs may wait in the store (an announcement, a claim
    /// that filled up, the poll): a freed slot then claims more.
    more: Arc<AtomicBool>,
    /// Woken when a slot frees up.
    freed: Arc<Notify>,
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
        // Jobs held at once: both lanes' worth; beyond, they wait in the store.
        scheduler.set_slots(config.concurrency.max(1) * 2);
        Self {
            actions: Actions::new(scheduler.store().clone(), runtime),
            scheduler,
            config,
            permits,
            quick_permits,
            more: Arc::new(AtomicBool::new(true)),
            freed: Arc::default(),
            stopping: Arc::default(),
            running: Arc::new(watch::Sender::new(0)),
        }
    }

    /// Runs jobs handed over by this node's scheduler and free jobs from
    /// the store, until `shutdown` resolves.
    pub async fn run(
        &self,
        mut queue: mpsc::UnboundedReceiver<ActionJob>,
        shutdown: impl std::future::Future<Output = ()>,
    ) {
        tokio::pin!(shutdown);
        let mut announced = self.scheduler.store().subscribe_jobs();
        let mut poll = tokio::time::interval(POLL);
        loop {
            tokio::select! {
                _ = &mut shutdown => return,
                job = queue.recv() => match job {
                    Some(job) => self.spawn(job),
                    None => return,
                },
                kind = announced.recv() => {
                    if !matches!(kind, Ok(JobKind::Event)) {
                        self.more.store(true, Ordering::Release);
                        self.claim().await;
                    }
                }
                _ = self.freed.notified() => {
                    if self.more.load(Ordering::Acquire) {
                        self.claim().await;
                    }
                }
                _ = poll.tick() => {
                    self.more.store(true, Ordering::Release);
                    self.claim().await;
                }
            }
        }
    }

    /// Claims free jobs for this node's free slots and starts them.
    async fn claim(&self) {
        if self.stopping.load(Ordering::SeqCst) {
            return;
        }
        let mut reserved = 0;
        while reserved < CLAIM_BATCH && self.scheduler.reserve_slot() {
            reserved += 1;
        }
        if reserved == 0 {
            return;
        }
        let store = self.scheduler.store();
        let claim = bora_store::Claim {
            kind: JobKind::Action,
            node: self.scheduler.node(),
            now: now_micros(),
            limit: i64::try_from(reserved).unwrap_or(i64::MAX),
            executor_name: self.config.name.as_deref(),
        };
        let began = std::time::Instant::now();
        let jobs = match store.claim_jobs(&claim).await {
            Ok(jobs) => {
                crate::telemetry::metrics::job_claim(
                    "action",
                    began.elapsed(),
                    jobs.iter()
                        .map(|job| crate::scheduler::waited(claim.now, job.due_at)),
                );
                jobs
            }
            Err(err) => {
                crate::scheduler::claim_failed("action", &err);
                Vec::new()
            }
        };
        self.more.store(jobs.len() == reserved, Ordering::Release);
        for _ in jobs.len()..reserved {
            self.scheduler.release_slot();
        }
        for job in jobs {
            self.take(job).await;
        }
    }

    /// Starts a claimed job, or settles it when it must not run.
    async fn take(&self, job: bora_store::Job) {
        if job.attempts >= i64::from(self.scheduler.max_attempts())
            && let Some(execution_id) = &job.execution_id
        {
            // Its node died every time it ran or finished it: running it
            // again could take this node down too.
            self.scheduler.quarantine(execution_id, job.attempts).await;
            self.scheduler.release_slot();
            return;
        }
        let mut action = match ActionJob::deserialize(&job.payload) {
            Ok(action) => action,
            Err(err) => {
                // Its action would stay RUNNING for ever: the execution
                // fails with the reason instead.
                tracing::error!(job = %job.id, error = %err, "unreadable action job");
                if let Some(execution_id) = &job.execution_id {
                    let message = format!(
                        "an action job of this execution cannot be read ({err}): {}",
                        crate::scheduler::excerpt(&job.payload)
                    );
                    self.scheduler.fail_execution(execution_id, &message).await;
                }
                let _ = self.scheduler.store().delete_job(&job.id).await;
                self.scheduler.release_slot();
                return;
            }
        };
        action.job_id = job.id;
        if job.started_at.is_some() {
            // Its node stopped while it ran: the engine decides, as for any
            // outcome. A safe-rerun call runs again as a new action
            // execution; any other fails (Mistral).
            let event = if action.safe_rerun {
                tracing::info!(action = %action.action_id, "running an action again after its node stopped");
                Event::ActionRerun {
                    action_id: action.action_id.clone(),
                    timeout: action.timeout,
                    limits: action.limits.clone(),
                    target: action.target.clone(),
                }
            } else {
                tracing::warn!(action = %action.action_id, "failing an action whose node stopped while it ran (not safe-rerun)");
                Event::ActionCompleted {
                    action_id: action.action_id.clone(),
                    result: ActionResult::Error(Value::String(not_rerun_message(&action.name))),
                }
            };
            self.report_event(&action, event).await;
            self.scheduler.release_slot();
            return;
        }
        self.spawn(action);
    }

    /// Runs `job` once a permit of its lane is free. The wait is in the
    /// spawned task, so this loop keeps taking jobs and knows every job it
    /// holds.
    fn spawn(&self, job: ActionJob) {
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
            this.scheduler.release_slot();
            this.freed.notify_one();
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
        // An action with side effects is marked started first, so that when
        // this node dies it is run again only if safe (the quick standard
        // actions have none: they are simply run again).
        if !std_actions::is_quick(&job.name) {
            let store = self.scheduler.store();
            let marked = while_unreachable(
                RETRY_PAUSE,
                &job.action_id,
                "marking an action started",
                || store.mark_started(&job.job_id, self.scheduler.node(), now_micros()),
            );
            match marked.await {
                Ok(true) => {}
                Ok(false) => {
                    tracing::info!(action = %job.action_id, "not starting an action another node took over");
                    return;
                }
                Err(err) => {
                    // Not marked means not started: it stays queued here
                    // and is run when this node's jobs are freed.
                    tracing::error!(action = %job.action_id, error = %err, "cannot mark an action started");
                    return;
                }
            }
        }
        let result = match self.call(&job).await {
            Called::Done(result) => result,
            Called::Pending => {
                // Completed later through the API; the job is done.
                let store = self.scheduler.store();
                let deleted = while_unreachable(
                    RETRY_PAUSE,
                    &job.action_id,
                    "deleting an async action's job",
                    || store.delete_job(&job.job_id),
                );
                if let Err(err) = deleted.await {
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
        self.report(&job, result).await;
    }

    /// Hands an action's outcome to the engine: to this node's scheduler
    /// when it steps the execution, else through the store.
    async fn report(&self, job: &ActionJob, result: ActionResult) {
        let event = Event::ActionCompleted {
            action_id: job.action_id.clone(),
            result,
        };
        self.report_event(job, event).await;
    }

    /// Hands an event about a job's action to the engine, taking the job.
    async fn report_event(&self, job: &ActionJob, event: Event) {
        if self.scheduler.steps_here(&job.execution_id) {
            self.scheduler
                .submit(&job.execution_id, event, Some(job.job_id.clone()));
            return;
        }
        let payload = serde_json::to_value(&event).unwrap_or(Value::Null);
        let store = self.scheduler.store();
        let recorded = while_unreachable(
            RETRY_PAUSE,
            &job.action_id,
            "recording an action's outcome",
            || store.complete_as_event(&job.job_id, self.scheduler.node(), &payload, now_micros()),
        );
        match recorded.await {
            Ok(true) => {}
            Ok(false) => {
                tracing::info!(action = %job.action_id, "dropping the outcome of an action another node took over");
            }
            Err(err) => {
                tracing::error!(action = %job.action_id, error = %err, "cannot record an action's outcome; it runs again when this node's jobs are freed");
            }
        }
    }

    /// Runs quick standard actions for the scheduler, inside its steps
    /// (see `scheduler::inline`): `None` when the call did not finish or
    /// this node is stopping, and the action then gets a job as usual.
    pub fn inline_runner(&self) -> InlineRunner {
        let this = self.clone();
        Arc::new(move |job: ActionJob| -> InlineCall {
            let this = this.clone();
            Box::pin(async move {
                if this.stopping.load(Ordering::SeqCst) {
                    return None;
                }
                match this.call(&job).await {
                    Called::Done(result) => Some(result),
                    Called::Pending | Called::Interrupted => None,
                }
            })
        })
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
            ..CallOverrides::default()
        };
        let ctx = CallContext {
            execution_id: Some(job.execution_id.clone()),
            task_id: Some(job.task_id.clone()),
            action_execution_id: Some(job.action_id.clone()),
            workflow_name: Some(job.workflow_name.clone()).filter(|n| !n.is_empty()),
            project: None,
            owner: None,
        };
        let call = Call {
            name: job.name.clone(),
            namespace: job.namespace.clone(),
            workbook: job.workbook.clone(),
            // Its execution's project says what its names mean (and whose
            // ceilings and secrets apply); older jobs lack it.
            project: Some(job.project.clone()).filter(|p| !p.is_empty()),
            input: job.input.clone(),
            context: job
                .context
                .clone()
                .map(|c| DataContext::new(Arc::new(c)))
                .unwrap_or_default(),
            ctx,
            overrides,
        };
        let (ran, transcript) = self.actions.run_captured(call, job.pinned_at).await;
        if !transcript.is_empty() {
            self.keep_output(job, &transcript).await;
        }
        match ran {
            Ok(Some(value)) => Called::Done(self.cap(ActionResult::Success(value))),
            Ok(None) => Called::Pending,
            Err(err) if err.is_interrupted() => Called::Interrupted,
            Err(err) => Called::Done(self.cap(ActionResult::Error(err.error_value()))),
        }
    }

    /// Keeps what the action printed and logged with its action execution
    /// (`GET /v2/action_executions/{id}/logs`). Losing it does not fail
    /// the action: the result matters more.
    async fn keep_output(&self, job: &ActionJob, transcript: &Transcript) {
        let text = match serde_json::to_string(transcript) {
            Ok(text) => text,
            Err(err) => {
                tracing::warn!(action = %job.action_id, error = %err, "cannot encode an action's output");
                return;
            }
        };
        let stored = self
            .scheduler
            .store()
            .put_action_output(
                &job.action_id,
                Some(job.execution_id.as_str()),
                &text,
                now_micros(),
            )
            .await;
        if let Err(err) = stored {
            tracing::warn!(action = %job.action_id, error = %err, "cannot keep an action's output");
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

/// Runs `op`, an action's bookkeeping in the store (`what`), until it is
/// done or fails for another reason than an unreachable database, pausing
/// `pause`, then longer, between tries. Given up, such a write would leave
/// the job held by this node, which is alive: the action would never run,
/// or its outcome never reach the engine, until this node stops.
async fn while_unreachable<T, F, Fut>(
    pause: Duration,
    action: &str,
    what: &str,
    mut op: F,
) -> bora_store::Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bora_store::Result<T>>,
{
    let mut failures = 0u32;
    loop {
        match op().await {
            Err(err) if err.is_transient() => {
                if failures == 0 {
                    tracing::warn!(action, error = %err, "{what} failed; trying again until the database answers");
                }
                failures += 1;
                tokio::time::sleep(pause * failures.min(10)).await;
            }
            done => {
                if failures > 0 && done.is_ok() {
                    tracing::info!(
                        action,
                        tries = failures + 1,
                        "{what} done once the database answered"
                    );
                }
                return done;
            }
        }
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

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use bora_store::StoreError;

    use super::*;

    /// Fails with each of `errors` in turn, then answers 7.
    async fn run(errors: Vec<StoreError>) -> (bora_store::Result<u32>, usize) {
        let calls = Cell::new(0);
        let mut errors = errors.into_iter();
        let done = while_unreachable(Duration::from_millis(1), "a1", "testing", || {
            calls.set(calls.get() + 1);
            std::future::ready(errors.next().map_or(Ok(7), Err))
        })
        .await;
        (done, calls.get())
    }

    #[tokio::test]
    async fn bookkeeping_waits_for_the_database_and_gives_up_on_anything_else() {
        let (done, calls) = run(vec![]).await;
        assert_eq!((done.ok(), calls), (Some(7), 1));
        let gone = || StoreError::Unavailable("connection refused".into());
        let (done, calls) = run(vec![gone(), gone(), gone()]).await;
        assert_eq!((done.ok(), calls), (Some(7), 4));
        // Another error is final: the same write would fail the same way.
        let corrupt = StoreError::Corrupt {
            what: "job payload",
            detail: "bad".into(),
        };
        let (done, calls) = run(vec![gone(), corrupt]).await;
        assert!(matches!(done, Err(StoreError::Corrupt { .. })));
        assert_eq!(calls, 2);
    }
}
