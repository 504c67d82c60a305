//! `/v2/cron_triggers`: start a workflow on a cron pattern and/or at a first
//! time. The node's cron loop ([`crate::cron`]) fires them.

use super::openapi as doc;
use super::projects::Scope;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bora_store::CronTriggerRecord;
use serde_json::{Map, Value};

use super::error::ApiError;
use super::wire::{
    ListParams, check_scope, json_field, jstr_map, opt_str, opt_time, reply, text_field, time,
};
use super::{ApiState, JsonObject, Pairs};
use crate::service::CronTriggerRequest;

const FIELDS: &[&str] = &[
    "id",
    "name",
    "workflow_name",
    "workflow_id",
    "workflow_input",
    "workflow_params",
    "project_id",
    "scope",
    "pattern",
    "remaining_executions",
    "first_execution_time",
    "next_execution_time",
    "created_at",
    "updated_at",
];

fn to_wire(t: &CronTriggerRecord) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), t.id.clone().into());
    m.insert("name".into(), t.name.clone().into());
    m.insert("workflow_name".into(), t.workflow_name.clone().into());
    m.insert("workflow_id".into(), t.workflow_id.clone().into());
    m.insert("workflow_input".into(), jstr_map(&t.workflow_input));
    m.insert("workflow_params".into(), jstr_map(&t.workflow_params));
    m.insert("project_id".into(), t.project_id.clone().into());
    m.insert("scope".into(), t.scope.clone().into());
    m.insert("pattern".into(), opt_str(t.pattern.as_deref()));
    m.insert(
        "remaining_executions".into(),
        t.remaining_executions
            .map(Value::from)
            .unwrap_or(Value::Null),
    );
    m.insert(
        "first_execution_time".into(),
        opt_time(t.first_execution_time),
    );
    m.insert("next_execution_time".into(), time(t.next_execution_time));
    m.insert("created_at".into(), time(t.created_at));
    m.insert("updated_at".into(), opt_time(t.updated_at));
    m
}

#[utoipa::path(post, operation_id = "cron_triggers_create", path = "/v2/cron_triggers", tag = "cron_triggers", request_body = doc::CronTrigger, responses((status = 201, description = "Stored", body = doc::CronTrigger), (status = 400, description = "Bad request", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault), (status = 409, description = "Name taken", body = doc::Fault)))]
pub async fn create(
    State(state): State<ApiState>,
    JsonObject(body): JsonObject,
) -> Result<Response, ApiError> {
    let Some(name) = text_field(&body, "name")?.filter(|n| !n.is_empty()) else {
        return Err(ApiError::bad_request(
            "Name of the cron trigger is not provided.",
        ));
    };
    let workflow = text_field(&body, "workflow_id")?
        .filter(|s| !s.is_empty())
        .or(text_field(&body, "workflow_name")?.filter(|s| !s.is_empty()));
    let Some(workflow) = workflow else {
        return Err(ApiError::bad_request(
            "Workflow ID or workflow name must be provided.",
        ));
    };
    let params = json_field(body.get("workflow_params"))?;
    let namespace = match text_field(&body, "workflow_namespace")? {
        Some(ns) => ns,
        None => params
            .get("namespace")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
    };
    let remaining = match body.get("remaining_executions") {
        None | Some(Value::Null) => None,
        Some(value) => Some(value.as_i64().ok_or_else(|| {
            ApiError::bad_request(format!(
                "Invalid input for field/attribute remaining_executions. Value: '{value}'. \
                 Wrong type. Expected 'int', got '{}'",
                match value {
                    Value::String(_) => "str",
                    Value::Bool(_) => "bool",
                    Value::Number(_) => "float",
                    Value::Array(_) => "list",
                    _ => "dict",
                }
            ))
        })?),
    };
    let scope = text_field(&body, "scope")?.unwrap_or_else(|| "private".to_owned());
    check_scope(&scope)?;
    let record = state
        .service
        .create_cron_trigger(CronTriggerRequest {
            name,
            workflow,
            namespace,
            input: json_field(body.get("workflow_input"))?,
            params,
            pattern: text_field(&body, "pattern")?.filter(|p| !p.is_empty()),
            first_execution_time: text_field(&body, "first_execution_time")?
                .filter(|t| !t.is_empty()),
            remaining_executions: remaining,
            scope,
        })
        .await?;
    // A new record has no update time yet; Mistral leaves the key out.
    let mut m = to_wire(&record);
    m.remove("updated_at");
    Ok(reply(StatusCode::CREATED, &Value::Object(m)))
}

#[utoipa::path(get, operation_id = "cron_triggers_list", path = "/v2/cron_triggers", tag = "cron_triggers", params(doc::ListQuery), responses((status = 200, description = "OK", body = doc::CronTriggerList), (status = 400, description = "Bad request", body = doc::Fault)))]
pub async fn list(
    State(state): State<ApiState>,
    Scope(scope): Scope,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let all: Vec<Map<String, Value>> = state
        .service
        .list_cron_triggers()
        .await?
        .iter()
        .filter(|d| scope.sees_definition(&d.project_id, &d.scope))
        .map(to_wire)
        .collect();
    // Every field but `id` filters and sorts.
    let page = params.page_in_memory(all, &FIELDS[1..], "id")?;
    Ok(params.reply_page(&headers, "cron_triggers", "cron_triggers", page))
}

#[utoipa::path(get, operation_id = "cron_triggers_get_one", path = "/v2/cron_triggers/{name}", tag = "cron_triggers", params(("name" = String, Path), doc::ListQuery), responses((status = 200, description = "OK", body = doc::CronTrigger), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn get_one(
    State(state): State<ApiState>,
    Scope(caller): Scope,
    Path(name): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let trigger = state.service.get_cron_trigger(&name, &caller).await?;
    Ok(params.reply_one(to_wire(&trigger)))
}

#[utoipa::path(delete, operation_id = "cron_triggers_delete", path = "/v2/cron_triggers/{name}", tag = "cron_triggers", params(("name" = String, Path)), responses((status = 204, description = "Deleted"), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn delete(
    State(state): State<ApiState>,
    Scope(caller): Scope,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    state.service.delete_cron_trigger(&name, &caller).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
