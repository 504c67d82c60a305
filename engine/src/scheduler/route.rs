//! Where work goes: to this node at once, or to the store for another node.
//!
//! An execution is stepped by one engine node at a time, the one that has
//! it in memory (its `owner` in the store). An event for an execution this
//! node steps is queued as a job held by this node and applied right after
//! the commit that queues it. Any other event is queued free: the owning
//! engine node (or, when it died, any engine node) claims it, woken by the
//! transaction's announcement.
//!
//! Actions go the same way: held and handed straight to this node's
//! executor while it has a free slot, free for any executor otherwise, so
//! the executors of every node share a big with-items between them.

use std::sync::atomic::Ordering;

use bora_core::execution::Execution;
use bora_core::step::Event;
use bora_store::{JobKind, NewJob, StoreError, StoredExecution};
use serde_json::Value;

use super::{Scheduler, lock};
use crate::clock::now_micros;
use crate::ids::new_id;

/// An event to hand to this node's scheduler once its job is committed.
pub type Delivery = (String, Event, String);

impl Scheduler {
    /// Whether this node steps the execution now: it has it in memory or is
    /// stepping it.
    pub fn steps_here(&self, execution_id: &str) -> bool {
        self.inner.engine
            && (lock(&self.inner.cache).contains_key(execution_id)
                || lock(&self.inner.active).contains(execution_id))
    }

    /// A job for `event`: held by this node when `local` (it applies the
    /// event itself after the commit), free otherwise.
    pub(super) fn event_job(
        &self,
        id: &str,
        execution_id: &str,
        event: &Event,
        now: i64,
        local: bool,
    ) -> NewJob {
        NewJob {
            id: id.to_owned(),
            kind: JobKind::Event,
            execution_id: Some(execution_id.to_owned()),
            due_at: now,
            payload: serde_json::to_value(event).unwrap_or(Value::Null),
            locked_by: local.then(|| self.inner.node.clone()),
            target: None,
            created_at: now,
        }
    }

    /// Queues `event` for `execution_id` among `jobs`. When this node steps
    /// the execution (or `new`: it was just created here and this node is
    /// an engine), the job is held and the delivery returned for after the
    /// commit; otherwise the job is free and `None` says to announce it.
    pub(super) fn queue_event(
        &self,
        jobs: &mut Vec<NewJob>,
        execution_id: &str,
        event: Event,
        now: i64,
        new: bool,
    ) -> Option<Delivery> {
        let local = if new {
            self.inner.engine
        } else {
            self.steps_here(execution_id)
        };
        let id = new_id();
        jobs.push(self.event_job(&id, execution_id, &event, now, local));
        local.then(|| (execution_id.to_owned(), event, id))
    }

    /// Takes one of this node's executor slots for an action created here,
    /// if one is free (the action is then handed to it directly).
    pub fn reserve_slot(&self) -> bool {
        self.inner
            .free_slots
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |free| {
                (free > 0).then(|| free - 1)
            })
            .is_ok()
    }

    /// Gives back an executor slot taken by [`Scheduler::reserve_slot`].
    pub fn release_slot(&self) {
        self.inner.free_slots.fetch_add(1, Ordering::AcqRel);
    }

    /// Sets how many actions this node's executor takes directly (its
    /// concurrency; zero on a node without the executor role).
    pub fn set_slots(&self, slots: usize) {
        self.inner
            .free_slots
            .store(i64::try_from(slots).unwrap_or(i64::MAX), Ordering::Release);
    }

    /// Queues `event` for an execution in its own transaction and delivers
    /// it: here when this node steps the execution, else through the store.
    pub async fn send(&self, execution_id: &str, event: Event) -> Result<(), StoreError> {
        let now = now_micros();
        let mut jobs = Vec::with_capacity(1);
        let delivery = self.queue_event(&mut jobs, execution_id, event, now, false);
        let mut tx = self.inner.store.begin().await?;
        tx.insert_jobs(&jobs).await?;
        if delivery.is_none() {
            tx.announce(JobKind::Event).await?;
        }
        tx.commit().await?;
        self.deliver(delivery);
        Ok(())
    }

    /// Queues the start of a new execution inside `tx` (which creates its
    /// record): this node steps it when it is an engine and `keep` (not too
    /// busy), else it is left for another engine node. Returns the delivery
    /// to make after the commit.
    pub async fn queue_start(
        &self,
        tx: &mut bora_store::StoreTx<'_>,
        execution_id: &str,
        now: i64,
        keep: bool,
    ) -> Result<Option<Delivery>, StoreError> {
        let mut jobs = Vec::with_capacity(1);
        let delivery = self.queue_event(&mut jobs, execution_id, Event::Start, now, keep);
        tx.insert_jobs(&jobs).await?;
        if delivery.is_none() {
            tx.announce(JobKind::Event).await?;
        }
        Ok(delivery)
    }

    /// Caches a new execution as its committed insert stored it, before its
    /// start event is delivered here, so the first step reads nothing back.
    /// A spec that cannot be planned is left for the step to report.
    pub async fn adopt(&self, stored: &StoredExecution) {
        let Ok(plan) = self.plan(&stored.spec_hash).await else {
            return;
        };
        let exec = Execution::new(stored.execution.clone(), plan, vec![], vec![], vec![]);
        lock(&self.inner.cache).insert(
            stored.execution.id.clone(),
            super::Cached {
                version: stored.version,
                spec_hash: stored.spec_hash.clone(),
                exec,
            },
        );
    }

    /// Hands a committed delivery to this node's scheduler.
    pub fn deliver(&self, delivery: Option<Delivery>) {
        if let Some((target, event, job)) = delivery {
            self.submit(&target, event, Some(job));
        }
    }

    /// Whether this node should keep a new execution rather than leave it
    /// to other engine nodes: it is an engine and not busier than
    /// `SchedulerConfig::keep_below` executions in flight.
    pub fn keeps_new_work(&self) -> bool {
        self.inner.engine && lock(&self.inner.active).len() < self.inner.config.keep_below
    }
}
