//! One engine step: read the execution (or reuse the cached copy), let the
//! core decide on a blocking thread under a deadline, then store the result
//! in one short transaction that checks nobody stepped the execution
//! meanwhile and takes the events' jobs.
//!
//! The core runs outside of any transaction, so a heavy step holds no row
//! lock (cancel and delete of that execution are not blocked by it), and
//! off the async worker threads, so the API and other executions go on.

use std::sync::Arc;
use std::time::Duration;

use bora_core::dataflow::{Contexts, task_data};
use bora_core::execution::Execution;
use bora_core::notify;
use bora_core::plan::Plan;
use bora_core::state::State;
use bora_core::step::{CallLimits, Command, Event};
use bora_lang::model::Workflow;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::children::Child;
use super::commit::{New, Outcome, WriteSet};
use super::{Scheduler, SchedulerError, SystemEnv, lock};
use crate::clock::now_micros;
use crate::telemetry::{metrics, traces};

/// An action for the executor to run (also the payload of its job).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionJob {
    /// The job's id in the store (set when claimed or created).
    #[serde(default)]
    pub job_id: String,
    pub action_id: String,
    pub execution_id: String,
    pub task_id: String,
    /// The execution's project: its ceilings and secrets apply to the call
    /// (known here also before the execution is stored, for the calls a
    /// step runs inline). Absent in older jobs: looked up by execution.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub project: String,
    /// The workflow the task belongs to (what an asynchronous action tells
    /// the worker that completes it). Absent in older jobs: empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub workflow_name: String,
    pub name: String,
    pub input: Map<String, Value>,
    /// Seconds; the task's `timeout` policy.
    pub timeout: Option<u64>,
    /// The calling workflow's namespace (where ad-hoc actions are looked up).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub namespace: String,
    /// The calling workflow's workbook: its actions come first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workbook: Option<String>,
    /// The task's data (`__env`, context, input) for an ad-hoc action's
    /// `base-input`; only for names that are not standard actions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Value>,
    /// The task's `safe-rerun`: when the node running the action dies, the
    /// action runs again only if set; otherwise it fails (Mistral). Absent
    /// in jobs written before it existed: not safe.
    #[serde(default)]
    pub safe_rerun: bool,
    /// When the task started (or was rerun), UTC microseconds: an uploaded
    /// action runs the version that was newest then, so a re-upload does
    /// not change what a running task's retries and items run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinned_at: Option<i64>,
    /// The task's `limits` (Bora extension): the call's fuel, memory and
    /// allowed hosts over the action's own. Absent in older jobs: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<CallLimits>,
    /// The task's `target` (the executor name that may run it), kept so a
    /// rerun after a node's death goes to the same kind of executor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

impl ActionJob {
    /// The job of a `RunAction` command (`None` for any other), with no id
    /// yet and as a standard action needs it: an ad-hoc action also needs
    /// its workbook, context and pinning, which the caller adds.
    pub(super) fn from_run(exec: &Execution, command: Command) -> Option<Self> {
        let Command::RunAction {
            action_id,
            task_id,
            execution_id,
            name,
            input,
            timeout,
            safe_rerun,
            limits,
            target,
        } = command
        else {
            return None;
        };
        Some(Self {
            job_id: String::new(),
            action_id,
            execution_id,
            task_id,
            project: exec.record.project_id.clone(),
            workflow_name: exec.record.workflow_name.clone(),
            name,
            input,
            timeout,
            namespace: exec.record.workflow_namespace.clone(),
            workbook: None,
            context: None,
            safe_rerun,
            pinned_at: None,
            limits,
            target,
        })
    }
}

/// The data a task's expressions see, for ad-hoc `base-input`.
pub(super) fn task_context(exec: &Execution, task_id: &str) -> Value {
    let branch = Contexts::default().inbound(exec, task_id);
    task_data(exec, exec.task(task_id), Map::new(), &branch).to_value()
}

/// Follow-ups to carry out after the commit.
#[derive(Default)]
pub(super) struct After {
    /// Actions for this node's executor.
    pub(super) actions: Vec<ActionJob>,
    /// Events for this node's scheduler.
    pub(super) events: Vec<super::Delivery>,
    /// Free event jobs were queued: other engine nodes must hear of them.
    pub(super) announce_events: bool,
    /// Free action jobs were queued: executors must hear of them.
    pub(super) announce_actions: bool,
    pub(super) wake: bool,
    pub(super) finished: bool,
    /// Children started in the step (see `children`) that finished in it.
    pub(super) finished_children: std::collections::HashSet<String>,
    /// Notes for tasks' `state_info`, written after the step's rows.
    pub(super) notes: Vec<(String, String)>,
    /// What the step did that the metrics count (and its children
    /// started in it), once it is stored.
    pub(super) observed: Vec<Observed>,
}

/// State changes of one stored step, for the metrics and the traces.
#[derive(Default)]
pub(super) struct Observed {
    /// The execution's workflow, when the step started or finished it.
    pub(super) workflow: String,
    pub(super) started: bool,
    pub(super) finished: Option<&'static str>,
    /// Tasks the step finished, by state.
    pub(super) tasks: Vec<&'static str>,
    /// The spans of what the step finished (only when traces are on).
    pub(super) spans: Vec<traces::SpanRecord>,
}

impl Observed {
    /// What a step that began at `began` on an execution in state `was` did,
    /// seen from the execution after it and the tasks it changed. A task
    /// counts as finished by this step when its `finished_at` is not older
    /// than the step (no state history is kept, and none is needed).
    pub(super) fn of(exec: &Execution, was: State, began: i64, changed: &[&str]) -> Self {
        let now = exec.record.state;
        let finished_tasks = changed
            .iter()
            .filter_map(|id| exec.task(id))
            .filter(|t| t.state.is_completed() && t.finished_at.is_some_and(|at| at >= began));
        let started = was == State::Idle && now != State::Idle;
        let finished = (!was.is_terminal() && now.is_terminal()).then(|| now.as_str());
        let mut spans = Vec::new();
        if traces::enabled() {
            spans.extend(
                finished_tasks
                    .clone()
                    .map(|t| traces::SpanRecord::task(&exec.record, t)),
            );
            if finished.is_some() {
                spans.push(traces::SpanRecord::execution(&exec.record));
            }
        }
        let tasks = finished_tasks.map(|t| t.state.as_str()).collect();
        Self {
            workflow: if started || finished.is_some() {
                exec.record.workflow_name.clone()
            } else {
                String::new()
            },
            started,
            finished,
            tasks,
            spans,
        }
    }

    /// Counts it and exports its spans.
    pub(super) fn record(&self) {
        traces::emit(&self.spans);
        if self.started {
            metrics::execution_started(&self.workflow);
        }
        if let Some(state) = self.finished {
            metrics::execution_finished(&self.workflow, state);
        }
        for &state in &self.tasks {
            metrics::tasks_finished(state, 1);
        }
    }
}

impl After {
    /// Takes over the follow-ups of `child` (a child started in this step),
    /// whose execution id is `id`.
    pub(super) fn absorb(&mut self, child: After, id: &str) {
        self.actions.extend(child.actions);
        self.events.extend(child.events);
        self.announce_events |= child.announce_events;
        self.announce_actions |= child.announce_actions;
        self.wake |= child.wake;
        self.notes.extend(child.notes);
        self.observed.extend(child.observed);
        if child.finished {
            self.finished_children.insert(id.to_owned());
        }
    }

    /// Records where a queued event goes: here after the commit, or to the
    /// store for another node.
    pub(super) fn route(&mut self, delivery: Option<super::Delivery>) {
        match delivery {
            Some(delivery) => self.events.push(delivery),
            None => self.announce_events = true,
        }
    }
}

/// Why a step could not be taken.
#[derive(Debug)]
pub(super) enum StepFailure {
    /// The store failed; see [`bora_store::StoreError::is_transient`].
    Store(SchedulerError),
    /// The core panicked on this execution: a bug, which would repeat.
    Panic(String),
    /// The core did not return within the step deadline (and its grace).
    Timeout(Duration),
}

impl From<SchedulerError> for StepFailure {
    fn from(err: SchedulerError) -> Self {
        StepFailure::Store(err)
    }
}

impl From<bora_store::StoreError> for StepFailure {
    fn from(err: bora_store::StoreError) -> Self {
        StepFailure::Store(err.into())
    }
}

impl StepFailure {
    /// The reason's label in the metrics.
    pub(super) fn kind(&self) -> &'static str {
        match self {
            StepFailure::Store(_) => "store",
            StepFailure::Panic(_) => "panic",
            StepFailure::Timeout(_) => "timeout",
        }
    }
}

impl std::fmt::Display for StepFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StepFailure::Store(err) => write!(f, "{err}"),
            StepFailure::Panic(message) => write!(f, "the engine panicked: {message}"),
            StepFailure::Timeout(limit) => write!(
                f,
                "the engine step did not finish within {} s",
                limit.as_secs()
            ),
        }
    }
}

/// Whether the batch holds a resume or a task rerun: their API calls
/// answer with the execution or task running again (as Mistral does), so
/// their step leaves quick actions to the executor instead of finishing
/// them before the answer.
fn answers_running(batch: &[(Event, Option<String>)]) -> bool {
    batch
        .iter()
        .any(|(event, _)| matches!(event, Event::Resume | Event::Rerun { .. }))
}

/// The store version of a child started in its parent's step: stored
/// once (as version 0 would be) and stepped once.
pub(super) const CHILD_VERSION: i64 = 1;

/// How often a step is redone because another writer got there first
/// before giving up for now (the batch is retried later).
const MAX_CONFLICTS: usize = 8;

impl Scheduler {
    /// Applies `batch` to the execution and stores the result. Events whose
    /// job this node no longer holds are dropped (another node took them).
    pub(super) async fn apply(
        &self,
        execution_id: &str,
        mut batch: Vec<(Event, Option<String>)>,
    ) -> Result<(), StepFailure> {
        for _ in 0..MAX_CONFLICTS {
            let cached = lock(&self.inner.cache).remove(execution_id);
            let (exec, version, spec_hash) = match cached {
                Some(cached) => (cached.exec, cached.version, cached.spec_hash),
                None => match self.inner.store.read_snapshot(execution_id).await {
                    Ok(snapshot) => {
                        let plan = self.plan(&snapshot.execution.spec_hash).await?;
                        let exec = Execution::new(
                            snapshot.execution.execution,
                            plan,
                            snapshot.tasks,
                            snapshot.actions,
                            snapshot.children.into_iter().map(|c| c.execution).collect(),
                        );
                        (
                            exec,
                            snapshot.execution.version,
                            snapshot.execution.spec_hash,
                        )
                    }
                    Err(bora_store::StoreError::NotFound { .. }) => {
                        // Deleted: its events go with it.
                        self.drop_jobs(&batch).await?;
                        return Ok(());
                    }
                    Err(err) => return Err(err.into()),
                },
            };
            let events: Vec<Event> = batch.iter().map(|(event, _)| event.clone()).collect();
            let decided = self.decide(exec, events, !answers_running(&batch)).await?;
            match self
                .commit(execution_id, decided, version, spec_hash, &batch, None)
                .await?
            {
                Committed::Done | Committed::Stored(_) => return Ok(()),
                // A new execution is never applied here.
                Committed::Stale | Committed::Duplicate | Committed::DefinitionsChanged(_) => {
                    continue;
                }
                Committed::Lost(lost) => {
                    batch.retain(|(_, job)| job.as_ref().is_none_or(|j| !lost.contains(j)));
                    if batch.is_empty() {
                        return Ok(());
                    }
                }
            }
        }
        Err(StepFailure::Store(SchedulerError::Conflict(
            execution_id.to_owned(),
        )))
    }

    /// Lets the core decide on `events` for `exec` (with the node's limits
    /// and the step's deadline), then, when `inline`, runs what may be done
    /// within the step (see [`super::inline`]).
    pub(super) async fn decide(
        &self,
        mut exec: Execution,
        events: Vec<Event>,
        inline: bool,
    ) -> Result<Decided, StepFailure> {
        let config = &self.inner.config;
        exec.limits = config.limits;
        exec.expr_limits = bora_expr::Limits {
            deadline: Some(std::time::Instant::now() + config.step_timeout),
            ..config.expressions
        };
        // Checked at the start; a bad value here (an older row) notifies nobody.
        let webhooks = notify::webhooks(&exec.record.params).unwrap_or_default();
        let before = (!webhooks.is_empty()).then(|| notify::Before::of(&exec));
        let now = now_micros();
        let (was, began) = (exec.record.state, now);
        let (exec, commands, children, now) = if inline && self.inlines() {
            self.on_core_thread(exec, events, now).await?
        } else {
            let (exec, commands) = self.run_core(exec, events, now).await?;
            (exec, commands, Vec::new(), now)
        };
        for (kind, count) in exec.expr_errors.take() {
            if count > 0 {
                metrics::expression_errors(kind, count);
            }
        }
        let notifications = before
            .as_ref()
            .map(|before| notify::notifications(before, &exec))
            .unwrap_or_default();
        Ok(Decided {
            exec,
            commands,
            children,
            now,
            was,
            began,
            webhooks,
            notifications,
        })
    }

    /// Takes a whole step with its inline work (see [`super::inline`]) on
    /// one blocking thread, under the step deadline: the core's rounds then
    /// run one after the other on that thread ([`Self::run_core`] sees it)
    /// instead of a hand-off to another thread and back for each round,
    /// which cost more than a quick action's round itself. Returns the
    /// execution, the commands left, the children started and the time of
    /// the last round.
    async fn on_core_thread(
        &self,
        exec: Execution,
        events: Vec<Event>,
        now: i64,
    ) -> Result<(Execution, Vec<Command>, Vec<Child>, i64), StepFailure> {
        let this = self.clone();
        let handle = tokio::runtime::Handle::current();
        let work = tokio::task::spawn_blocking(move || {
            let _on_core = CoreThread::enter();
            handle.block_on(async move {
                let mut now = now;
                let (exec, commands) = this.run_core(exec, events, now).await?;
                let (exec, commands, children) = this.run_inline(exec, commands, &mut now).await?;
                Ok((exec, commands, children, now))
            })
        });
        self.within_deadline(work).await?
    }

    /// Runs the core on a blocking thread, under the step deadline (on the
    /// current thread when it is a step's own, see [`Self::on_core_thread`]).
    pub(super) async fn run_core(
        &self,
        mut exec: Execution,
        events: Vec<Event>,
        now: i64,
    ) -> Result<(Execution, Vec<Command>), StepFailure> {
        let step = self.inner.config.core;
        if CoreThread::here() {
            // A panic unwinds to the step's blocking task, which reports it.
            let commands = step(&mut exec, events, &mut SystemEnv::at(now));
            return Ok((exec, commands));
        }
        let core = tokio::task::spawn_blocking(move || {
            let commands = step(&mut exec, events, &mut SystemEnv::at(now));
            (exec, commands)
        });
        self.within_deadline(core).await
    }

    /// Waits for a step's blocking task under the step deadline, a panic
    /// and a timeout as step failures. Expressions stop themselves at the
    /// deadline; the grace covers a step that is slow elsewhere. A thread
    /// past it cannot be stopped: it is left to finish and its result is
    /// discarded.
    async fn within_deadline<T>(&self, work: tokio::task::JoinHandle<T>) -> Result<T, StepFailure> {
        let limit = self.inner.config.step_timeout;
        match tokio::time::timeout(limit + self.inner.config.step_grace, work).await {
            Ok(Ok(done)) => Ok(done),
            Ok(Err(join)) => Err(StepFailure::Panic(panic_message(join))),
            Err(_) => Err(StepFailure::Timeout(limit)),
        }
    }

    /// Stores a step's result through the committer, unless another writer
    /// changed the execution since `version` or took some of the batch's
    /// jobs (or, for a `new` execution, stored one of that id first, or
    /// changed a definition since its was read); then carries out the
    /// follow-ups.
    pub(super) async fn commit(
        &self,
        execution_id: &str,
        decided: Decided,
        version: i64,
        spec_hash: String,
        batch: &[(Event, Option<String>)],
        new: Option<New>,
    ) -> Result<Committed, StepFailure> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let (webhooks, notifications) = (decided.webhooks, decided.notifications);
        let set = WriteSet {
            exec: decided.exec,
            version,
            spec_hash,
            commands: decided.commands,
            children: decided.children,
            new,
            job_ids: batch.iter().filter_map(|(_, job)| job.clone()).collect(),
            now: decided.now,
            was: decided.was,
            began: decided.began,
            reply,
        };
        let closed = || {
            StepFailure::Store(SchedulerError::Store(bora_store::StoreError::Unavailable(
                "the committer stopped (the node is shutting down)".to_owned(),
            )))
        };
        if self.inner.commits.send(set).is_err() {
            return Err(closed());
        }
        let (after, exec, new_version, spec_hash, children) =
            match answer.await.map_err(|_| closed())? {
                Outcome::Stored(stored) => {
                    let stored = *stored;
                    (
                        stored.after,
                        stored.exec,
                        stored.version,
                        stored.spec_hash,
                        stored.children,
                    )
                }
                Outcome::Deleted => return Ok(Committed::Done),
                Outcome::Stale => return Ok(Committed::Stale),
                Outcome::Duplicate => return Ok(Committed::Duplicate),
                Outcome::DefinitionsChanged(generation) => {
                    return Ok(Committed::DefinitionsChanged(generation));
                }
                Outcome::Lost(lost) => return Ok(Committed::Lost(lost)),
                Outcome::Failed(err) => return Err(StepFailure::Store(err)),
            };
        let record = exec.record.clone();
        if !after.finished {
            lock(&self.inner.cache).insert(
                execution_id.to_owned(),
                super::Cached {
                    version: new_version,
                    spec_hash,
                    exec,
                },
            );
        }
        if !notifications.is_empty() {
            self.inner.notifier.publish(&webhooks, &notifications);
        }
        for child in children {
            child.publish_notifications(&self.inner.notifier);
            let id = child.exec.record.id.clone();
            if !after.finished_children.contains(&id) {
                lock(&self.inner.cache).insert(
                    id.clone(),
                    super::Cached {
                        version: CHILD_VERSION,
                        spec_hash: child.spec_hash,
                        exec: child.exec,
                    },
                );
            }
            // No receiver is the normal case: nobody is watching.
            let _ = self.inner.changed.send(id);
        }
        for job in after.actions {
            // The executor may be gone at shutdown; the job stays in the store.
            let _ = self.inner.actions.send(job);
        }
        for (target, event, job) in after.events {
            self.submit(&target, event, Some(job));
        }
        if after.wake {
            self.wake();
        }
        Ok(Committed::Stored(Box::new(record)))
    }

    /// Deletes the jobs of events that have nothing left to apply to.
    async fn drop_jobs(&self, batch: &[(Event, Option<String>)]) -> Result<(), SchedulerError> {
        let job_ids: Vec<String> = batch.iter().filter_map(|(_, job)| job.clone()).collect();
        let mut tx = self.inner.store.begin().await?;
        tx.delete_jobs(&job_ids).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The plan of a stored spec, parsed once per process.
    pub(crate) async fn plan(&self, hash: &str) -> Result<Arc<Plan>, SchedulerError> {
        if let Some(plan) = lock(&self.inner.plans).get(hash) {
            return Ok(plan.clone());
        }
        let spec = self.inner.store.get_spec(hash).await?;
        let workflow: Workflow =
            serde_json::from_str(&spec).map_err(|err| SchedulerError::Spec {
                hash: hash.to_owned(),
                detail: err.to_string(),
            })?;
        let plan = Plan::new(workflow);
        lock(&self.inner.plans).insert(hash.to_owned(), plan.clone());
        Ok(plan)
    }
}

/// What the core and the work done in the step decided, to be stored.
pub(super) struct Decided {
    pub(super) exec: Execution,
    pub(super) commands: Vec<Command>,
    /// Sub-workflows started in the step.
    pub(super) children: Vec<Child>,
    /// The time of the step's last round.
    pub(super) now: i64,
    /// The execution's state before the step, and the step's start time
    /// (for the metrics: what the step started or finished).
    pub(super) was: State,
    pub(super) began: i64,
    /// Where the execution's `notify` sends its events, and the events of
    /// this step, published once it is stored.
    pub(super) webhooks: Vec<notify::Webhook>,
    pub(super) notifications: Vec<notify::Notification>,
}

/// How a commit attempt ended.
pub(super) enum Committed {
    /// Stored; the execution's record as stored.
    Stored(Box<bora_core::records::WorkflowExecution>),
    /// Nothing to store: the execution was deleted meanwhile.
    Done,
    /// A new execution's id is taken (a retried start got there first).
    Duplicate,
    /// A new execution's definition may have changed since it was read
    /// (the definitions are at this generation now): nothing was stored.
    DefinitionsChanged(i64),
    /// Another writer stepped the execution first: redo from the store.
    Stale,
    /// These jobs are no longer this node's: redo without their events.
    Lost(Vec<String>),
}

/// The message of a panic caught by the blocking pool.
fn panic_message(join: tokio::task::JoinError) -> String {
    if !join.is_panic() {
        return join.to_string();
    }
    let payload = join.into_panic();
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

thread_local! {
    static ON_CORE_THREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Marks the current (blocking) thread as a step's own while it lives, so
/// the step's core rounds run on it directly.
struct CoreThread;

impl CoreThread {
    fn enter() -> Self {
        ON_CORE_THREAD.with(|on| on.set(true));
        CoreThread
    }

    fn here() -> bool {
        ON_CORE_THREAD.with(std::cell::Cell::get)
    }
}

impl Drop for CoreThread {
    // Also on a panic: the blocking pool reuses the thread.
    fn drop(&mut self) {
        ON_CORE_THREAD.with(|on| on.set(false));
    }
}
