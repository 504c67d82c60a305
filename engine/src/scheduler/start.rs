//! A new execution's first step, stored together with its creation.
//!
//! Starting an execution the usual way takes two commits: the new record
//! with its start event, then the first step. When this node keeps the new
//! execution, it takes the first step from memory instead and stores the
//! record, already stepped, in that step's (group) commit: one commit per
//! start, shared with the other steps of the moment. Nothing is stored
//! before that commit, so a crash before it leaves nothing behind and the
//! client, which has no answer yet, sees the start fail. Whatever cannot be
//! done this way (a busy node, a step that fails) starts the usual way,
//! where failures are recorded on the execution.

use bora_core::execution::Execution;
use bora_core::step::Event;
use bora_store::{StoreError, StoredExecution};
use tracing::Instrument;

use super::apply::{Committed, StepFailure};
use super::commit::New;
use super::{Scheduler, lock};

/// How starting a new execution in one step ended.
pub enum Started {
    /// Stored with its first step: the execution as stored.
    Stored(Box<StoredExecution>),
    /// An execution with this id exists already (a retried start).
    Exists,
    /// Not stored: a workflow definition changed since the start's was
    /// read (the definitions are at this generation now). Prepare it
    /// again from a fresh read.
    DefinitionsChanged(i64),
    /// Not done (this node is busy, or the step failed): start it the
    /// usual way.
    Declined,
}

impl Scheduler {
    /// Creates `stored` (a new, idle execution) with its first step
    /// taken, in one commit, when this node keeps new work. With
    /// `definitions`, the generation its definition was read at, only if no
    /// definition changed since.
    pub async fn start_here(&self, stored: &StoredExecution, definitions: Option<i64>) -> Started {
        if !self.keeps_new_work() {
            return Started::Declined;
        }
        let id = stored.execution.id.clone();
        // While the step runs, events sent to this id wait in the inbox.
        if !lock(&self.inner.active).insert(id.clone()) {
            return Started::Declined;
        }
        // A step like any other for the logs and metrics (see `Scheduler::work`).
        let span = tracing::info_span!("step", execution = %id, events = 1);
        let began = std::time::Instant::now();
        let started = self
            .first_step(stored, definitions)
            .instrument(span.clone())
            .await;
        let elapsed = began.elapsed();
        crate::telemetry::metrics::engine_step(elapsed);
        let ok = matches!(started, Started::Stored(_));
        tracing::debug!(parent: &span, ok, latency_ms = elapsed.as_secs_f64() * 1000.0, "step applied");
        // Applies what arrived meanwhile, if anything, and clears `active`.
        let this = self.clone();
        tokio::spawn(async move { this.work(id).await });
        started
    }

    async fn first_step(&self, stored: &StoredExecution, definitions: Option<i64>) -> Started {
        let id = &stored.execution.id;
        let Ok(plan) = self.plan(&stored.spec_hash).await else {
            return Started::Declined;
        };
        let exec = Execution::new(stored.execution.clone(), plan, vec![], vec![], vec![]);
        let decided = match self.decide(exec, vec![Event::Start], true).await {
            Ok(decided) => decided,
            // It would fail the same way again: stored failed at once.
            Err(failure @ (StepFailure::Panic(_) | StepFailure::Timeout(_))) => {
                return self.store_failed(stored, definitions, &failure).await;
            }
            Err(failure) => {
                tracing::debug!(execution = %id, error = %failure, "first step failed; starting the usual way");
                return Started::Declined;
            }
        };
        let spec_hash = stored.spec_hash.clone();
        match self
            .commit(
                id,
                decided,
                0,
                spec_hash.clone(),
                &[],
                Some(New { definitions }),
            )
            .await
        {
            Ok(Committed::Stored(record)) => {
                // No receiver is the normal case: nobody is watching.
                let _ = self.inner.changed.send(id.clone());
                Started::Stored(Box::new(StoredExecution {
                    execution: *record,
                    spec_hash,
                    version: 1,
                    owner: Some(self.inner.node.clone()),
                }))
            }
            Ok(Committed::Duplicate) => Started::Exists,
            Ok(Committed::DefinitionsChanged(generation)) => {
                Started::DefinitionsChanged(generation)
            }
            Ok(_) => Started::Declined,
            Err(failure) => {
                tracing::debug!(execution = %id, error = %failure, "first step not stored; starting the usual way");
                Started::Declined
            }
        }
    }

    /// Stores `stored` and fails it at once: its first step panicked or
    /// hung (see [`Scheduler::fail_stuck`]).
    async fn store_failed(
        &self,
        stored: &StoredExecution,
        definitions: Option<i64>,
        failure: &StepFailure,
    ) -> Started {
        let id = &stored.execution.id;
        let inserted = async {
            let mut tx = self.inner.store.begin().await?;
            let generation = tx.insert_execution(stored).await?;
            if definitions.is_some_and(|read_at| read_at != generation) {
                // Dropped: rolled back.
                return Ok(Some(generation));
            }
            tx.commit().await.map(|()| None)
        };
        match inserted.await {
            Ok(Some(generation)) => return Started::DefinitionsChanged(generation),
            Ok(None) => {}
            Err(StoreError::Duplicate { .. }) => return Started::Exists,
            Err(_) => return Started::Declined,
        }
        self.fail_stuck(id, failure, 1).await;
        match self.inner.store.get_execution(id).await {
            Ok(failed) => Started::Stored(Box::new(failed)),
            Err(_) => Started::Declined,
        }
    }
}
