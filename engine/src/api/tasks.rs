//! `/v2/tasks`: list and get task executions (with their computed result),
//! and the action and sub-workflow executions of a task.

use super::openapi as doc;
use super::projects::Scope;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Map, Value};

use super::error::ApiError;
use super::records::{TASK_FIELDS, action_to_wire, task_to_wire};
use super::wire::{ListParams, json_field, reply};
use super::{ApiState, JsonObject, Pairs, listing};
use crate::service::TaskDetails;

#[utoipa::path(get, operation_id = "tasks_list", path = "/v2/tasks", tag = "tasks", params(doc::ListQuery), responses((status = 200, description = "OK", body = doc::TaskList), (status = 400, description = "Bad request", body = doc::Fault)))]
pub async fn list(
    State(state): State<ApiState>,
    Scope(scope): Scope,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    listing::list_tasks(&state, &scope, &headers, pairs, None, "tasks").await
}

#[utoipa::path(get, operation_id = "tasks_get_one", path = "/v2/tasks/{id}", tag = "tasks", params(("id" = String, Path), doc::ListQuery), responses((status = 200, description = "OK", body = doc::Task), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn get_one(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", TASK_FIELDS)?;
    let task = state.service.get_task(&id).await?;
    let details = state.service.task_details(task).await?;
    Ok(params.reply_one(details_to_wire(&details)))
}

/// A task as its GET shows it: with its owner's names and its result.
fn details_to_wire(d: &TaskDetails) -> Map<String, Value> {
    task_to_wire(&d.task, &d.owner, Some(&d.result))
}

/// `PUT /v2/tasks/{id}`: `{"state": "RUNNING", "reset": bool, "env": ...}`
/// reruns a failed task, `{"state": "SKIPPED"}` skips it (Mistral's rules
/// and wording; the core's `check_rerun` has the execution-level ones).
#[utoipa::path(put, operation_id = "tasks_update", path = "/v2/tasks/{id}", tag = "tasks", params(("id" = String, Path)), request_body = doc::TaskUpdate, responses((status = 200, description = "OK", body = doc::Task), (status = 400, description = "Bad request", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault)))]
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

#[utoipa::path(get, operation_id = "tasks_action_executions", path = "/v2/tasks/{id}/action_executions", tag = "tasks", params(("id" = String, Path), doc::ListQuery), responses((status = 200, description = "OK", body = doc::ActionExecutionList), (status = 400, description = "Bad request", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn action_executions(
    State(state): State<ApiState>,
    Scope(scope): Scope,
    headers: HeaderMap,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    listing::list_action_executions(
        &state,
        &scope,
        &headers,
        pairs,
        Some(&id),
        &format!("tasks/{id}/action_executions"),
    )
    .await
}

#[utoipa::path(get, operation_id = "tasks_workflow_executions", path = "/v2/tasks/{id}/workflow_executions", tag = "tasks", params(("id" = String, Path), doc::ListQuery), responses((status = 200, description = "OK", body = doc::ExecutionList), (status = 400, description = "Bad request", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn workflow_executions(
    State(state): State<ApiState>,
    Scope(scope): Scope,
    headers: HeaderMap,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    listing::list_executions(
        &state,
        &scope,
        &headers,
        pairs,
        Some(&id),
        &format!("tasks/{id}/workflow_executions"),
    )
    .await
}

/// `GET /v2/tasks/{id}/action_executions/{action_id}`: one action of a task.
#[utoipa::path(get, operation_id = "tasks_action_execution", path = "/v2/tasks/{id}/action_executions/{action_id}", tag = "tasks", params(("id" = String, Path), ("action_id" = String, Path)), responses((status = 200, description = "OK", body = doc::ActionExecution), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn action_execution(
    State(state): State<ApiState>,
    Path((id, action_id)): Path<(String, String)>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse(pairs, "created_at")?;
    let action = state.service.task_action(&id, &action_id).await?;
    Ok(params.reply_one(action_to_wire(&action, true)))
}
