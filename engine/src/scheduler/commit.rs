//! Group commit: the results of many executions' steps stored in one
//! transaction.
//!
//! Each execution is stepped by its own worker (see [`super::apply`]); what
//! the step decided (a [`WriteSet`]) is handed to the committer, which
//! gathers whatever write sets are waiting and stores them together: one
//! lock and version check for all the executions, one statement per table,
//! one commit. A burst of thousands of small steps thereby costs a few
//! commits, not thousands, while a lone step is committed at once.
//!
//! Within the transaction each write set is checked first: an execution
//! another writer changed since it was read (its version moved) or whose
//! events' jobs this node no longer holds is left out and told so, and its
//! worker steps it again. A new execution started from a definition kept
//! in memory is left out when any definition changed since that was read
//! (the insert that claims its id also returns the definitions'
//! generation): its start is prepared again from a fresh read.

use std::collections::HashSet;

use bora_core::execution::Execution;
use bora_core::step::Command;
use bora_store::outage::ANSWER_BOUND;
use bora_store::{Claimed, HeldConnection, JobKind, StoredExecution};
use tokio::sync::oneshot;

use super::apply::{After, CHILD_VERSION, Observed};
use super::children::Child;
use super::{Scheduler, SchedulerError};

/// How many write sets one transaction takes at most.
const MAX_GROUP: usize = 256;

/// What one step decided, waiting to be stored.
pub(super) struct WriteSet {
    /// The execution after the step (its changes not yet taken).
    pub(super) exec: Execution,
    /// The version the step started from; the store must still have it.
    pub(super) version: i64,
    pub(super) spec_hash: String,
    pub(super) commands: Vec<Command>,
    /// Sub-workflows started in the step, stored with it.
    pub(super) children: Vec<Child>,
    /// A new execution, stored by this step (it must not exist yet).
    pub(super) new: Option<New>,
    /// Jobs of the applied events; all must still be this node's.
    pub(super) job_ids: Vec<String>,
    pub(super) now: i64,
    /// The execution's state before the step, and the step's start time
    /// (for the metrics: what the step started or finished).
    pub(super) was: bora_core::state::State,
    pub(super) began: i64,
    pub(super) reply: oneshot::Sender<Outcome>,
}

/// What storing a new execution checks besides its id.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct New {
    /// When it was prepared from a definition kept in memory: the
    /// definitions' generation that was read at, which the store must
    /// still be at (nobody changed a definition since).
    pub(super) definitions: Option<i64>,
}

/// A stored write set: what its worker carries on with.
pub(super) struct Stored {
    pub(super) after: After,
    pub(super) exec: Execution,
    /// The execution's version in the store now.
    pub(super) version: i64,
    pub(super) spec_hash: String,
    /// The children stored with it (for the cache).
    pub(super) children: Vec<Child>,
}

/// How storing a write set ended.
pub(super) enum Outcome {
    /// Stored; the follow-ups to carry out and the execution to cache
    /// (unless it finished).
    Stored(Box<Stored>),
    /// The execution no longer exists: the events' jobs were deleted.
    Deleted,
    /// Another writer stepped the execution first: step it again.
    Stale,
    /// A new execution's id exists already.
    Duplicate,
    /// A new execution's definition may have changed since it was read:
    /// the definitions are at this generation now. Nothing was stored.
    DefinitionsChanged(i64),
    /// These jobs are no longer this node's: step again without them.
    Lost(Vec<String>),
    /// The transaction failed; nothing was stored.
    Failed(SchedulerError),
}

/// How long a group waits for the group in flight before it is committed
/// beside it anyway.
const SECOND_LANE_AFTER: std::time::Duration = std::time::Duration::from_millis(2);

/// The committers' groups in flight. A group that finds another one in
/// flight waits until that one is done (steps arriving meanwhile join it),
/// or [`SECOND_LANE_AFTER`]: under a burst of small steps the groups are
/// then bigger and the database runs fewer transactions per step (a third
/// fewer in a burst of 2,000 three-noop starts), while a large commit still
/// gets a second lane beside it.
#[derive(Default)]
struct Lanes {
    in_flight: std::sync::atomic::AtomicUsize,
    done: tokio::sync::Notify,
}

impl Lanes {
    /// Returns when no group is in flight, when one in flight is done, or
    /// `after` at the latest.
    async fn second_lane(&self, after: std::time::Duration) {
        use std::sync::atomic::Ordering;
        // Made before the check, so a group done in between still wakes it.
        let done = self.done.notified();
        if self.in_flight.load(Ordering::Acquire) > 0 {
            let _ = tokio::time::timeout(after, done).await;
        }
    }

    fn enter(&self) -> Lane<'_> {
        self.in_flight
            .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        Lane(self)
    }
}

/// A group in flight; leaving wakes a group waiting beside it.
struct Lane<'a>(&'a Lanes);

impl Drop for Lane<'_> {
    fn drop(&mut self) {
        self.0
            .in_flight
            .fetch_sub(1, std::sync::atomic::Ordering::AcqRel);
        self.0.done.notify_waiters();
    }
}

impl Scheduler {
    /// Stores write sets as they come, grouping those that wait, until
    /// `shutdown` resolves (groups at hand are finished first). Runs once
    /// per scheduler (a second call returns at once), with `committers`
    /// groups in flight at a time: PostgreSQL commits concurrent
    /// transactions in parallel, SQLite has one writer anyway.
    pub async fn commit_loop(&self, shutdown: impl std::future::Future<Output = ()>) {
        let Some(queue) = super::lock(&self.inner.commit_queue).take() else {
            return;
        };
        let queue = std::sync::Arc::new(tokio::sync::Mutex::new(queue));
        let committers = match self.inner.store.backend() {
            bora_store::Backend::Sqlite => 1,
            bora_store::Backend::Postgres => self.inner.config.committers.max(1),
        };
        // The committers' connections (see `HeldConnection`), the last used
        // on top: committers take turns at the queue, but a group that
        // comes alone gets the connection that served the one before, whose
        // statements are prepared, not one idle since.
        let connections: Vec<HeldConnection> = (0..committers)
            .map(|_| self.inner.store.held_connection())
            .collect();
        let connections = std::sync::Arc::new(std::sync::Mutex::new(connections));
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let mut running = tokio::task::JoinSet::new();
        let lanes = std::sync::Arc::new(Lanes::default());
        for _ in 0..committers {
            let this = self.clone();
            let queue = queue.clone();
            let connections = connections.clone();
            let lanes = lanes.clone();
            let mut stopped = stopped.clone();
            running.spawn(async move {
                loop {
                    let group = {
                        let mut queue = queue.lock().await;
                        let first = tokio::select! {
                            _ = stopped.wait_for(|s| *s) => return,
                            next = queue.recv() => match next {
                                Some(first) => first,
                                None => return,
                            },
                        };
                        lanes.second_lane(SECOND_LANE_AFTER).await;
                        let mut group = vec![first];
                        while group.len() < MAX_GROUP {
                            match queue.try_recv() {
                                Ok(next) => group.push(next),
                                Err(_) => break,
                            }
                        }
                        group
                    };
                    // As many connections as committers: one is free.
                    let mut held = super::lock(&connections)
                        .pop()
                        .unwrap_or_else(|| this.inner.store.held_connection());
                    let lane = lanes.enter();
                    this.commit_group(group, &mut held).await;
                    drop(lane);
                    super::lock(&connections).push(held);
                }
            });
        }
        shutdown.await;
        let _ = stop.send(true);
        while running.join_next().await.is_some() {}
    }

    /// The execution row a write set stores: its record after the step,
    /// one version on, owned by this node.
    fn stored_row(&self, set: &WriteSet) -> StoredExecution {
        StoredExecution {
            execution: set.exec.record.clone(),
            spec_hash: set.spec_hash.clone(),
            version: set.version + 1,
            owner: Some(self.inner.node.clone()),
        }
    }

    /// Stores a group in one transaction and answers each write set.
    ///
    /// The transaction is given [`ANSWER_BOUND`]: on a connection that a
    /// partition left half-open it would wait for good, and with it every
    /// execution of the group. Given up, its connection is closed and each
    /// write set answered with a transient failure (its worker steps it
    /// again from the store). Whether a failed commit was stored is not
    /// known; if it was, the jobs it created held by this node, which this
    /// node will never deliver, are freed by its next claim (see
    /// `bora_store::StoreTx::insert_jobs`).
    async fn commit_group(&self, group: Vec<WriteSet>, held: &mut HeldConnection) {
        let mut pending = group;
        let mut stored = Vec::with_capacity(pending.len());
        let result = match tokio::time::timeout(
            ANSWER_BOUND,
            self.store_group(&mut pending, &mut stored, held),
        )
        .await
        {
            Ok(result) => result,
            Err(_) => {
                held.abandon();
                Err(SchedulerError::Store(bora_store::StoreError::Unavailable(
                    format!(
                        "the commit had no answer from the database within {} s",
                        ANSWER_BOUND.as_secs()
                    ),
                )))
            }
        };
        if result.is_err() {
            held.release();
        }
        match result {
            Ok(()) => {
                for (set, after) in stored {
                    for observed in &after.observed {
                        observed.record();
                    }
                    let WriteSet {
                        exec,
                        version,
                        spec_hash,
                        children,
                        reply,
                        ..
                    } = set;
                    let _ = reply.send(Outcome::Stored(Box::new(Stored {
                        after,
                        exec,
                        version: version + 1,
                        spec_hash,
                        children,
                    })));
                }
            }
            Err(err) => {
                let message = err.to_string();
                let transient = err.is_transient();
                let unanswered = pending
                    .into_iter()
                    .chain(stored.into_iter().map(|(set, _)| set));
                for set in unanswered {
                    let failure = if transient {
                        SchedulerError::Store(bora_store::StoreError::Unavailable(message.clone()))
                    } else {
                        SchedulerError::Store(bora_store::StoreError::Database(message.clone()))
                    };
                    let _ = set.reply.send(Outcome::Failed(failure));
                }
            }
        }
    }

    /// The transaction of a group. Write sets that cannot be stored are
    /// answered here; those stored are moved to `stored` with their
    /// follow-ups (answered by the caller once the commit is known).
    ///
    /// The write sets stay in `group` until the transaction's reads are
    /// done (so that a transaction given up before can answer them all).
    async fn store_group(
        &self,
        group: &mut Vec<WriteSet>,
        stored: &mut Vec<(WriteSet, After)>,
        held: &mut HeldConnection,
    ) -> Result<(), SchedulerError> {
        let mut tx = self.inner.store.begin_held(held).await?;
        // New executions are not locked: nobody else knows them yet, and
        // their insert below claims the id (or finds it taken). A group of
        // starts thereby saves a round trip.
        let ids: Vec<String> = group
            .iter()
            .filter(|s| s.new.is_none())
            .map(|s| s.exec.record.id.clone())
            .collect();
        let versions = tx.lock_executions(&ids).await?;
        let all_jobs: Vec<String> = group.iter().flat_map(|s| s.job_ids.clone()).collect();
        let held = tx.held_jobs(&all_jobs, &self.inner.node).await?;

        // New executions claim their ids with one insert that yields to a
        // row stored meanwhile (a concurrent start with the same client id,
        // which the lock above cannot see), so only one start creates each.
        // The rows are final (the step is done): nothing rewrites them below.
        let new_rows: Vec<StoredExecution> = group
            .iter()
            .filter(|s| s.new.is_some())
            .map(|set| self.stored_row(set))
            .collect();
        let mut claimed = if new_rows.is_empty() {
            Claimed::default()
        } else {
            tx.claim_executions(&new_rows).await?
        };

        let mut gone_jobs = Vec::new();
        // Starts made from a definition kept in memory that changed since
        // it was read: their rows go again, and they are prepared anew.
        let mut outdated = Vec::new();
        for set in std::mem::take(group) {
            if let Some(new) = set.new {
                // `remove`: of two starts with one id in this group, the
                // first (whose row the insert kept) has it.
                if !claimed.ids.remove(&set.exec.record.id) {
                    let _ = set.reply.send(Outcome::Duplicate);
                } else if let (Some(read_at), Some(generation)) =
                    (new.definitions, claimed.definitions)
                    && read_at != generation
                {
                    outdated.push(set.exec.record.id.clone());
                    let _ = set.reply.send(Outcome::DefinitionsChanged(generation));
                } else {
                    stored.push((set, After::default()));
                }
                continue;
            }
            match versions.get(&set.exec.record.id) {
                None => {
                    gone_jobs.extend(set.job_ids.iter().cloned());
                    let _ = set.reply.send(Outcome::Deleted);
                }
                Some(&current) if current != set.version => {
                    let _ = set.reply.send(Outcome::Stale);
                }
                Some(_) => {
                    let lost: Vec<String> = set
                        .job_ids
                        .iter()
                        .filter(|id| !held.contains(*id))
                        .cloned()
                        .collect();
                    if lost.is_empty() {
                        stored.push((set, After::default()));
                    } else {
                        let _ = set.reply.send(Outcome::Lost(lost));
                    }
                }
            }
        }
        tx.unclaim_executions(&outdated).await?;
        // Events of deleted executions go with them.
        tx.delete_jobs(&gone_jobs).await?;
        if stored.is_empty() {
            tx.commit().await?;
            return Ok(());
        }
        let taken: Vec<String> = stored
            .iter()
            .flat_map(|(s, _)| s.job_ids.iter().cloned())
            .collect();
        tx.delete_jobs(&taken).await?;

        let mut executions = Vec::with_capacity(stored.len());
        let mut tasks = Vec::new();
        let mut actions = Vec::new();
        for (set, after) in stored.iter_mut() {
            let changes = set.exec.take_changes();
            let changed: Vec<&str> = changes.tasks.iter().map(String::as_str).collect();
            after.observed = vec![Observed::of(&set.exec, set.was, set.began, &changed)];
            if set.new.is_none() {
                executions.push(self.stored_row(set));
            }
            tasks.extend(
                changes
                    .tasks
                    .iter()
                    .filter_map(|id| set.exec.task(id).cloned()),
            );
            actions.extend(
                changes
                    .actions
                    .iter()
                    .filter_map(|id| set.exec.action(id).cloned()),
            );
            for child in set.children.iter_mut() {
                let changes = child.exec.take_changes();
                let changed: Vec<&str> = changes.tasks.iter().map(String::as_str).collect();
                after.observed.push(Observed::of(
                    &child.exec,
                    bora_core::state::State::Idle,
                    set.began,
                    &changed,
                ));
                executions.push(StoredExecution {
                    execution: child.exec.record.clone(),
                    spec_hash: child.spec_hash.clone(),
                    version: CHILD_VERSION,
                    owner: Some(self.inner.node.clone()),
                });
                tasks.extend(
                    changes
                        .tasks
                        .iter()
                        .filter_map(|id| child.exec.task(id).cloned()),
                );
                actions.extend(
                    changes
                        .actions
                        .iter()
                        .filter_map(|id| child.exec.action(id).cloned()),
                );
            }
        }
        tx.put_executions(&executions).await?;
        tx.put_tasks(&tasks).await?;
        tx.put_actions(&actions).await?;

        let mut jobs = Vec::new();
        let mut finished = HashSet::new();
        for (set, after) in stored.iter_mut() {
            for command in std::mem::take(&mut set.commands) {
                self.command(&mut tx, &set.exec, command, set.now, &mut jobs, after)
                    .await?;
            }
            // A new execution has no stored jobs yet (its own are inserted
            // below), so nothing to drop when it finished at once.
            if after.finished && set.new.is_none() {
                finished.insert(set.exec.record.id.clone());
            }
            for child in set.children.iter_mut() {
                let mut child_after = After::default();
                for command in std::mem::take(&mut child.commands) {
                    self.command(
                        &mut tx,
                        &child.exec,
                        command,
                        set.now,
                        &mut jobs,
                        &mut child_after,
                    )
                    .await?;
                }
                after.absorb(child_after, &child.exec.record.id);
            }
        }
        for (_, after) in stored.iter_mut() {
            for (task_id, note) in std::mem::take(&mut after.notes) {
                tx.note_task(&task_id, &note).await?;
            }
        }
        for id in &finished {
            // Timers of a finished execution will never matter.
            tx.delete_execution_jobs(id, JobKind::Event.as_str())
                .await?;
        }
        tx.insert_jobs(&jobs).await?;
        if stored.iter().any(|(_, after)| after.announce_events) {
            tx.announce(JobKind::Event).await?;
        }
        if stored.iter().any(|(_, after)| after.announce_actions) {
            tx.announce(JobKind::Action).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use super::Lanes;

    /// Long enough that a waiter still waiting after it is one that waits.
    const NEVER: Duration = Duration::from_secs(3600);
    /// A bound on what must end, so that a bug fails instead of hanging.
    const BOUND: Duration = Duration::from_secs(30);

    #[tokio::test]
    async fn a_group_goes_at_once_when_none_is_in_flight() {
        let lanes = Lanes::default();
        tokio::time::timeout(BOUND, lanes.second_lane(NEVER))
            .await
            .expect("nothing in flight, yet the group waited");
    }

    #[tokio::test]
    async fn a_group_waits_for_the_one_in_flight_to_be_done() {
        let lanes = Arc::new(Lanes::default());
        let lane = lanes.enter();
        let waiter = tokio::spawn({
            let lanes = Arc::clone(&lanes);
            async move { lanes.second_lane(NEVER).await }
        });
        for _ in 0..100 {
            tokio::task::yield_now().await;
        }
        assert!(!waiter.is_finished(), "went beside a group in flight");
        drop(lane);
        tokio::time::timeout(BOUND, waiter)
            .await
            .expect("still waiting after the group in flight was done")
            .expect("the waiter panicked");
        // Done groups leave nothing in flight.
        tokio::time::timeout(BOUND, lanes.second_lane(NEVER))
            .await
            .expect("a done group still counted as in flight");
    }

    #[tokio::test]
    async fn a_group_goes_beside_a_long_one_after_its_wait() {
        let lanes = Lanes::default();
        let _long = lanes.enter();
        tokio::time::timeout(BOUND, lanes.second_lane(Duration::from_millis(1)))
            .await
            .expect("no second lane beside a long group");
    }
}
