//! Reads for the API: single records and lists with filters and paging.

use bora_core::records::{ActionExecution, TaskExecution};

use crate::db::Store;
use crate::rows::{
    ACTIONS, EXECUTIONS, StoredExecution, TASKS, action_from_row, execution_from_row, task_from_row,
};
use crate::{Result, StoreError};

impl Store {
    /// One workflow execution.
    pub async fn get_execution(&self, id: &str) -> Result<StoredExecution> {
        let row = sqlx::query(&format!(
            "SELECT {} FROM workflow_executions WHERE id = $1",
            EXECUTIONS.select_list()
        ))
        .bind(id.to_owned())
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StoreError::NotFound {
            kind: "WorkflowExecution",
            key: format!("id={id}"),
        })?;
        execution_from_row(&row)
    }

    /// The task executions of a workflow execution, in creation order.
    pub async fn list_tasks_of(&self, execution_id: &str) -> Result<Vec<TaskExecution>> {
        sqlx::query(&format!(
            "SELECT {} FROM task_executions WHERE workflow_execution_id = $1 ORDER BY seq",
            TASKS.select_list()
        ))
        .bind(execution_id.to_owned())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(task_from_row)
        .collect()
    }

    /// One task execution.
    pub async fn get_task(&self, id: &str) -> Result<TaskExecution> {
        let row = sqlx::query(&format!(
            "SELECT {} FROM task_executions WHERE id = $1",
            TASKS.select_list()
        ))
        .bind(id.to_owned())
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StoreError::NotFound {
            kind: "Task execution",
            key: format!("id={id}"),
        })?;
        task_from_row(&row)
    }

    /// The action executions of a task, by with-items index.
    pub async fn list_actions_of(&self, task_id: &str) -> Result<Vec<ActionExecution>> {
        sqlx::query(&format!(
            "SELECT {} FROM action_executions WHERE task_execution_id = $1 ORDER BY idx, created_at",
            ACTIONS.select_list()
        ))
        .bind(task_id.to_owned())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(action_from_row)
        .collect()
    }

    /// One action execution.
    pub async fn get_action(&self, id: &str) -> Result<ActionExecution> {
        let row = sqlx::query(&format!(
            "SELECT {} FROM action_executions WHERE id = $1",
            ACTIONS.select_list()
        ))
        .bind(id.to_owned())
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StoreError::NotFound {
            kind: "ActionExecution",
            key: format!("id={id}"),
        })?;
        action_from_row(&row)
    }

    /// Sub-workflow executions started by a task.
    pub async fn list_children_of(&self, task_id: &str) -> Result<Vec<StoredExecution>> {
        sqlx::query(&format!(
            "SELECT {} FROM workflow_executions WHERE task_execution_id = $1 ORDER BY idx, created_at",
            EXECUTIONS.select_list()
        ))
        .bind(task_id.to_owned())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(execution_from_row)
        .collect()
    }
}
