//! The scheduler: the imperative shell around the engine core.
//!
//! Events for an execution (start, action completed, timer fired, pause,
//! ...) are queued per execution and applied in batches by one worker at a
//! time: load the execution (or take the cached copy when its version in the
//! store is unchanged), call [`bora_core::step::step`], and store the changes
//! together with the resulting jobs in one transaction. Only after the commit
//! are actions handed to the executor and follow-up events delivered, so a
//! crash at any point loses nothing: unfinished work is a job in the store,
//! picked up again after a restart (or by another node once its lease ends).
//!
//! Due event jobs (timers, events for other executions) are claimed from the
//! store by [`Scheduler::run`], which sleeps until the next due time or until
//! woken.

mod apply;
mod children;
mod commands;
mod commit;
mod inline;
mod quarantine;
mod route;
mod start;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bora_core::env::Env;
use bora_core::execution::Execution;
use bora_core::plan::Plan;
use bora_core::step::{Command, Event};
use bora_store::{JobKind, Store, StoreError};
use tokio::sync::{Notify, broadcast, mpsc};
use tracing::Instrument;

use crate::clock::now_micros;

pub use apply::ActionJob;
use apply::StepFailure;
pub use inline::{InlineCall, InlineRunner};
pub use route::Delivery;
pub use start::Started;

/// The engine core's [`Env`] in service: the time of the step (read from
/// the system clock by the scheduler, which stores it with the step's
/// changes), time-ordered UUIDs for new records ([`crate::ids`]), system
/// randomness.
#[derive(Debug, Clone, Copy)]
pub struct SystemEnv {
    now: i64,
}

impl SystemEnv {
    /// The env of a step at `now` (see [`now_micros`]).
    pub fn at(now: i64) -> Self {
        Self { now }
    }
}

impl Env for SystemEnv {
    fn now(&self) -> i64 {
        self.now
    }

    fn new_id(&mut self) -> String {
        crate::ids::new_id()
    }

    fn random_u64(&mut self) -> u64 {
        bora_expr::random::system_u64()
    }
}

/// Errors of the scheduler.
#[derive(Debug, thiserror::Error)]
pub enum SchedulerError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A stored spec that no longer parses (written by another version).
    #[error("cannot read the workflow spec {hash}: {detail}")]
    Spec { hash: String, detail: String },
    /// Other writers kept changing the execution while this node stepped it.
    #[error("execution {0} kept changing under this node's steps")]
    Conflict(String),
}

impl SchedulerError {
    /// Whether trying again later may succeed without any change.
    fn is_transient(&self) -> bool {
        match self {
            SchedulerError::Store(err) => err.is_transient(),
            SchedulerError::Conflict(_) => true,
            SchedulerError::Spec { .. } => false,
        }
    }
}

/// The most committers a node may have: each holds one of the node's
/// PostgreSQL connections for good, and the other half of the pool stays
/// for reads, claims and requests.
pub const MAX_COMMITTERS: usize = bora_store::db::POSTGRES_CONNECTIONS as usize / 2;

/// Settings of the scheduler.
#[derive(Debug, Clone)]
pub struct SchedulerConfig {
    /// Wall-clock limit of one engine step (the core deciding on a batch of
    /// events); expressions past it fail, and a step still running well
    /// after it fails its execution.
    pub step_timeout: Duration,
    /// Extra time past `step_timeout` before a step counts as hung (its
    /// expressions stop themselves at the deadline; this covers the rest).
    pub step_grace: Duration,
    /// How many times a batch of events may fail (or be delivered to a node
    /// that died before finishing it) before its execution is failed.
    pub max_attempts: u32,
    /// A node keeps a new execution (steps it itself) while it steps fewer
    /// than this many; beyond, new executions are left to any engine node.
    pub keep_below: usize,
    /// Groups of steps stored at the same time on PostgreSQL (SQLite has
    /// one writer: one group at a time). Two: on the 2-core machine, with
    /// the database beside the node, two made bursts 2-7% faster than four
    /// (bigger groups, fewer transactions), and one leaves no commit to
    /// overlap a large one.
    pub committers: usize,
    /// Caps on what an execution may grow (published values, contexts,
    /// with-items, depth, messages), set on every execution.
    pub limits: bora_core::limits::EngineLimits,
    /// The budget of every expression (steps, bytes, depths); each step
    /// adds the deadline `step_timeout` from its start.
    pub expressions: bora_expr::Limits,
    /// The engine core's step function: [`bora_core::step::step`]; tests
    /// put in a faulty one to check how the shell copes.
    pub core: CoreFn,
}

/// The signature of [`bora_core::step::step`].
pub type CoreFn = fn(&mut Execution, Vec<Event>, &mut dyn Env) -> Vec<Command>;

impl Default for SchedulerConfig {
    fn default() -> Self {
        Self {
            step_timeout: Duration::from_secs(30),
            step_grace: Duration::from_secs(5),
            max_attempts: 3,
            committers: 2,
            keep_below: 256,
            limits: bora_core::limits::EngineLimits::default(),
            expressions: bora_expr::Limits::DEFAULT,
            core: bora_core::step::step,
        }
    }
}

/// The scheduler handle; cheap to clone.
#[derive(Clone)]
pub struct Scheduler {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    config: SchedulerConfig,
    /// This node's id, written on the jobs it holds.
    node: String,
    /// Whether this node steps executions (the engine role); without it
    /// every event goes to the store for the engine nodes.
    engine: bool,
    /// Free slots of this node's executor that new actions may take
    /// directly (see `route`).
    free_slots: std::sync::atomic::AtomicI64,
    /// Parsed specs by hash, shared by executions.
    plans: Mutex<HashMap<String, Arc<Plan>>>,
    /// Executions kept in memory between steps.
    cache: Mutex<HashMap<String, Cached>>,
    /// Events waiting to be applied, per execution; each with the id of the
    /// job that carries it durably (deleted in the step that applies it).
    inbox: Mutex<HashMap<String, Vec<Queued>>>,
    /// Executions that have a worker applying their inbox.
    active: Mutex<HashSet<String>>,
    /// Actions to run, for the executor.
    actions: mpsc::UnboundedSender<ActionJob>,
    /// Runs quick standard actions inside steps (see `inline`), when this
    /// node is an executor too.
    inline: Mutex<Option<InlineRunner>>,
    /// Steps' results waiting to be stored, for the committer.
    commits: mpsc::UnboundedSender<commit::WriteSet>,
    /// The committer's end of `commits`, until `commit_loop` takes it.
    commit_queue: Mutex<Option<mpsc::UnboundedReceiver<commit::WriteSet>>>,
    /// Woken when new due jobs may exist.
    wake: Notify,
    /// Sends the webhooks of `params.notify` after the steps are committed.
    notifier: crate::notifier::Notifier,
    /// The id of every execution a step of this node changed, for live views
    /// (the dashboard's event stream); lagging receivers lose old ids.
    changed: broadcast::Sender<String>,
}

/// An event waiting for its execution, with the id of its job in the store.
type Queued = (Event, Option<String>);

/// An execution kept in memory, valid while its store version is `version`.
struct Cached {
    version: i64,
    spec_hash: String,
    exec: Execution,
}

/// The start of a stored payload, for messages about one that cannot be
/// read (bounded: it may be anything).
pub(crate) fn excerpt(payload: &serde_json::Value) -> String {
    const MAX: usize = 200;
    let text = payload.to_string();
    match text.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A poisoned lock means a panic elsewhere; the data (queues and caches)
    // is still consistent, each update being a single insert or remove.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Scheduler {
    /// Creates the scheduler and the receiving end of its action queue (for
    /// the executor).
    pub fn new(
        store: Store,
        node: String,
        config: SchedulerConfig,
        engine: bool,
    ) -> (Self, mpsc::UnboundedReceiver<ActionJob>) {
        let (actions, receiver) = mpsc::unbounded_channel();
        let (commits, commit_queue) = mpsc::unbounded_channel();
        let inner = Inner {
            commits,
            commit_queue: Mutex::new(Some(commit_queue)),
            store,
            config,
            node,
            engine,
            free_slots: std::sync::atomic::AtomicI64::new(0),
            plans: Mutex::new(HashMap::new()),
            cache: Mutex::new(HashMap::new()),
            inbox: Mutex::new(HashMap::new()),
            active: Mutex::new(HashSet::new()),
            actions,
            inline: Mutex::new(None),
            wake: Notify::new(),
            notifier: crate::notifier::Notifier::new(),
            changed: broadcast::channel(1024).0,
        };
        (
            Self {
                inner: Arc::new(inner),
            },
            receiver,
        )
    }

    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The notifier this scheduler feeds (its sending loop is the node's).
    pub fn notifier(&self) -> &crate::notifier::Notifier {
        &self.inner.notifier
    }

    pub fn node(&self) -> &str {
        &self.inner.node
    }

    /// How many deliveries a job gets before its execution is failed.
    pub fn max_attempts(&self) -> u32 {
        self.inner.config.max_attempts
    }

    /// Queues an event for an execution; `job` is the id of the job that
    /// holds it in the store (deleted when the event is applied).
    pub fn submit(&self, execution_id: &str, event: Event, job: Option<String>) {
        lock(&self.inner.inbox)
            .entry(execution_id.to_owned())
            .or_default()
            .push((event, job));
        let start_worker = lock(&self.inner.active).insert(execution_id.to_owned());
        if start_worker {
            let this = self.clone();
            let id = execution_id.to_owned();
            tokio::spawn(async move { this.work(id).await });
        }
    }

    /// Applies an execution's queued events until none are left.
    async fn work(&self, execution_id: String) {
        let mut failures = 0u32;
        loop {
            let batch = {
                let mut inbox = lock(&self.inner.inbox);
                let batch = inbox.remove(&execution_id).unwrap_or_default();
                if batch.is_empty() {
                    // Under the inbox lock: a concurrent submit either saw us
                    // active (and queued) or will start a new worker.
                    lock(&self.inner.active).remove(&execution_id);
                    return;
                }
                batch
            };
            let span = tracing::info_span!("step", execution = %execution_id, events = batch.len());
            let began = std::time::Instant::now();
            let applied = self
                .apply(&execution_id, batch.clone())
                .instrument(span.clone())
                .await;
            let elapsed = began.elapsed();
            crate::telemetry::metrics::engine_step(elapsed);
            tracing::debug!(parent: &span, ok = applied.is_ok(), latency_ms = elapsed.as_secs_f64() * 1000.0, "step applied");
            match applied {
                Ok(()) => {
                    failures = 0;
                    // No receiver is the normal case: nobody is watching.
                    let _ = self.inner.changed.send(execution_id.clone());
                }
                Err(failure) => {
                    crate::telemetry::metrics::engine_step_failed(failure.kind());
                    failures += 1;
                    lock(&self.inner.cache).remove(&execution_id);
                    if self.gives_up(&failure, failures) {
                        self.fail_stuck(&execution_id, &failure, failures).await;
                        failures = 0;
                    } else {
                        tracing::warn!(execution = %execution_id, error = %failure, attempt = failures, "engine step failed; retrying");
                        let pause = Duration::from_millis(200 * u64::from(failures.min(25)));
                        tokio::time::sleep(pause).await;
                        // Again with any events that arrived meanwhile; the
                        // jobs are still in the store if the node dies.
                        let mut inbox = lock(&self.inner.inbox);
                        let queued = inbox.entry(execution_id.clone()).or_default();
                        let later = std::mem::take(queued);
                        *queued = batch;
                        queued.extend(later);
                    }
                }
            }
        }
    }

    /// Whether a failed step is not worth another try: a panic or a hang
    /// would repeat; other errors get `max_attempts` tries, except an
    /// unreachable database, which is waited for.
    fn gives_up(&self, failure: &StepFailure, failures: u32) -> bool {
        match failure {
            StepFailure::Panic(_) | StepFailure::Timeout(_) => true,
            StepFailure::Store(err) => {
                !err.is_transient() && failures >= self.inner.config.max_attempts
            }
        }
    }

    /// Wakes the loop that claims due jobs.
    pub fn wake(&self) {
        self.inner.wake.notify_one();
    }

    /// Ids of the executions changed by this node's steps from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<String> {
        self.inner.changed.subscribe()
    }

    /// Claims due event jobs and delivers them, forever (until `shutdown`
    /// resolves). Sleeps until the next due job, a wake-up (this node or an
    /// announcement from another), or one second.
    pub async fn run(&self, shutdown: impl std::future::Future<Output = ()>) {
        tokio::pin!(shutdown);
        let mut announced = self.inner.store.subscribe_jobs();
        loop {
            let claim = bora_store::Claim {
                kind: JobKind::Event,
                node: &self.inner.node,
                now: now_micros(),
                limit: 512,
                executor_name: None,
            };
            let began = std::time::Instant::now();
            let claimed = self.inner.store.claim_jobs(&claim).await;
            if let Ok(jobs) = &claimed {
                crate::telemetry::metrics::job_claim(
                    "event",
                    began.elapsed(),
                    jobs.iter().map(|job| waited(claim.now, job.due_at)),
                );
            }
            match claimed {
                Ok(jobs) if !jobs.is_empty() => {
                    for job in jobs {
                        let Some(execution_id) = job.execution_id.clone() else {
                            // No execution to tell: nothing can ever apply it.
                            tracing::error!(job = %job.id, payload = %excerpt(&job.payload), "deleting an event job that names no execution");
                            let _ = self.inner.store.delete_job(&job.id).await;
                            continue;
                        };
                        if job.attempts >= i64::from(self.inner.config.max_attempts) {
                            self.quarantine(&execution_id, job.attempts).await;
                            continue;
                        }
                        match serde_json::from_value::<Event>(job.payload.clone()) {
                            Ok(event) => self.submit(&execution_id, event, Some(job.id)),
                            Err(err) => {
                                let message = format!(
                                    "an engine event of this execution cannot be read ({err}): {}",
                                    excerpt(&job.payload)
                                );
                                self.fail_execution(&execution_id, &message).await;
                            }
                        }
                    }
                    continue;
                }
                Ok(_) => {}
                Err(err) => claim_failed("event", &err),
            }
            let next = self
                .inner
                .store
                .next_job_time(JobKind::Event)
                .await
                .ok()
                .flatten();
            let sleep_for = next
                .map(|t| Duration::from_micros(u64::try_from(t - now_micros()).unwrap_or(0)))
                .unwrap_or(Duration::from_secs(1))
                .min(Duration::from_secs(1));
            let sleep = tokio::time::sleep(sleep_for);
            tokio::pin!(sleep);
            loop {
                tokio::select! {
                    _ = &mut shutdown => return,
                    _ = self.inner.wake.notified() => break,
                    kind = announced.recv() => match kind {
                        // Actions are the executors' business.
                        Ok(JobKind::Action) => continue,
                        _ => break,
                    },
                    _ = &mut sleep => break,
                }
            }
        }
    }

    /// Forgets every execution and event this node holds in memory (it was
    /// taken for dead and its jobs went to other nodes).
    pub fn forget_all(&self) {
        lock(&self.inner.cache).clear();
        lock(&self.inner.inbox).clear();
    }
}

/// Logs a failed claim of `kind` jobs (tried again on the loop's next
/// turn). A database out of reach is logged once by the store's own check
/// (see `bora_store::outage`), not here every second.
pub(crate) fn claim_failed(kind: &str, err: &StoreError) {
    if err.is_transient() {
        tracing::debug!(error = %err, "claiming {kind} jobs failed");
    } else {
        tracing::error!(error = %err, "claiming {kind} jobs failed");
    }
}

/// How long a job due at `due_at` had waited when it was claimed at `now`
/// (both UTC microseconds).
pub(crate) fn waited(now: i64, due_at: i64) -> Duration {
    Duration::from_micros(u64::try_from(now.saturating_sub(due_at)).unwrap_or(0))
}

/// Waits until `changes` (from [`Scheduler::subscribe`]) names
/// `execution_id`, or `timeout` passes. A receiver that lagged behind may
/// have missed it: that returns at once, for the caller to look again.
pub async fn wait_for_change(
    changes: &mut broadcast::Receiver<String>,
    execution_id: &str,
    timeout: Duration,
) {
    let _ = tokio::time::timeout(timeout, async {
        loop {
            match changes.recv().await {
                Ok(changed) if changed == execution_id => return,
                Ok(_) => {}
                Err(broadcast::error::RecvError::Lagged(_)) => return,
                // Never while the scheduler lives; wait out the timeout.
                Err(broadcast::error::RecvError::Closed) => std::future::pending::<()>().await,
            }
        }
    })
    .await;
}
