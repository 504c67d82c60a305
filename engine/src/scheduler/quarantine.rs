//! Failing an execution that cannot be stepped, so one bad execution never
//! stalls or crashes the node: the core panicked or hung on it, its step
//! kept failing, or its events were delivered to nodes that died before
//! finishing them (a crash loop). The execution goes to ERROR with the
//! reason, written by the shell without the core; its parent hears of it
//! as of any child that failed, and its sub-workflows are cancelled.

use bora_core::step::Event;

use super::apply::StepFailure;
use super::{Scheduler, lock};
use crate::clock::now_micros;

impl Scheduler {
    /// Fails an execution whose step failed `failures` times in a row here.
    pub(super) async fn fail_stuck(
        &self,
        execution_id: &str,
        failure: &StepFailure,
        failures: u32,
    ) {
        let message = match failure {
            StepFailure::Store(_) => {
                format!("engine step failed {failures} times: {failure}")
            }
            StepFailure::Panic(_) | StepFailure::Timeout(_) => {
                format!("engine step failed: {failure}")
            }
        };
        tracing::error!(execution = %execution_id, error = %failure, "failing the execution: its engine step cannot be taken");
        self.fail_execution(execution_id, &message).await;
    }

    /// Fails an execution whose event was delivered `attempts` times without
    /// its step ever finishing: each node that took it stopped meanwhile,
    /// which is what a step that crashes the process looks like.
    pub async fn quarantine(&self, execution_id: &str, attempts: i64) {
        let message = format!(
            "engine step failed {attempts} times: the node applying it stopped each time \
             (the step may crash the process); the execution was stopped to protect the service"
        );
        tracing::error!(execution = %execution_id, attempts, "quarantining an execution whose step never finished");
        self.fail_execution(execution_id, &message).await;
    }

    /// Puts an execution in ERROR with `message` (if it has not finished),
    /// drops its queued work, tells its parent and cancels its children.
    /// Errors are logged: the execution stays as it was and its jobs are
    /// retried later.
    pub async fn fail_execution(&self, execution_id: &str, message: &str) {
        lock(&self.inner.cache).remove(execution_id);
        if let Err(err) = self.try_fail_execution(execution_id, message).await {
            tracing::error!(execution = %execution_id, error = %err, "cannot fail the execution");
        }
        let _ = self.inner.changed.send(execution_id.to_owned());
    }

    async fn try_fail_execution(
        &self,
        execution_id: &str,
        message: &str,
    ) -> Result<(), bora_store::StoreError> {
        let now = now_micros();
        let mut tx = self.inner.store.begin().await?;
        let Some(failed) = tx.fail_execution(execution_id, message, now).await? else {
            tx.commit().await?;
            return Ok(());
        };
        let mut jobs = Vec::new();
        let mut deliveries = Vec::new();
        if let Some(parent_task) = &failed.execution.task_execution_id
            && let Some(parent) = tx.task_owner(parent_task).await?
        {
            let event = Event::ChildChanged {
                child: Box::new(failed.execution.clone()),
            };
            deliveries.push(self.queue_event(&mut jobs, &parent, event, now, false));
        }
        let snapshot = tx.load_snapshot(execution_id).await?;
        for child in snapshot.children {
            if !child.execution.state.is_completed() {
                let event = Event::Cancel { message: None };
                deliveries.push(self.queue_event(
                    &mut jobs,
                    &child.execution.id,
                    event,
                    now,
                    false,
                ));
            }
        }
        tx.insert_jobs(&jobs).await?;
        if deliveries.iter().any(Option::is_none) {
            tx.announce(bora_store::JobKind::Event).await?;
        }
        tx.commit().await?;
        crate::telemetry::metrics::execution_finished(
            &failed.execution.workflow_name,
            bora_core::state::State::Error.as_str(),
        );
        if crate::telemetry::traces::enabled() {
            crate::telemetry::traces::emit(&[crate::telemetry::traces::SpanRecord::execution(
                &failed.execution,
            )]);
        }
        for delivery in deliveries {
            self.deliver(delivery);
        }
        Ok(())
    }
}
