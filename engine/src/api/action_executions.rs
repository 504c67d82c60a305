//! `/v2/action_executions`: list and get action executions, and run an
//! action directly (`POST`), synchronously or stored and run in the
//! background.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bora_core::records::ActionExecution;
use bora_store::queries::action_column;
use serde_json::{Map, Value};

use super::error::ApiError;
use super::wire::{ListParams, PROJECT, json_field, jstr, opt_str, opt_time, reply, time};
use super::{ApiState, JsonObject, Pairs};
use crate::service::ActionRunRequest;

const FIELDS: &[&str] = &[
    "id",
    "workflow_name",
    "workflow_namespace",
    "task_name",
    "task_execution_id",
    "state",
    "state_info",
    "tags",
    "name",
    "description",
    "project_id",
    "accepted",
    "input",
    "output",
    "created_at",
    "updated_at",
    "params",
];

fn output_of(a: &ActionExecution) -> Value {
    match &a.result {
        Some(result) => jstr(&result.to_output()),
        None => Value::Null,
    }
}

pub(super) fn to_wire(a: &ActionExecution, output: bool) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), a.id.clone().into());
    m.insert("workflow_name".into(), opt_str(a.workflow_name.as_deref()));
    m.insert(
        "workflow_namespace".into(),
        a.workflow_namespace.clone().into(),
    );
    m.insert(
        "task_execution_id".into(),
        opt_str(a.task_execution_id.as_deref()),
    );
    m.insert("state".into(), a.state.as_str().into());
    m.insert("state_info".into(), opt_str(a.state_info.as_deref()));
    m.insert("tags".into(), Value::Null);
    m.insert("name".into(), a.name.clone().into());
    m.insert("description".into(), a.description.clone().into());
    m.insert("project_id".into(), PROJECT.into());
    m.insert("accepted".into(), a.accepted.into());
    m.insert("input".into(), jstr(&a.input));
    if output {
        m.insert("output".into(), output_of(a));
    }
    m.insert("created_at".into(), time(a.created_at));
    m.insert("updated_at".into(), opt_time(a.updated_at));
    m
}

pub async fn list(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    list_with(&state, &headers, pairs, None, "action_executions").await
}

/// An action execution list (no `output` unless `include_output`),
/// optionally of one task.
pub(super) async fn list_with(
    state: &ApiState,
    headers: &HeaderMap,
    pairs: Vec<(String, String)>,
    task_id: Option<&str>,
    path: &str,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let parent = task_id.map(|id| ("a.task_execution_id", id));
    let query = params.store_query_under(action_column, parent)?;
    let output = params.flag("include_output");
    let items = state
        .service
        .list_action_executions(&query)
        .await?
        .iter()
        .map(|a| to_wire(a, output))
        .collect();
    Ok(params.reply_page(headers, path, "action_executions", items))
}

pub async fn get_one(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let action = state.service.get_action_execution(&id).await?;
    Ok(params.reply_one(to_wire(&action, true)))
}

pub async fn delete(
    State(state): State<ApiState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    state.service.delete_action_execution(&id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

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
            &Value::Object(to_wire(&record, true)),
        ));
    }
    // Not stored: Mistral answers without id, times or project.
    let mut m = to_wire(&record, true);
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
