//! Where actions run: a tokio runtime of its own (threads named
//! `bora-action`), so that wasm never runs on the threads that serve the
//! API and drive the engine; and the stop switch that shutdown uses to
//! interrupt the calls still running on it.
//!
//! A call in wasm code gives its thread back at every epoch tick (see
//! `call::watch_epochs`), so many long calls share the pool's threads
//! fairly and a short call is never stuck behind them for more than a tick.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use tokio::sync::watch;
use tokio::task::{JoinError, JoinHandle};

use super::error::RuntimeError;

/// The action threads. Dropping the pool stops its threads without waiting
/// (calls still on it are cancelled).
pub(crate) struct ActionPool {
    runtime: Option<tokio::runtime::Runtime>,
    handle: tokio::runtime::Handle,
}

impl ActionPool {
    /// Starts `threads` threads (0: one per CPU).
    pub(crate) fn start(threads: usize) -> Result<Self, RuntimeError> {
        let threads = match threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(threads)
            .thread_name("bora-action")
            .enable_all()
            .build()
            .map_err(|e| RuntimeError::Pool(e.to_string()))?;
        let handle = runtime.handle().clone();
        Ok(Self {
            runtime: Some(runtime),
            handle,
        })
    }

    /// Runs `future` on the pool. Dropping the returned task cancels it, so
    /// a caller that gives up (a request whose client left) stops its call.
    pub(crate) fn spawn<F>(&self, future: F) -> PoolTask<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        PoolTask(self.handle.spawn(future))
    }
}

impl Drop for ActionPool {
    fn drop(&mut self) {
        // Dropping a runtime blocks until its threads end, which tokio
        // forbids inside another runtime (where the last handle usually is).
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

/// A call running on the pool; aborted when dropped.
pub(crate) struct PoolTask<T>(JoinHandle<T>);

impl<T> Future for PoolTask<T> {
    type Output = Result<T, JoinError>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.0).poll(cx)
    }
}

impl<T> Drop for PoolTask<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Set once, at shutdown: calls in wasm code trap at the next epoch tick,
/// calls waiting in the host (a sleep, an HTTP request) are dropped, and
/// new calls are refused.
#[derive(Clone)]
pub(crate) struct StopSwitch {
    /// Read by every call's epoch callback (cheaper than the channel).
    flag: Arc<AtomicBool>,
    signal: Arc<watch::Sender<bool>>,
}

impl StopSwitch {
    pub(crate) fn new() -> Self {
        Self {
            flag: Arc::new(AtomicBool::new(false)),
            signal: Arc::new(watch::Sender::new(false)),
        }
    }

    pub(crate) fn stop(&self) {
        self.flag.store(true, Ordering::SeqCst);
        self.signal.send_replace(true);
    }

    pub(crate) fn stopped(&self) -> bool {
        self.flag.load(Ordering::SeqCst)
    }

    /// The flag, for epoch callbacks.
    pub(crate) fn flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.flag)
    }

    /// Resolves once [`StopSwitch::stop`] was called.
    pub(crate) async fn wait(&self) {
        let mut receiver = self.signal.subscribe();
        // The sender lives in `self`: the channel cannot close meanwhile.
        let _ = receiver.wait_for(|stopped| *stopped).await;
    }
}

/// The error an epoch callback raises when the stop switch is set (told
/// apart from a timeout, whose trap is wasmtime's `Interrupt`).
#[derive(Debug, thiserror::Error)]
#[error("interrupted by shutdown")]
pub(crate) struct Interrupted;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn tasks_run_on_named_threads_and_stop_when_dropped() {
        let pool = ActionPool::start(1).unwrap();
        let name = pool
            .spawn(async { std::thread::current().name().map(str::to_owned) })
            .await
            .unwrap();
        assert_eq!(name.as_deref(), Some("bora-action"));
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let task = pool.spawn(async move {
            // Holds `tx` until cancelled.
            std::future::pending::<()>().await;
            drop(tx);
        });
        drop(task);
        // Aborting the task drops its future, and with it the sender.
        assert!(rx.await.is_err());
        // Dropping the pool inside a runtime must not panic.
        drop(pool);
    }

    #[tokio::test]
    async fn the_stop_switch_wakes_waiters_and_stays_set() {
        let switch = StopSwitch::new();
        assert!(!switch.stopped());
        let waiter = tokio::spawn({
            let switch = switch.clone();
            async move { switch.wait().await }
        });
        switch.stop();
        waiter.await.unwrap();
        assert!(switch.stopped());
        // Waiting after the fact returns at once.
        switch.wait().await;
    }
}
