//! The write transaction of one engine step.

use bora_core::records::{ActionExecution, TaskExecution};
use bora_core::state::State;
use sqlx::any::AnyArguments;
use sqlx::{Any, Transaction};
use tokio::sync::OwnedMutexGuard;

use crate::db::{Backend, Store};
use crate::jobs::{JOBS, NewJob, job_cells};
use crate::rows::{
    ACTIONS, Cell, EXECUTIONS, StoredExecution, TASKS, Table, action_cells, action_from_row,
    execution_cells, execution_from_row, task_cells, task_from_row,
};
use crate::{Result, StoreError};

/// Everything the engine core needs to take a step on one execution.
#[derive(Debug, Clone, PartialEq)]
pub struct ExecutionSnapshot {
    pub execution: StoredExecution,
    /// Task executions in creation order.
    pub tasks: Vec<TaskExecution>,
    /// Action executions of those tasks, by task then index.
    pub actions: Vec<ActionExecution>,
    /// Sub-workflow executions started by those tasks.
    pub children: Vec<StoredExecution>,
}

/// A write transaction. Dropping it without [`StoreTx::commit`] rolls back.
pub struct StoreTx {
    tx: Transaction<'static, Any>,
    backend: Backend,
    /// Held for the whole transaction on SQLite (one writer at a time).
    _writer: Option<OwnedMutexGuard<()>>,
}

impl Store {
    /// Starts a write transaction.
    ///
    /// # Errors
    /// [`StoreError::Database`] when no connection can be had.
    pub async fn begin(&self) -> Result<StoreTx> {
        let writer = match &self.write_lock {
            Some(lock) => Some(lock.clone().lock_owned().await),
            None => None,
        };
        let tx = self.pool.begin().await?;
        Ok(StoreTx {
            tx,
            backend: self.backend,
            _writer: writer,
        })
    }
}

impl StoreTx {
    /// Locks a workflow execution for the rest of the transaction and returns
    /// its version, or `None` if it does not exist. Steps of one execution are
    /// thereby serialised across processes (PostgreSQL `FOR UPDATE`; SQLite
    /// has a single writer anyway).
    pub async fn lock_execution(&mut self, id: &str) -> Result<Option<i64>> {
        let sql = match self.backend {
            Backend::Postgres => "SELECT version FROM workflow_executions WHERE id = $1 FOR UPDATE",
            Backend::Sqlite => "SELECT version FROM workflow_executions WHERE id = $1",
        };
        let version: Option<i64> = sqlx::query_scalar(sql)
            .bind(id.to_owned())
            .fetch_optional(&mut *self.tx)
            .await?;
        Ok(version)
    }

    /// Reads an execution with its tasks, their actions and sub-workflows.
    pub async fn load_snapshot(&mut self, id: &str) -> Result<ExecutionSnapshot> {
        let row = sqlx::query(&format!(
            "SELECT {} FROM workflow_executions WHERE id = $1",
            EXECUTIONS.select_list()
        ))
        .bind(id.to_owned())
        .fetch_optional(&mut *self.tx)
        .await?
        .ok_or_else(|| StoreError::NotFound {
            kind: "WorkflowExecution",
            key: format!("id={id}"),
        })?;
        let execution = execution_from_row(&row)?;
        let tasks = sqlx::query(&format!(
            "SELECT {} FROM task_executions WHERE workflow_execution_id = $1 ORDER BY seq",
            TASKS.select_list()
        ))
        .bind(id.to_owned())
        .fetch_all(&mut *self.tx)
        .await?
        .iter()
        .map(task_from_row)
        .collect::<Result<Vec<_>>>()?;
        let actions = sqlx::query(&format!(
            "SELECT {} FROM action_executions WHERE workflow_execution_id = $1 \
             ORDER BY task_execution_id, idx, created_at",
            ACTIONS.select_list()
        ))
        .bind(id.to_owned())
        .fetch_all(&mut *self.tx)
        .await?
        .iter()
        .map(action_from_row)
        .collect::<Result<Vec<_>>>()?;
        let children = sqlx::query(&format!(
            "SELECT {} FROM workflow_executions WHERE task_execution_id IN \
             (SELECT id FROM task_executions WHERE workflow_execution_id = $1) \
             ORDER BY created_at, idx",
            EXECUTIONS.select_list()
        ))
        .bind(id.to_owned())
        .fetch_all(&mut *self.tx)
        .await?
        .iter()
        .map(execution_from_row)
        .collect::<Result<Vec<_>>>()?;
        Ok(ExecutionSnapshot {
            execution,
            tasks,
            actions,
            children,
        })
    }

    /// The state of an execution (`None` when it does not exist), e.g. the
    /// root of a tree of sub-workflows when starting one more.
    pub async fn execution_state(&mut self, id: &str) -> Result<Option<State>> {
        let state: Option<String> =
            sqlx::query_scalar("SELECT state FROM workflow_executions WHERE id = $1")
                .bind(id.to_owned())
                .fetch_optional(&mut *self.tx)
                .await?;
        state
            .map(|s| {
                s.parse().map_err(|err| StoreError::Corrupt {
                    what: "state",
                    detail: format!("{err}"),
                })
            })
            .transpose()
    }

    /// Stores a parsed workflow spec under its content hash (kept if present).
    pub async fn put_spec(&mut self, hash: &str, spec: &str) -> Result<()> {
        sqlx::query("INSERT INTO specs (hash, spec) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING")
            .bind(hash.to_owned())
            .bind(spec.to_owned())
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// Reads a parsed workflow spec by its hash.
    pub async fn get_spec(&mut self, hash: &str) -> Result<String> {
        sqlx::query_scalar("SELECT spec FROM specs WHERE hash = $1")
            .bind(hash.to_owned())
            .fetch_optional(&mut *self.tx)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                kind: "WorkflowSpec",
                key: format!("hash={hash}"),
            })
    }

    /// Inserts or replaces workflow executions.
    pub async fn put_executions(&mut self, rows: &[StoredExecution]) -> Result<()> {
        self.upsert(&EXECUTIONS, rows.iter().map(execution_cells))
            .await
    }

    /// Inserts or replaces task executions.
    pub async fn put_tasks(&mut self, rows: &[TaskExecution]) -> Result<()> {
        self.upsert(&TASKS, rows.iter().map(task_cells)).await
    }

    /// Inserts or replaces action executions (in batches: a with-items task
    /// may create thousands at once).
    pub async fn put_actions(&mut self, rows: &[ActionExecution]) -> Result<()> {
        self.upsert(&ACTIONS, rows.iter().map(action_cells)).await
    }

    /// Queues jobs.
    pub async fn insert_jobs(&mut self, jobs: &[NewJob]) -> Result<()> {
        self.upsert(&JOBS, jobs.iter().map(job_cells)).await
    }

    /// Removes finished jobs.
    pub async fn delete_jobs(&mut self, ids: &[String]) -> Result<()> {
        for chunk in ids.chunks(1000) {
            let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!("DELETE FROM jobs WHERE id IN ({})", placeholders.join(", "));
            let mut query = sqlx::query(&sql);
            for id in chunk {
                query = query.bind(id.clone());
            }
            query.execute(&mut *self.tx).await?;
        }
        Ok(())
    }

    /// Removes every job of an execution of the given kind (e.g. pending
    /// timers when the execution completes).
    pub async fn delete_execution_jobs(&mut self, execution_id: &str, kind: &str) -> Result<()> {
        sqlx::query("DELETE FROM jobs WHERE execution_id = $1 AND kind = $2")
            .bind(execution_id.to_owned())
            .bind(kind.to_owned())
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// The transaction's connection, for queries of other modules.
    pub(crate) fn conn(&mut self) -> &mut sqlx::AnyConnection {
        &mut self.tx
    }

    /// Looks up a workflow definition's spec hash by name, inside the step
    /// (sub-workflows are resolved here).
    pub async fn find_workflow(
        &mut self,
        name: &str,
        namespace: &str,
    ) -> Result<Option<(String, String, String)>> {
        let row: Option<(String, String, String)> = sqlx::query_as(
            "SELECT id, spec_hash, namespace FROM workflow_definitions WHERE name = $1 \
             AND (namespace = $2 OR namespace = '') ORDER BY namespace DESC LIMIT 1",
        )
        .bind(name.to_owned())
        .bind(namespace.to_owned())
        .fetch_optional(&mut *self.tx)
        .await?;
        Ok(row)
    }

    /// The workbook a workflow definition came from, if any.
    pub async fn workbook_of(&mut self, definition_id: &str) -> Result<Option<String>> {
        let name: Option<Option<String>> =
            sqlx::query_scalar("SELECT workbook_name FROM workflow_definitions WHERE id = $1")
                .bind(definition_id.to_owned())
                .fetch_optional(&mut *self.tx)
                .await?;
        Ok(name.flatten())
    }

    /// The workflow execution a task execution belongs to.
    pub async fn task_owner(&mut self, task_id: &str) -> Result<Option<String>> {
        let owner: Option<String> =
            sqlx::query_scalar("SELECT workflow_execution_id FROM task_executions WHERE id = $1")
                .bind(task_id.to_owned())
                .fetch_optional(&mut *self.tx)
                .await?;
        Ok(owner)
    }

    /// Commits the transaction.
    pub async fn commit(self) -> Result<()> {
        self.tx.commit().await?;
        Ok(())
    }

    async fn upsert(&mut self, table: &Table, rows: impl Iterator<Item = Vec<Cell>>) -> Result<()> {
        let rows: Vec<Vec<Cell>> = rows.collect();
        for chunk in rows.chunks(table.rows_per_statement()) {
            let sql = table.upsert_sql(chunk.len(), self.backend == Backend::Postgres);
            let mut args = AnyArguments::default();
            for row in chunk {
                for cell in row {
                    cell.clone().add_to(&mut args)?;
                }
            }
            sqlx::query_with(&sql, args).execute(&mut *self.tx).await?;
        }
        Ok(())
    }
}
