//! Task executions: reading and listing them (with their computed
//! result), their actions, and rerunning or skipping a failed task.

use std::time::Duration;

use bora_core::dataflow::result_from;
use bora_core::execution::Execution;
use bora_core::plan::Plan;
use bora_core::records::{ActionExecution, TaskExecution};
use bora_core::step::{Event, check_rerun};
use bora_store::queries::{ListQuery, TaskOwner};
use serde_json::{Map, Value};

use super::definitions::parse_spec;
use super::{Service, ServiceError, bad};

/// A task as its GET shows it: with its owner's names and its result.
#[derive(Debug, Clone)]
pub struct TaskDetails {
    pub task: TaskExecution,
    pub owner: TaskOwner,
    /// What the task's actions or sub-workflows produced (Mistral's
    /// `result`).
    pub result: Value,
}

impl Service {
    /// One task (`GET /v2/tasks/{id}`).
    pub async fn get_task(&self, id: &str) -> Result<TaskExecution, ServiceError> {
        Ok(self.store.get_task(id).await?)
    }

    /// A page of tasks with their owners' names (`GET /v2/tasks` and the
    /// tasks of an execution).
    pub async fn list_tasks(
        &self,
        query: &ListQuery,
    ) -> Result<Vec<(TaskExecution, TaskOwner)>, ServiceError> {
        Ok(self.store.list_tasks(query).await?)
    }

    /// A task with its owner's names and its result.
    pub async fn task_details(&self, task: TaskExecution) -> Result<TaskDetails, ServiceError> {
        let owner = self
            .store
            .get_execution(&task.workflow_execution_id)
            .await?
            .execution;
        let actions = self.store.list_actions_of(&task.id).await?;
        let children = self.store.list_children_of(&task.id).await?;
        let result = result_from(&task, actions.iter(), children.iter().map(|c| &c.execution));
        let owner = TaskOwner {
            workflow_name: owner.workflow_name,
            workflow_id: owner.workflow_id,
            workflow_namespace: owner.workflow_namespace,
            project_id: owner.project_id,
        };
        Ok(TaskDetails {
            task,
            owner,
            result,
        })
    }

    /// Checks that the names a `PUT /v2/tasks/{id}` gives match the task
    /// and its workflow (Mistral's guard against updating the wrong task).
    pub async fn check_task_names(
        &self,
        id: &str,
        name: Option<&str>,
        workflow_name: Option<&str>,
    ) -> Result<(), ServiceError> {
        let task = self.store.get_task(id).await?;
        if let Some(name) = name
            && name != task.name
        {
            return Err(bad("Task name does not match."));
        }
        if let Some(workflow) = workflow_name {
            let owner = self
                .store
                .get_execution(&task.workflow_execution_id)
                .await?;
            if workflow != owner.execution.workflow_name {
                return Err(bad("Workflow name does not match."));
            }
        }
        Ok(())
    }

    /// One action of a task (`GET /v2/tasks/{id}/action_executions/{action_id}`).
    pub async fn task_action(
        &self,
        task_id: &str,
        action_id: &str,
    ) -> Result<ActionExecution, ServiceError> {
        self.store.get_task(task_id).await?;
        let action = self.store.get_action(action_id).await?;
        if action.task_execution_id.as_deref() != Some(task_id) {
            return Err(ServiceError::NotFound(format!(
                "ActionExecution not found [id={action_id}, task_execution_id={task_id}]"
            )));
        }
        Ok(action)
    }

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
