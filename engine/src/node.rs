//! A Bora node: the store, the action runtime, the scheduler and the
//! executor wired together, with their background loops and an orderly
//! shutdown. `bora serve` puts the REST API in front of it; `bora run` uses
//! it in-process.
//!
//! Several nodes may share one PostgreSQL store, each with some of the
//! roles `api`, `engine` (steps executions) and `executor` (runs actions).
//! A node registers in the store and beats every [`NodeConfig::node_timeout`]
//! / 6; one whose heartbeat is older than the timeout is dead, and the
//! living take its work over (see [`bora_store::nodes`]). A node restarted
//! with the same id takes its own work back as soon as the previous
//! process's heartbeat is stale (at once after a clean stop).
//!
//! Shutdown stops claiming work, gives running actions the grace period
//! ([`ExecutorConfig::shutdown_grace`]) and then interrupts them (their jobs
//! stay queued in the store), lets the loops end (bounded), hands its jobs
//! back to the store for the other nodes and closes the store: it ends
//! within the grace period and a few seconds.

use std::time::{Duration, Instant};

use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::executor::{Executor, ExecutorConfig};
use crate::runtime::net::PrivateEgress;
use crate::runtime::{Runtime, RuntimeConfig, RuntimeError};
use crate::scheduler::{Scheduler, SchedulerConfig};
use crate::service::Service;
use bora_store::{NodeRecord, Store, StoreError};

/// What a node does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Roles {
    /// Serves the REST API (and starts executions for it).
    pub api: bool,
    /// Steps executions (claims their events), fires cron triggers.
    pub engine: bool,
    /// Runs actions (claims action jobs).
    pub executor: bool,
}

impl Default for Roles {
    fn default() -> Self {
        Self {
            api: true,
            engine: true,
            executor: true,
        }
    }
}

impl Roles {
    /// The role names, for the store and the logs.
    pub fn names(&self) -> Vec<String> {
        [
            (self.api, "api"),
            (self.engine, "engine"),
            (self.executor, "executor"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, name)| (*name).to_owned())
        .collect()
    }
}

/// Settings of a node.
#[derive(Debug, Clone)]
pub struct NodeConfig {
    /// `sqlite://PATH` or `postgres://...`.
    pub database_url: String,
    /// The node's id in the store; stable across restarts so that a
    /// restarted node takes its own work back. `None`: a random
    /// id (an in-process node, a test).
    pub node_id: Option<String>,
    pub roles: Roles,
    /// A node whose heartbeat is older than this is dead and its work is
    /// taken over.
    pub node_timeout: Duration,
    /// Apply pending migrations at start (else refuse a store that is not
    /// up to date).
    pub migrate: bool,
    /// Finished executions older than this are deleted (`None`: kept).
    pub retention: Option<Duration>,
    pub runtime: RuntimeConfig,
    pub executor: ExecutorConfig,
    pub scheduler: SchedulerConfig,
}

impl Default for NodeConfig {
    fn default() -> Self {
        Self {
            database_url: String::new(),
            node_id: None,
            roles: Roles::default(),
            node_timeout: Duration::from_secs(3),
            migrate: true,
            retention: None,
            runtime: RuntimeConfig::default(),
            executor: ExecutorConfig::default(),
            scheduler: SchedulerConfig::default(),
        }
    }
}

/// Why a node could not start.
#[derive(Debug, thiserror::Error)]
pub enum NodeError {
    #[error("cannot open the store")]
    Store(#[from] StoreError),
    #[error("cannot start the action runtime")]
    Runtime(#[from] RuntimeError),
}

/// A running node.
pub struct Node {
    pub service: Service,
    pub runtime: Runtime,
    /// The node's store: the service reads and writes records through it;
    /// the node itself registers, leaves and closes it.
    store: Store,
    executor: Executor,
    /// This node's registration (id and instance), for leaving.
    record: NodeRecord,
    stop: watch::Sender<bool>,
    tasks: JoinSet<()>,
}

/// Registers `record`. A process that was killed a moment ago under the
/// same id (a restart on the same port) still looks alive until its
/// heartbeat is older than the node timeout: wait that long, then take the
/// id over. A process that goes on beating is a real duplicate: refused.
async fn register(
    store: &Store,
    record: &mut NodeRecord,
    timeout: Duration,
) -> Result<bora_store::Registered, NodeError> {
    let patience = Instant::now() + timeout * 2 + Duration::from_secs(1);
    let mut waited = false;
    loop {
        let now = crate::clock::now_micros();
        record.heartbeat_at = now;
        match store.register_node(record, now - micros(timeout)).await {
            Err(StoreError::Duplicate { .. }) if Instant::now() < patience => {
                if !waited {
                    tracing::info!(node = %record.id, "node id in use by a process that beat recently; waiting for it to time out");
                    waited = true;
                }
                tokio::time::sleep(timeout / 6 + Duration::from_millis(50)).await;
            }
            other => return Ok(other?),
        }
    }
}

impl Node {
    /// Opens the store (applying migrations unless told not to), loads the
    /// runtime, registers the node and starts the loops of its roles.
    pub async fn start(config: NodeConfig) -> Result<Self, NodeError> {
        let store = Store::open(&config.database_url, config.migrate).await?;
        let runtime = Runtime::new(config.runtime.clone()).await?;
        let now = crate::clock::now_micros();
        let mut record = NodeRecord {
            id: config
                .node_id
                .clone()
                .unwrap_or_else(|| format!("node-{}", uuid::Uuid::new_v4().simple())),
            instance: uuid::Uuid::new_v4().simple().to_string(),
            roles: config.roles.names(),
            executor_name: config.executor.name.clone(),
            started_at: now,
            heartbeat_at: now,
        };
        let registered = register(&store, &mut record, config.node_timeout).await?;
        if registered.released > 0 {
            tracing::info!(node = %record.id, jobs = registered.released, "took back the jobs of this node's previous run");
        }
        let roles = config.roles;
        let (scheduler, queue) = Scheduler::new(
            store.clone(),
            record.id.clone(),
            config.scheduler.clone(),
            roles.engine,
        );
        let executor = Executor::new(runtime.clone(), scheduler.clone(), config.executor.clone());
        if !roles.executor {
            scheduler.set_slots(0);
        }
        if roles.engine && roles.executor {
            scheduler.set_inline(Some(executor.inline_runner()));
        }
        let (stop, stopped) = watch::channel(false);
        let mut tasks = JoinSet::new();
        if roles.engine {
            let scheduler = scheduler.clone();
            let stopped = stopped.clone();
            tasks.spawn(async move { scheduler.run(wait_stop(stopped)).await });
        }
        {
            // Also on a node without the engine role: the quarantine of a
            // crash-looping action goes through it.
            let scheduler = scheduler.clone();
            let stopped = stopped.clone();
            tasks.spawn(async move { scheduler.commit_loop(wait_stop(stopped)).await });
        }
        {
            let notifier = scheduler.notifier().clone();
            let stopped = stopped.clone();
            let private = PrivateEgress::new(
                &config.runtime.private_egress,
                &config.runtime.own_addresses,
            );
            tasks.spawn(async move { notifier.run(private, wait_stop(stopped)).await });
        }
        if roles.executor {
            let executor = executor.clone();
            let stopped = stopped.clone();
            tasks.spawn(async move { executor.run(queue, wait_stop(stopped)).await });
        }
        {
            let store = store.clone();
            let scheduler = scheduler.clone();
            let record = record.clone();
            let timeout = config.node_timeout;
            let stopped = stopped.clone();
            tasks.spawn(async move {
                heartbeat(store, scheduler, record, timeout, wait_stop(stopped)).await;
            });
        }
        {
            let store = store.clone();
            let stopped = stopped.clone();
            tasks.spawn(async move { store.watch_reachability(wait_stop(stopped)).await });
        }
        scheduler.wake();
        let service = Service::new(store.clone(), scheduler, runtime.clone())
            .with_limits(config.scheduler.limits);
        if roles.engine {
            let service = service.clone();
            let stopped = stopped.clone();
            tasks.spawn(async move { crate::cron::run(service, wait_stop(stopped)).await });
        }
        if roles.engine
            && let Some(keep) = config.retention
        {
            let store = store.clone();
            let stopped = stopped.clone();
            tasks
                .spawn(async move { crate::retention::run(store, keep, wait_stop(stopped)).await });
        }
        tracing::info!(node = %record.id, roles = ?record.roles, "node started");
        Ok(Self {
            service,
            runtime,
            store,
            executor,
            record,
            stop,
            tasks,
        })
    }

    /// This node's id in the store.
    pub fn id(&self) -> &str {
        &self.record.id
    }

    /// The store, for what runs beside the service in this process: the
    /// CLI's in-process runs and the tests that inspect or seed records.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The grace period running actions get at shutdown.
    pub fn shutdown_grace(&self) -> Duration {
        self.executor.shutdown_grace()
    }

    /// Stops claiming work and starting actions, at once; what runs goes
    /// on. The first step of [`Node::shutdown`], for callers that have
    /// more to wind down first (`bora serve`: requests in flight).
    pub fn stop_work(&self) {
        let _ = self.stop.send(true);
        self.executor.stop_starting();
    }

    /// Stops claiming work, lets running actions finish for the grace
    /// period, interrupts those left, lets running steps finish (bounded),
    /// and closes the store. Unfinished actions stay queued in the store.
    pub async fn shutdown(self) {
        let deadline = tokio::time::Instant::now() + self.shutdown_grace();
        self.shutdown_by(deadline).await;
    }

    /// As [`Node::shutdown`], with the grace period ending at `deadline`
    /// (`bora serve` starts it when the signal arrives).
    pub async fn shutdown_by(mut self, deadline: tokio::time::Instant) {
        self.stop_work();
        self.executor.drain(deadline).await;
        // Steps from now on leave quick actions to jobs (the executor no
        // longer runs any), and the scheduler lets go of the executor.
        self.service.scheduler().set_inline(None);
        // Whatever still runs on the runtime (an action run directly
        // through the API) stops too.
        self.runtime.interrupt_calls();
        let _ = tokio::time::timeout(Duration::from_secs(10), async {
            while self.tasks.join_next().await.is_some() {}
        })
        .await;
        self.tasks.abort_all();
        // The others take what is left at once instead of after the timeout.
        if let Err(err) = self
            .store
            .leave(&self.record.id, &self.record.instance)
            .await
        {
            tracing::warn!(error = %err, "could not hand this node's jobs back; they are freed after the node timeout");
        }
        self.store.close().await;
    }
}

fn micros(duration: Duration) -> i64 {
    i64::try_from(duration.as_micros()).unwrap_or(i64::MAX)
}

/// Keeps this node registered and takes dead nodes' work over, until
/// `shutdown`: beats six times per node timeout; a node found dead is
/// removed and the jobs it held are freed for the living (this node's
/// loops are woken to claim them). When this node finds itself taken for
/// dead (it was frozen longer than the timeout), it forgets what it holds
/// in memory and registers again.
///
/// A database outage stops every node's heartbeat alike. Each beat is
/// bounded (a third of the timeout) so that it does not wait in the pool's
/// connect retries and back-off once the database returns, and a node
/// takes others for dead only after its own beats have gone through for a
/// whole timeout ([`may_reap`]): the others, back as soon as it, have
/// beaten again by then.
async fn heartbeat(
    store: Store,
    scheduler: Scheduler,
    record: NodeRecord,
    timeout: Duration,
    shutdown: impl std::future::Future<Output = ()>,
) {
    tokio::pin!(shutdown);
    let mut beat = tokio::time::interval((timeout / 6).max(Duration::from_millis(50)));
    beat.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let bound = (timeout / 3).max(Duration::from_millis(100));
    // Since when this node's beats go through (µs), from its registration.
    let mut connected_since = Some(crate::clock::now_micros());
    loop {
        tokio::select! {
            _ = &mut shutdown => return,
            _ = beat.tick() => {}
        }
        let now = crate::clock::now_micros();
        match store
            .heartbeat(&record.id, &record.instance, now, bound)
            .await
        {
            Ok(true) => {}
            Ok(false) => {
                tracing::warn!(node = %record.id, "this node was taken for dead (frozen longer than the node timeout); its work went to others: starting afresh");
                scheduler.forget_all();
                let again = NodeRecord {
                    started_at: now,
                    heartbeat_at: now,
                    ..record.clone()
                };
                if let Err(err) = store.register_node(&again, now - micros(timeout)).await {
                    tracing::error!(error = %err, "cannot register this node again");
                }
            }
            Err(err) => {
                if connected_since.is_some() {
                    tracing::warn!(error = %err, "heartbeat failed");
                }
                connected_since = None;
                continue;
            }
        }
        let since = *connected_since.get_or_insert(now);
        if !may_reap(since, now, micros(timeout)) {
            continue;
        }
        match store.reap_dead_nodes(now - micros(timeout), bound).await {
            Ok(0) => {}
            Ok(freed) => {
                tracing::info!(jobs = freed, "took over the jobs of dead nodes");
                scheduler.wake();
                store.announced(bora_store::JobKind::Action);
            }
            Err(err) => tracing::warn!(error = %err, "looking for dead nodes failed"),
        }
    }
}

/// Whether a node whose heartbeats have gone through since `since` may
/// take others for dead at `now` (µs): only after a whole node `timeout`.
/// Right after an outage, its own or the database's, the others' last
/// beats are stale because they could not be written, not because those
/// nodes died; a node that really died is found one timeout later.
fn may_reap(since: i64, now: i64, timeout: i64) -> bool {
    now.saturating_sub(since) >= timeout
}

async fn wait_stop(mut stopped: watch::Receiver<bool>) {
    while !*stopped.borrow() {
        if stopped.changed().await.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::may_reap;

    const S: i64 = 1_000_000;

    #[test]
    fn a_node_reaps_only_after_beating_for_a_whole_timeout() {
        let timeout = 3 * S;
        // Connected for long: dead nodes are found at once.
        assert!(may_reap(0, 100 * S, timeout));
        // Back from an outage a second ago: the others may still be
        // reconnecting; it waits.
        assert!(!may_reap(99 * S, 100 * S, timeout));
        assert!(!may_reap(100 * S, 100 * S, timeout));
        assert!(may_reap(97 * S, 100 * S, timeout));
        // A clock that stepped back does not make it reap early.
        assert!(!may_reap(101 * S, 100 * S, timeout));
    }
}
