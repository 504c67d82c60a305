//! A Bora node: the store, the action runtime, the scheduler and the
//! executor wired together, with their background loops and an orderly
//! shutdown. `bora serve` puts the REST API in front of it; `bora run` uses
//! it in-process.
//!
//! Shutdown stops claiming work, gives running actions the grace period
//! ([`ExecutorConfig::shutdown_grace`]) and then interrupts them (their jobs
//! stay queued in the store), lets the loops end (bounded) and closes the
//! store: it ends within the grace period and a few seconds.

use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::executor::{Executor, ExecutorConfig};
use crate::runtime::{Runtime, RuntimeConfig, RuntimeError};
use crate::scheduler::{Scheduler, SchedulerConfig};
use crate::service::Service;
use bora_store::{Store, StoreError};

/// Settings of a node.
#[derive(Debug, Clone, Default)]
pub struct NodeConfig {
    /// `sqlite://PATH` or `postgres://...`.
    pub database_url: String,
    pub runtime: RuntimeConfig,
    pub executor: ExecutorConfig,
    pub scheduler: SchedulerConfig,
}

/// Why a node could not start.
#[derive(Debug, thiserror::Error)]
pub enum NodeError {
    #[error("cannot open the store: {0}")]
    Store(#[from] StoreError),
    #[error("cannot start the action runtime: {0}")]
    Runtime(#[from] RuntimeError),
}

/// A running node.
pub struct Node {
    pub service: Service,
    pub runtime: Runtime,
    executor: Executor,
    stop: watch::Sender<bool>,
    tasks: JoinSet<()>,
}

impl Node {
    /// Opens the store (applying migrations), loads the runtime and starts
    /// the scheduler and executor loops.
    pub async fn start(config: NodeConfig) -> Result<Self, NodeError> {
        let store = Store::connect(&config.database_url).await?;
        if store.backend() == bora_store::Backend::Sqlite {
            // SQLite serves one process: leases left by a previous run of
            // this process are void, so its work resumes at once.
            store.release_all_leases().await?;
        }
        let runtime = Runtime::new(config.runtime.clone()).await?;
        let node_id = format!("node-{}", uuid::Uuid::new_v4().simple());
        let (scheduler, queue) = Scheduler::new(store.clone(), node_id, config.scheduler.clone());
        let executor = Executor::new(runtime.clone(), scheduler.clone(), config.executor.clone());
        let (stop, stopped) = watch::channel(false);
        let mut tasks = JoinSet::new();
        {
            let scheduler = scheduler.clone();
            let stopped = stopped.clone();
            tasks.spawn(async move { scheduler.run(wait_stop(stopped)).await });
        }
        {
            let scheduler = scheduler.clone();
            let stopped = stopped.clone();
            tasks.spawn(async move { scheduler.commit_loop(wait_stop(stopped)).await });
        }
        {
            let executor = executor.clone();
            let stopped = stopped.clone();
            tasks.spawn(async move { executor.run(queue, wait_stop(stopped)).await });
        }
        scheduler.wake();
        let service = Service::new(store, scheduler).with_ceilings(runtime.ceilings());
        {
            let service = service.clone();
            let stopped = stopped.clone();
            tasks.spawn(async move { crate::cron::run(service, wait_stop(stopped)).await });
        }
        Ok(Self {
            service,
            runtime,
            executor,
            stop,
            tasks,
        })
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
        // Whatever still runs on the runtime (an action run directly
        // through the API) stops too.
        self.runtime.interrupt_calls();
        let _ = tokio::time::timeout(Duration::from_secs(10), async {
            while self.tasks.join_next().await.is_some() {}
        })
        .await;
        self.tasks.abort_all();
        self.service.store().close().await;
    }
}

async fn wait_stop(mut stopped: watch::Receiver<bool>) {
    while !*stopped.borrow() {
        if stopped.changed().await.is_err() {
            return;
        }
    }
}
