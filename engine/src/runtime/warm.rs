//! Warm instances: an action uploaded with `?instances=warm` keeps the
//! instance a call ran in, and the next call of that action for the same
//! project runs in it instead of a fresh one. That skips instantiation
//! (thousands of function references for a Python or JavaScript component)
//! and the page faults of a fresh instance's first touches, which are most
//! of such a call's time.
//!
//! Opt-in, because what a call leaves in the instance's memory (module
//! globals, caches, the last input) is there for the next call of that
//! action in that project, as in a reused AWS Lambda environment or a
//! Cloudflare Workers isolate. Everything else is the call's own: fuel,
//! deadline, memory cap, stdout, stderr, logs and the `execution` import's
//! answers are set afresh for each call. An instance is kept only when
//! nothing but memory can carry over and nothing went wrong: the action
//! may reach no host (so no connection outlives its call) and has no
//! `ssh`; the call returned (a trap, a timeout or a shutdown discards the
//! instance); its memory is at most half of the call's cap; it has served
//! fewer than [`MAX_USES`] calls; and no call is waiting for an instance
//! slot. An idle instance is dropped after [`IDLE_FOR`], when the pool of
//! idle ones is full (the oldest goes), or when a call needs its slot.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio::sync::OwnedSemaphorePermit;
use wasmtime::Store;

use super::bindings::Action;
use super::host::HostState;

/// How long an idle instance is kept.
pub(crate) const IDLE_FOR: Duration = Duration::from_secs(60);

/// Calls one instance serves before a fresh one replaces it, which bounds
/// what a long-lived instance accumulates.
pub(crate) const MAX_USES: u32 = 10_000;

/// Whose calls may share an instance: one loaded action (its serial, so a
/// new version never runs in an old version's instance) for one project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WarmKey {
    pub action: u64,
    pub owner: Option<String>,
}

/// An instance between calls, with the instance slot it holds.
pub(crate) struct Warm {
    pub store: Store<HostState>,
    pub instance: Action,
    pub permit: OwnedSemaphorePermit,
    /// Calls it has served.
    pub uses: u32,
}

struct Parked {
    key: WarmKey,
    warm: Warm,
    since: Instant,
}

/// The idle warm instances of a runtime, oldest first.
pub(crate) struct WarmPool {
    idle: Mutex<VecDeque<Parked>>,
    cap: usize,
}

impl WarmPool {
    /// A pool keeping at most `cap` idle instances.
    pub(crate) fn new(cap: usize) -> Self {
        Self {
            idle: Mutex::new(VecDeque::new()),
            cap: cap.max(1),
        }
    }

    /// The instance of `key` parked last (its caches are the warmest), if
    /// any; expired instances are dropped on the way.
    pub(crate) fn take(&self, key: &WarmKey, now: Instant) -> Option<Warm> {
        let (found, expired) = {
            let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
            let expired = drain_expired(&mut idle, now);
            let at = idle.iter().rposition(|p| &p.key == key);
            (at.and_then(|at| idle.remove(at)), expired)
        };
        // Dropping a store resets its memory: not under the lock.
        drop(expired);
        found.map(|p| p.warm)
    }

    /// Keeps `warm` for the next call of `key`, dropping the oldest idle
    /// instance when the pool is full.
    pub(crate) fn park(&self, key: WarmKey, warm: Warm, now: Instant) {
        let (mut dropped, oldest) = {
            let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
            let dropped = drain_expired(&mut idle, now);
            let oldest = if idle.len() >= self.cap {
                idle.pop_front()
            } else {
                None
            };
            idle.push_back(Parked {
                key,
                warm,
                since: now,
            });
            (dropped, oldest)
        };
        dropped.extend(oldest);
        drop(dropped);
    }

    /// Drops the oldest idle instance, freeing its slot; false when none is idle.
    pub(crate) fn evict_oldest(&self) -> bool {
        let oldest = self
            .idle
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop_front();
        oldest.is_some()
    }
}

fn drain_expired(idle: &mut VecDeque<Parked>, now: Instant) -> Vec<Parked> {
    let mut expired = Vec::new();
    while idle
        .front()
        .is_some_and(|p| now.saturating_duration_since(p.since) >= IDLE_FOR)
    {
        expired.extend(idle.pop_front());
    }
    expired
}
