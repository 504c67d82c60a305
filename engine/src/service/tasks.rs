//! Task executions: rerunning or skipping a failed task.

use std::time::Duration;

use bora_core::execution::Execution;
use bora_core::plan::Plan;
use bora_core::records::TaskExecution;
use bora_core::step::{Event, check_rerun};
use serde_json::{Map, Value};

use super::definitions::parse_spec;
use super::{Service, ServiceError, bad};

impl Service {
    /// Reruns (`skip` false) or skips a failed task (`PUT /v2/tasks/{id}`)
    /// after the core's checks (Mistral's refusals, as 400), and returns the
    /// task once the step that applies it is stored.
    pub async fn update_task(
        &self,
        task_id: &str,
        skip: bool,
        reset: Option<bool>,
        env: Option<Map<String, Value>>,
    ) -> Result<TaskExecution, ServiceError> {
        let task = self.store.get_task(task_id).await?;
        let execution_id = task.workflow_execution_id.clone();
        let mut tx = self.store.begin().await?;
        let snapshot = tx.load_snapshot(&execution_id).await?;
        let spec = tx.get_spec(&snapshot.execution.spec_hash).await?;
        // Read only: dropping the transaction rolls it back.
        drop(tx);
        let workflow = parse_spec(&spec)?;
        let version = snapshot.execution.version;
        let exec = Execution::new(
            snapshot.execution.execution,
            Plan::new(workflow),
            snapshot.tasks,
            snapshot.actions,
            snapshot.children.into_iter().map(|c| c.execution).collect(),
        );
        check_rerun(&exec, task_id, skip, reset, env.is_some()).map_err(bad)?;
        let event = if skip {
            Event::Skip {
                task_id: task_id.to_owned(),
            }
        } else {
            Event::Rerun {
                task_id: task_id.to_owned(),
                reset: reset.unwrap_or(true),
                env,
            }
        };
        self.send(&execution_id, event).await?;
        // Every step stores a new version: wait for the one applying ours
        // (bounded, in case another node holds the execution).
        self.poll(
            &execution_id,
            Duration::from_secs(10),
            || self.store.get_execution(&execution_id),
            |current| current.version > version,
        )
        .await?;
        Ok(self.store.get_task(task_id).await?)
    }
}
