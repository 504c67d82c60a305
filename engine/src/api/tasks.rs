//! `/v2/tasks`: list and get task executions (with their computed result),
//! and the action and sub-workflow executions of a task.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use bora_core::records::TaskExecution;
use bora_store::queries::{TaskOwner, task_column};
use serde_json::{Map, Value};

use super::error::ApiError;
use super::wire::{ListParams, PROJECT, json_field, jstr, opt_str, opt_time, reply, time};
use super::{ApiState, JsonObject, Pairs, action_executions, executions};
use crate::service::TaskDetails;

const FIELDS: &[&str] = &[
    "id",
    "name",
    "type",
    "workflow_name",
    "workflow_namespace",
    "workflow_id",
    "workflow_execution_id",
    "tags",
    "state",
    "state_info",
    "project_id",
    "runtime_context",
    "result",
    "published",
    "published_global",
    "processed",
    "created_at",
    "updated_at",
    "started_at",
    "finished_at",
];

fn to_wire(t: &TaskExecution, owner: &TaskOwner, result: Option<&Value>) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), t.id.clone().into());
    m.insert("name".into(), t.name.clone().into());
    m.insert("type".into(), t.kind.as_str().into());
    m.insert("workflow_name".into(), owner.workflow_name.clone().into());
    m.insert(
        "workflow_namespace".into(),
        owner.workflow_namespace.clone().into(),
    );
    m.insert("workflow_id".into(), owner.workflow_id.clone().into());
    m.insert(
        "workflow_execution_id".into(),
        t.workflow_execution_id.clone().into(),
    );
    m.insert("tags".into(), t.tags.clone().into());
    m.insert("state".into(), t.state.as_str().into());
    m.insert("state_info".into(), opt_str(t.state_info.as_deref()));
    m.insert("project_id".into(), PROJECT.into());
    m.insert("runtime_context".into(), jstr(&t.runtime_context));
    if let Some(result) = result {
        m.insert("result".into(), jstr(result));
    }
    m.insert("published".into(), jstr(&t.published_value()));
    m.insert("processed".into(), t.processed.into());
    m.insert("created_at".into(), time(t.created_at));
    m.insert("updated_at".into(), opt_time(t.updated_at));
    m.insert("started_at".into(), opt_time(t.started_at));
    m.insert("finished_at".into(), opt_time(t.finished_at));
    m
}

pub async fn list(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    list_with(&state, &headers, pairs, None, "tasks").await
}

/// A task list (no `result`), optionally of one workflow execution.
pub(super) async fn list_with(
    state: &ApiState,
    headers: &HeaderMap,
    pairs: Vec<(String, String)>,
    execution_id: Option<&str>,
    path: &str,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let parent = execution_id.map(|id| ("t.workflow_execution_id", id));
    let query = params.store_query_under(task_column, parent)?;
    let items = state
        .service
        .list_tasks(&query)
        .await?
        .iter()
        .map(|(t, owner)| to_wire(t, owner, None))
        .collect();
    Ok(params.reply_page(headers, path, "tasks", items))
}

pub async fn get_one(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let task = state.service.get_task(&id).await?;
    let details = state.service.task_details(task).await?;
    Ok(params.reply_one(details_to_wire(&details)))
}

/// A task as its GET shows it: with its owner's names and its result.
fn details_to_wire(d: &TaskDetails) -> Map<String, Value> {
    to_wire(&d.task, &d.owner, Some(&d.result))
}

/// `PUT /v2/tasks/{id}`: `{"state": "RUNNING", "reset": bool, "env": ...}`
/// reruns a failed task, `{"state": "SKIPPED"}` skips it (Mistral's rules
/// and wording; the core's `check_rerun` has the execution-level ones).
pub async fn update(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    JsonObject(body): JsonObject,
) -> Result<Response, ApiError> {
    let text = |key: &str| {
        body.get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    };
    state
        .service
        .check_task_names(&id, text("name"), text("workflow_name"))
        .await?;
    let skip = match text("state") {
        Some("RUNNING") => false,
        Some("SKIPPED") => true,
        _ => {
            return Err(ApiError::bad_request(
                "Invalid task state. Only updating task to RUNNING or SKIPPED is supported.",
            ));
        }
    };
    let reset = match body.get("reset") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(Value::String(s)) => Some(super::wire::truthy(s)),
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "Invalid input for field/attribute reset. Value: '{other}'. \
                 Wrong type. Expected 'bool'"
            )));
        }
    };
    let env = match body.get("env") {
        None | Some(Value::Null) => None,
        value => Some(json_field(value)?).filter(|e| !e.is_empty()),
    };
    let task = state.service.update_task(&id, skip, reset, env).await?;
    let details = state.service.task_details(task).await?;
    Ok(reply(
        StatusCode::OK,
        &Value::Object(details_to_wire(&details)),
    ))
}

pub async fn action_executions(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    action_executions::list_with(
        &state,
        &headers,
        pairs,
        Some(&id),
        &format!("tasks/{id}/action_executions"),
    )
    .await
}

pub async fn workflow_executions(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    executions::list_with(
        &state,
        &headers,
        pairs,
        Some(&id),
        &format!("tasks/{id}/workflow_executions"),
    )
    .await
}

/// `GET /v2/tasks/{id}/action_executions/{action_id}`: one action of a task.
pub async fn action_execution(
    State(state): State<ApiState>,
    Path((id, action_id)): Path<(String, String)>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse(pairs, "created_at")?;
    let action = state.service.task_action(&id, &action_id).await?;
    Ok(params.reply_one(action_executions::to_wire(&action, true)))
}
