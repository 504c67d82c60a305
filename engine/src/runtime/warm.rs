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
//! slot. An idle instance is dropped after [`IDLE_FOR`] (a sweep runs every
//! quarter of it, so an action no longer called gives its memory back), when
//! the pool of idle ones is full (the oldest goes), or when a call needs
//! its slot.

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

struct Parked<T> {
    key: WarmKey,
    warm: T,
    since: Instant,
}

/// The idle warm instances of a runtime, oldest first (generic over what
/// is kept only so that its rules are tested without wasm).
pub(crate) struct WarmPool<T = Warm> {
    idle: Mutex<VecDeque<Parked<T>>>,
    cap: usize,
}

impl<T> WarmPool<T> {
    /// A pool keeping at most `cap` idle instances.
    pub(crate) fn new(cap: usize) -> Self {
        Self {
            idle: Mutex::new(VecDeque::new()),
            cap: cap.max(1),
        }
    }

    /// The instance of `key` parked last (its caches are the warmest), if
    /// any; expired instances are dropped on the way.
    pub(crate) fn take(&self, key: &WarmKey, now: Instant) -> Option<T> {
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
    pub(crate) fn park(&self, key: WarmKey, warm: T, now: Instant) {
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

    /// Drops the instances idle for [`IDLE_FOR`] or longer.
    pub(crate) fn sweep(&self, now: Instant) {
        let expired = {
            let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
            drain_expired(&mut idle, now)
        };
        drop(expired);
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

fn drain_expired<T>(idle: &mut VecDeque<Parked<T>>, now: Instant) -> Vec<Parked<T>> {
    let mut expired = Vec::new();
    while idle
        .front()
        .is_some_and(|p| now.saturating_duration_since(p.since) >= IDLE_FOR)
    {
        expired.extend(idle.pop_front());
    }
    expired
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn key(action: u64, owner: &str) -> WarmKey {
        WarmKey {
            action,
            owner: Some(owner.to_owned()),
        }
    }

    #[test]
    fn the_last_parked_instance_of_the_same_action_and_project_is_taken() {
        let pool = WarmPool::new(8);
        let now = Instant::now();
        pool.park(key(1, "a"), "first", now);
        pool.park(key(1, "a"), "second", now);
        pool.park(key(1, "b"), "other project", now);
        pool.park(key(2, "a"), "other action", now);
        assert_eq!(pool.take(&key(1, "a"), now), Some("second"));
        assert_eq!(pool.take(&key(1, "a"), now), Some("first"));
        assert_eq!(pool.take(&key(1, "a"), now), None);
        assert_eq!(pool.take(&key(3, "a"), now), None);
        let nobody = WarmKey {
            action: 1,
            owner: None,
        };
        assert_eq!(pool.take(&nobody, now), None);
        assert_eq!(pool.take(&key(1, "b"), now), Some("other project"));
    }

    #[test]
    fn a_full_pool_drops_its_oldest_and_eviction_goes_oldest_first() {
        let pool = WarmPool::new(2);
        let now = Instant::now();
        pool.park(key(1, "a"), 1, now);
        pool.park(key(2, "a"), 2, now);
        pool.park(key(3, "a"), 3, now);
        assert_eq!(pool.take(&key(1, "a"), now), None);
        assert!(pool.evict_oldest());
        assert_eq!(pool.take(&key(2, "a"), now), None);
        assert_eq!(pool.take(&key(3, "a"), now), Some(3));
        assert!(!pool.evict_oldest());
        // A cap of 0 still keeps one.
        let tiny = WarmPool::new(0);
        tiny.park(key(1, "a"), 1, now);
        assert_eq!(tiny.take(&key(1, "a"), now), Some(1));
    }

    #[test]
    fn instances_idle_for_longer_than_the_limit_are_dropped() {
        let pool = WarmPool::new(8);
        let then = Instant::now();
        pool.park(key(1, "a"), "old", then);
        pool.park(key(2, "a"), "newer", then + IDLE_FOR / 2);
        let later = then + IDLE_FOR;
        assert_eq!(pool.take(&key(1, "a"), later), None);
        assert_eq!(pool.take(&key(2, "a"), later), Some("newer"));
        // Parking sweeps too.
        pool.park(key(3, "a"), "swept", then);
        pool.park(key(4, "a"), "fresh", later + IDLE_FOR);
        assert!(pool.evict_oldest());
        assert!(!pool.evict_oldest());
        // And so does the sweep, without a call.
        pool.park(key(5, "a"), "old", then);
        pool.park(key(6, "a"), "new", later);
        pool.sweep(later);
        assert_eq!(pool.take(&key(5, "a"), later), None);
        assert_eq!(pool.take(&key(6, "a"), later), Some("new"));
    }
}
