//! `/v2/action_executions`: list and get action executions, and run an
//! action directly (`POST`), synchronously or stored and run in the
//! background.

use super::openapi as doc;
use super::projects::Scope;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};

use super::error::ApiError;
use super::records::{ACTION_FIELDS, action_to_wire};
use super::wire::{ListParams, json_field, opt_str, reply};
use super::{ApiState, JsonObject, Pairs, listing};
use crate::service::ActionRunRequest;

#[utoipa::path(get, operation_id = "action_executions_list", path = "/v2/action_executions", tag = "action_executions", params(doc::ListQuery), responses((status = 200, description = "OK", body = doc::ActionExecutionList), (status = 400, description = "Bad request", body = doc::Fault)))]
pub async fn list(
    State(state): State<ApiState>,
    Scope(scope): Scope,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    listing::list_action_executions(&state, &scope, &headers, pairs, None, "action_executions")
        .await
}

#[utoipa::path(get, operation_id = "action_executions_get_one", path = "/v2/action_executions/{id}", tag = "action_executions", params(("id" = String, Path), doc::ListQuery), responses((status = 200, description = "OK", body = doc::ActionExecution), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn get_one(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", ACTION_FIELDS)?;
    let action = state.service.get_action_execution(&id).await?;
    Ok(params.reply_one(action_to_wire(&action, true)))
}

#[utoipa::path(delete, operation_id = "action_executions_delete", path = "/v2/action_executions/{id}", tag = "action_executions", params(("id" = String, Path)), responses((status = 204, description = "Deleted"), (status = 403, description = "Not deletable", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn delete(
    State(state): State<ApiState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    state.service.delete_action_execution(&id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(post, operation_id = "action_executions_create", path = "/v2/action_executions", tag = "action_executions", request_body = doc::ActionRun, responses((status = 201, description = "Run or started", body = doc::ActionExecution), (status = 400, description = "Bad request", body = doc::Fault)))]
pub async fn create(
    State(state): State<ApiState>,
    JsonObject(body): JsonObject,
) -> Result<Response, ApiError> {
    let name = match body.get("name") {
        Some(Value::String(n)) if !n.is_empty() => n.clone(),
        _ => {
            return Err(ApiError::bad_request(
                "Please provide at least action name to run action.",
            ));
        }
    };
    let input = json_field(body.get("input"))?;
    let params = json_field(body.get("params"))?;
    let description = match body.get("description") {
        Some(Value::String(d)) => Some(d.clone()),
        _ => None,
    };
    let namespace = match body.get("workflow_namespace") {
        Some(Value::String(n)) => n.clone(),
        _ => String::new(),
    };
    let env = params
        .get("env")
        .cloned()
        .unwrap_or(Value::Object(Map::new()));
    let flag = |key: &str| match params.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => super::wire::truthy(s),
        _ => false,
    };
    let request = ActionRunRequest {
        name,
        namespace,
        input,
        description: description.clone(),
        env,
        run_sync: flag("run_sync"),
        save_result: flag("save_result"),
        timeout: params.get("timeout").and_then(Value::as_u64),
        params,
    };
    let run = state.service.run_action(request).await?;
    let record = run.action;
    if run.stored {
        return Ok(reply(
            StatusCode::CREATED,
            &Value::Object(action_to_wire(&record, true)),
        ));
    }
    // Not stored: Mistral answers without id, times or project.
    let mut m = action_to_wire(&record, true);
    for key in ["id", "project_id", "accepted", "created_at", "updated_at"] {
        m.insert(key.into(), Value::Null);
    }
    m.insert(
        "workflow_namespace".into(),
        record.workflow_namespace.clone().into(),
    );
    m.insert("description".into(), opt_str(description.as_deref()));
    Ok(reply(StatusCode::CREATED, &Value::Object(m)))
}
