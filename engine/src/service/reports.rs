//! Views of an execution tree: Mistral's report (tasks, their actions and
//! sub-workflows, with statistics and an estimate of the time left), the
//! sub-execution trees, and Bora's graph (the stored spec with the task
//! executions). Plain records; the API gives them their wire shapes.

use std::pin::Pin;

use bora_core::records::{ActionExecution, TaskExecution, TaskKind, WorkflowExecution};
use bora_core::state::State;
use bora_lang::Workflow;
use bora_store::Store;
use bora_store::queries::{Filter, FilterOp, ListQuery};

use super::{Service, ServiceError};
use crate::clock::now_micros;

/// What a report or a sub-execution tree includes.
#[derive(Debug, Clone, Copy)]
pub struct TreeFilter {
    /// Only ERROR tasks (and what is under them).
    pub errors_only: bool,
    /// Depth of sub-workflows whose tasks are included; negative: all.
    pub max_depth: i64,
}

impl TreeFilter {
    fn too_deep(&self, depth: i64) -> bool {
        0 <= self.max_depth && self.max_depth < depth
    }
}

/// Tasks counted by state for the report (Mistral's statistics).
#[derive(Debug, Clone, Copy, Default)]
pub struct TaskStatistics {
    pub total: u64,
    pub running: u64,
    pub success: u64,
    pub error: u64,
    pub idle: u64,
    pub paused: u64,
}

impl TaskStatistics {
    fn count(&mut self, state: State) {
        self.total += 1;
        match state {
            State::Running => self.running += 1,
            State::Success => self.success += 1,
            State::Error => self.error += 1,
            State::Idle => self.idle += 1,
            State::Paused => self.paused += 1,
            _ => {}
        }
    }
}

/// A workflow execution in a report.
#[derive(Debug, Clone)]
pub struct WorkflowReport {
    pub execution: WorkflowExecution,
    /// Its tasks; `None` when it is deeper than the filter's `max_depth`.
    pub tasks: Option<Vec<TaskReport>>,
}

/// A task in a report, with its actions and sub-workflows.
#[derive(Debug, Clone)]
pub struct TaskReport {
    pub task: TaskExecution,
    pub actions: Vec<ActionExecution>,
    pub workflows: Vec<WorkflowReport>,
}

/// `GET /v2/executions/{id}/report`.
#[derive(Debug, Clone)]
pub struct ExecutionReport {
    pub root: WorkflowReport,
    /// The tasks the report includes, counted by state.
    pub statistics: TaskStatistics,
    /// Seconds the execution still needs (see [`Service::execution_report`]).
    pub estimated_time: i64,
}

/// `GET /v2/executions/{id}/graph`: what an execution runs and how far.
#[derive(Debug, Clone)]
pub struct ExecutionGraph {
    pub execution: WorkflowExecution,
    /// The definition the execution runs (its stored spec).
    pub workflow: Workflow,
    /// Its task executions, each with its sub-workflow executions (only
    /// for workflow tasks).
    pub tasks: Vec<(TaskExecution, Vec<WorkflowExecution>)>,
}

type BoxedFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A workflow execution's report entry with its tasks (unless deeper than
/// `max_depth`), counting tasks into `stats`.
fn report_workflow<'a>(
    store: &'a Store,
    execution: WorkflowExecution,
    filter: TreeFilter,
    depth: i64,
    stats: &'a mut TaskStatistics,
) -> BoxedFuture<'a, Result<WorkflowReport, ServiceError>> {
    Box::pin(async move {
        if filter.too_deep(depth) {
            return Ok(WorkflowReport {
                execution,
                tasks: None,
            });
        }
        let mut tasks = Vec::new();
        for task in store.list_tasks_of(&execution.id).await? {
            if filter.errors_only && task.state != State::Error {
                continue;
            }
            stats.count(task.state);
            let actions = store.list_actions_of(&task.id).await?;
            let mut workflows = Vec::new();
            for child in store.list_children_of(&task.id).await? {
                workflows
                    .push(report_workflow(store, child.execution, filter, depth + 1, stats).await?);
            }
            tasks.push(TaskReport {
                task,
                actions,
                workflows,
            });
        }
        Ok(WorkflowReport {
            execution,
            tasks: Some(tasks),
        })
    })
}

/// An execution and its descendants in pre-order (Mistral's
/// sub-executions); `depth` is the execution's depth.
fn sub_executions<'a>(
    store: &'a Store,
    execution: WorkflowExecution,
    filter: TreeFilter,
    depth: i64,
    out: &'a mut Vec<WorkflowExecution>,
) -> BoxedFuture<'a, Result<(), ServiceError>> {
    Box::pin(async move {
        if filter.too_deep(depth) {
            return Ok(());
        }
        let id = execution.id.clone();
        out.push(execution);
        for task in store.list_tasks_of(&id).await? {
            task_sub_executions(store, &task, filter, depth + 1, out).await?;
        }
        Ok(())
    })
}

/// The sub-workflow trees of one task (none unless ERROR with
/// `errors_only`).
async fn task_sub_executions(
    store: &Store,
    task: &TaskExecution,
    filter: TreeFilter,
    depth: i64,
    out: &mut Vec<WorkflowExecution>,
) -> Result<(), ServiceError> {
    if filter.errors_only && task.state != State::Error {
        return Ok(());
    }
    for child in store.list_children_of(&task.id).await? {
        sub_executions(store, child.execution, filter, depth, out).await?;
    }
    Ok(())
}

impl Service {
    /// The report of an execution: its tree (tasks, their actions and
    /// sub-workflows, as `filter` selects), the included tasks counted by
    /// state, and the estimated seconds left.
    pub async fn execution_report(
        &self,
        id: &str,
        filter: TreeFilter,
    ) -> Result<ExecutionReport, ServiceError> {
        let root = self.store.get_execution(id).await?.execution;
        let mut statistics = TaskStatistics::default();
        let root = report_workflow(&self.store, root, filter, 0, &mut statistics).await?;
        let estimated_time = self.estimated_time(&root.execution).await?;
        Ok(ExecutionReport {
            root,
            statistics,
            estimated_time,
        })
    }

    /// Seconds a RUNNING execution still needs, from the last 20 successful
    /// runs of its workflow (Mistral's estimate): -1 without history, at
    /// least 1; 0 when not running.
    async fn estimated_time(&self, exec: &WorkflowExecution) -> Result<i64, ServiceError> {
        if exec.state != State::Running {
            return Ok(0);
        }
        let query = ListQuery {
            filters: vec![
                Filter {
                    column: "e.workflow_id",
                    op: FilterOp::Eq,
                    values: vec![exec.workflow_id.clone()],
                },
                Filter {
                    column: "e.state",
                    op: FilterOp::Eq,
                    values: vec![State::Success.as_str().to_owned()],
                },
            ],
            nulls: vec!["e.task_execution_id"],
            sort: vec![("e.created_at", true)],
            marker: None,
            limit: Some(20),
            // Estimated from its own project's runs only.
            project: Some(exec.project_id.clone()),
        };
        let done = self.store.list_executions(&query).await?;
        let durations: Vec<i64> = done
            .iter()
            .filter_map(|s| {
                s.execution
                    .updated_at
                    .map(|end| end - s.execution.created_at)
            })
            .collect();
        if durations.is_empty() {
            return Ok(-1);
        }
        let average = durations.iter().sum::<i64>() / i64::try_from(durations.len()).unwrap_or(1);
        let elapsed = now_micros() - exec.created_at;
        Ok(((average - elapsed) / 1_000_000).max(1))
    }

    /// An execution and every sub-workflow under it, in pre-order.
    pub async fn sub_executions(
        &self,
        id: &str,
        filter: TreeFilter,
    ) -> Result<Vec<WorkflowExecution>, ServiceError> {
        let root = self.store.get_execution(id).await?.execution;
        let mut out = Vec::new();
        sub_executions(&self.store, root, filter, 0, &mut out).await?;
        Ok(out)
    }

    /// The sub-workflow trees of a task, in pre-order.
    pub async fn task_sub_executions(
        &self,
        task_id: &str,
        filter: TreeFilter,
    ) -> Result<Vec<WorkflowExecution>, ServiceError> {
        let task = self.store.get_task(task_id).await?;
        let mut out = Vec::new();
        task_sub_executions(&self.store, &task, filter, 0, &mut out).await?;
        Ok(out)
    }

    /// The definition an execution runs (its stored spec, not the current
    /// definition) and its task executions.
    pub async fn execution_graph(&self, id: &str) -> Result<ExecutionGraph, ServiceError> {
        let stored = self.store.get_execution(id).await?;
        let spec = self.store.get_spec(&stored.spec_hash).await?;
        let workflow: Workflow = serde_json::from_str(&spec).map_err(|err| {
            ServiceError::Internal(format!("cannot read the spec {}: {err}", stored.spec_hash))
        })?;
        let mut tasks = Vec::new();
        for task in self.store.list_tasks_of(id).await? {
            let children = match task.kind {
                TaskKind::Workflow => self
                    .store
                    .list_children_of(&task.id)
                    .await?
                    .into_iter()
                    .map(|c| c.execution)
                    .collect(),
                _ => Vec::new(),
            };
            tasks.push((task, children));
        }
        Ok(ExecutionGraph {
            execution: stored.execution,
            workflow,
            tasks,
        })
    }
}
