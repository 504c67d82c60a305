//! `GET /v2/executions/{id}/graph` (Bora extension): the task graph of the
//! definition an execution runs (its stored spec, not the current
//! definition) and where each of its task executions stands, for drawing the
//! execution (the dashboard) and for scripts.
//!
//! `tasks` are the effective tasks (task-defaults applied) in declaration
//! order; `transitions` are the edges, `on` being `on-success`, `on-error`,
//! `on-complete`, `on-skip` or, in a reverse workflow, `requires`; a transition
//! `to` an engine command (`fail`, `succeed`, `pause`, `noop`) has
//! `command: true`. `task_executions` carry exact times (RFC 3339 with
//! microseconds, where the Mistral fields are whole seconds), with-items
//! progress, the retry number, the transitions taken (`next`, with the same
//! `on` names) and the ids and states of
//! sub-workflow executions.

use super::openapi as doc;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use bora_core::records::{TaskExecution, WorkflowExecution};
use bora_lang::{OnClause, Task, TaskKind, Workflow, WorkflowType};
use serde_json::{Map, Value, json};

use super::ApiState;
use super::error::ApiError;
use super::wire::reply;

/// An exact time: RFC 3339 in UTC with microseconds.
fn exact(micros: Option<i64>) -> Value {
    micros
        .and_then(chrono::DateTime::from_timestamp_micros)
        .map(|t| Value::String(t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()))
        .unwrap_or(Value::Null)
}

fn task_node(task: &Task) -> Value {
    let (action, workflow) = match &task.kind {
        TaskKind::Action(name) => (Value::from(name.clone()), Value::Null),
        TaskKind::Workflow(name) => (Value::Null, Value::from(name.clone())),
    };
    let join = match task.join {
        None => Value::Null,
        Some(bora_lang::Join::All) => "all".into(),
        Some(bora_lang::Join::Count(n)) => n.into(),
    };
    json!({
        "name": task.name,
        "action": action,
        "workflow": workflow,
        "with_items": !task.with_items.is_empty(),
        "join": join,
    })
}

fn transitions(workflow: &Workflow, tasks: &[Task]) -> Vec<Value> {
    let mut out = Vec::new();
    for task in tasks {
        if workflow.wf_type == WorkflowType::Reverse {
            for required in &task.requires {
                out.push(json!({"from": required, "to": task.name, "on": "requires",
                    "condition": null, "command": false}));
            }
            continue;
        }
        let clauses: [(&str, &Option<OnClause>); 4] = [
            ("on-success", &task.on_success),
            ("on-error", &task.on_error),
            ("on-complete", &task.on_complete),
            ("on-skip", &task.on_skip),
        ];
        for (on, clause) in clauses {
            for tr in clause.iter().flat_map(|c| &c.next) {
                out.push(json!({
                    "from": task.name,
                    "to": tr.name,
                    "on": on,
                    "condition": tr.condition,
                    "command": tr.command().is_some(),
                }));
            }
        }
    }
    out
}

/// `count`, `succeeded`, `failed`, `cancelled` of a with-items task.
fn items(task: &TaskExecution) -> Value {
    let Some(wi) = &task.runtime_context.with_items else {
        return Value::Null;
    };
    json!({
        "count": wi.count,
        "succeeded": wi.succeeded(),
        "failed": wi.failed(),
        "cancelled": wi.cancelled(),
    })
}

fn task_execution(task: &TaskExecution, children: &[WorkflowExecution]) -> Value {
    let children: Vec<Value> = children
        .iter()
        .map(|c| json!({"id": c.id, "state": c.state.as_str()}))
        .collect();
    let retry_no = Value::from(task.runtime_context.retry_no());
    let next: Vec<Value> = task
        .next_tasks
        .iter()
        .map(|(to, on)| json!({"to": to, "on": on}))
        .collect();
    let mut m = Map::new();
    m.insert("id".into(), task.id.clone().into());
    m.insert("name".into(), task.name.clone().into());
    m.insert("state".into(), task.state.as_str().into());
    m.insert("created_at".into(), exact(Some(task.created_at)));
    m.insert("started_at".into(), exact(task.started_at));
    m.insert("finished_at".into(), exact(task.finished_at));
    m.insert("items".into(), items(task));
    m.insert("retry_no".into(), retry_no);
    m.insert("next".into(), Value::Array(next));
    m.insert("sub_executions".into(), Value::Array(children));
    Value::Object(m)
}

/// `GET /v2/executions/{id}/graph`.
#[utoipa::path(get, operation_id = "graph_get", path = "/v2/executions/{id}/graph", tag = "executions", params(("id" = String, Path)), responses((status = 200, description = "The task graph and task executions", body = serde_json::Value), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn get(
    State(state): State<ApiState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let graph = state.service.execution_graph(&id).await?;
    let workflow = &graph.workflow;
    let tasks = workflow.effective_tasks();
    let runs: Vec<Value> = graph
        .tasks
        .iter()
        .map(|(task, children)| task_execution(task, children))
        .collect();
    let exec = &graph.execution;
    let body = json!({
        "execution_id": exec.id,
        "workflow_name": exec.workflow_name,
        "type": match workflow.wf_type {
            WorkflowType::Direct => "direct",
            WorkflowType::Reverse => "reverse",
        },
        "state": exec.state.as_str(),
        "created_at": exact(Some(exec.created_at)),
        "updated_at": exact(exec.updated_at),
        "tasks": tasks.iter().map(task_node).collect::<Vec<_>>(),
        "transitions": transitions(workflow, &tasks),
        "task_executions": runs,
    });
    Ok(reply(StatusCode::OK, &body))
}
