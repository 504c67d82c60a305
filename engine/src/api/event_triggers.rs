//! `/v2/event_triggers` (Mistral's CRUD) and the webhook that feeds them,
//! `POST /v2/events/{exchange}/{topic}` (Bora's stand-in for Mistral's
//! message bus listener).
//!
//! The webhook takes a JSON object (the event; its `event_type` picks the
//! triggers of that type) and the token of the trigger to fire, shown once
//! in the answer to the trigger's creation, in `X-Event-Token` or
//! `Authorization: Bearer <token>`. 201 with the started execution; 200
//! with no execution when the event is of another type than the
//! trigger's; 401 without a token; 403 when the token is not that of a
//! trigger of this exchange and topic.

use super::openapi as doc;
use super::projects::Scope;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bora_store::{EventTriggerRecord, EventTriggerUpdate};
use serde_json::{Map, Value, json};

use super::error::ApiError;
use super::wire::{
    ListParams, check_scope, json_field, jstr_map, opt_time, reply, text_field, time,
};
use super::{ApiState, JsonObject, Pairs};
use crate::service::{EventOutcome, EventTriggerRequest};

const FIELDS: &[&str] = &[
    "id",
    "name",
    "workflow_id",
    "workflow_input",
    "workflow_params",
    "exchange",
    "topic",
    "event",
    "scope",
    "project_id",
    "created_at",
    "updated_at",
];

fn to_wire(t: &EventTriggerRecord) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), t.id.clone().into());
    m.insert("name".into(), t.name.clone().into());
    m.insert("workflow_id".into(), t.workflow_id.clone().into());
    m.insert("workflow_input".into(), jstr_map(&t.workflow_input));
    m.insert("workflow_params".into(), jstr_map(&t.workflow_params));
    m.insert("exchange".into(), t.exchange.clone().into());
    m.insert("topic".into(), t.topic.clone().into());
    m.insert("event".into(), t.event.clone().into());
    m.insert("scope".into(), t.scope.clone().into());
    m.insert("project_id".into(), t.project_id.clone().into());
    m.insert("created_at".into(), time(t.created_at));
    m.insert("updated_at".into(), opt_time(t.updated_at));
    m
}

fn required_text(body: &Map<String, Value>, key: &str) -> Result<String, ApiError> {
    Ok(text_field(body, key)?.unwrap_or_default())
}

#[utoipa::path(post, operation_id = "event_triggers_create", path = "/v2/event_triggers", tag = "event_triggers", request_body = doc::EventTrigger, responses((status = 201, description = "Stored; `token` is shown this once", body = doc::EventTrigger), (status = 400, description = "Bad request", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault), (status = 409, description = "Name taken", body = doc::Fault)))]
pub async fn create(
    State(state): State<ApiState>,
    JsonObject(body): JsonObject,
) -> Result<Response, ApiError> {
    let workflow = text_field(&body, "workflow_id")?
        .filter(|s| !s.is_empty())
        .or(text_field(&body, "workflow_name")?.filter(|s| !s.is_empty()))
        .unwrap_or_default();
    let params = json_field(body.get("workflow_params"))?;
    let namespace = match text_field(&body, "workflow_namespace")? {
        Some(ns) => ns,
        None => params
            .get("namespace")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
    };
    let scope = text_field(&body, "scope")?.unwrap_or_else(|| "private".to_owned());
    check_scope(&scope)?;
    let created = state
        .service
        .create_event_trigger(EventTriggerRequest {
            name: required_text(&body, "name")?,
            workflow,
            namespace,
            input: json_field(body.get("workflow_input"))?,
            params,
            exchange: required_text(&body, "exchange")?,
            topic: required_text(&body, "topic")?,
            event: required_text(&body, "event")?,
            scope,
        })
        .await?;
    let mut m = to_wire(&created.record);
    m.remove("updated_at");
    // Shown once: the store keeps only its digest.
    m.insert("token".into(), created.token.into());
    Ok(reply(StatusCode::CREATED, &Value::Object(m)))
}

#[utoipa::path(get, operation_id = "event_triggers_list", path = "/v2/event_triggers", tag = "event_triggers", params(doc::ListQuery), responses((status = 200, description = "OK", body = doc::EventTriggerList), (status = 400, description = "Bad request", body = doc::Fault)))]
pub async fn list(
    State(state): State<ApiState>,
    Scope(scope): Scope,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let all: Vec<Map<String, Value>> = state
        .service
        .list_event_triggers()
        .await?
        .iter()
        .filter(|d| scope.sees_definition(&d.project_id, &d.scope))
        .map(to_wire)
        .collect();
    // Every field but `id` filters and sorts.
    let page = params.page_in_memory(all, &FIELDS[1..], "id")?;
    Ok(params.reply_page(&headers, "event_triggers", "event_triggers", page))
}

#[utoipa::path(get, operation_id = "event_triggers_get_one", path = "/v2/event_triggers/{id}", tag = "event_triggers", params(("id" = String, Path), doc::ListQuery), responses((status = 200, description = "OK", body = doc::EventTrigger), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn get_one(
    State(state): State<ApiState>,
    Scope(caller): Scope,
    Path(key): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let trigger = state.service.get_event_trigger(&key, &caller).await?;
    Ok(params.reply_one(to_wire(&trigger)))
}

/// `PUT /v2/event_triggers/{id}`: name, `workflow_input`,
/// `workflow_params` and scope change; exchange, topic and event do not.
#[utoipa::path(put, operation_id = "event_triggers_update", path = "/v2/event_triggers/{id}", tag = "event_triggers", params(("id" = String, Path)), request_body = doc::EventTrigger, responses((status = 200, description = "OK", body = doc::EventTrigger), (status = 400, description = "Bad request", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault), (status = 409, description = "Name taken", body = doc::Fault)))]
pub async fn update(
    State(state): State<ApiState>,
    Scope(caller): Scope,
    Path(key): Path<String>,
    JsonObject(body): JsonObject,
) -> Result<Response, ApiError> {
    let fixed: Vec<&str> = ["exchange", "topic", "event", "workflow_id"]
        .into_iter()
        .filter(|k| body.contains_key(*k))
        .collect();
    if !fixed.is_empty() {
        let names: Vec<String> = fixed.iter().map(|k| format!("'{k}'")).collect();
        return Err(ApiError::bad_request(format!(
            "Can not update fields [{}] of event trigger.",
            names.join(", ")
        )));
    }
    let scope = text_field(&body, "scope")?;
    if let Some(scope) = &scope {
        check_scope(scope)?;
    }
    let update = EventTriggerUpdate {
        name: text_field(&body, "name")?.filter(|n| !n.is_empty()),
        workflow_input: match body.get("workflow_input") {
            None => None,
            some => Some(json_field(some)?),
        },
        workflow_params: match body.get("workflow_params") {
            None => None,
            some => Some(json_field(some)?),
        },
        scope,
    };
    let trigger = state
        .service
        .update_event_trigger(&key, update, &caller)
        .await?;
    Ok(reply(StatusCode::OK, &Value::Object(to_wire(&trigger))))
}

#[utoipa::path(delete, operation_id = "event_triggers_delete", path = "/v2/event_triggers/{id}", tag = "event_triggers", params(("id" = String, Path)), responses((status = 204, description = "Deleted"), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn delete(
    State(state): State<ApiState>,
    Scope(caller): Scope,
    Path(key): Path<String>,
) -> Result<Response, ApiError> {
    state.service.delete_event_trigger(&key, &caller).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The token an event carries: `X-Event-Token`, or a bearer token.
fn token_of(headers: &HeaderMap) -> Option<String> {
    if let Some(token) = headers.get("x-event-token").and_then(|v| v.to_str().ok()) {
        return Some(token.trim().to_owned());
    }
    let auth = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, token) = auth.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

/// `POST /v2/events/{exchange}/{topic}`: an event for the triggers.
#[utoipa::path(post, operation_id = "event_triggers_post_event", path = "/v2/events/{exchange}/{topic}", tag = "event_triggers", params(("exchange" = String, Path), ("topic" = String, Path), ("X-Event-Token" = Option<String>, Header, description = "The trigger's token (or Authorization: Bearer)")), request_body(content = serde_json::Value, description = "The event: a JSON object whose event_type selects the trigger"), responses((status = 201, description = "The workflow was started", body = doc::EventDelivery), (status = 200, description = "The event is of another type than the trigger's", body = doc::EventDelivery), (status = 400, description = "Bad request", body = doc::Fault), (status = 401, description = "No token", body = doc::Fault), (status = 403, description = "Not the token of a trigger of this exchange and topic", body = doc::Fault)))]
pub async fn post_event(
    State(state): State<ApiState>,
    Path((exchange, topic)): Path<(String, String)>,
    headers: HeaderMap,
    JsonObject(event): JsonObject,
) -> Result<Response, ApiError> {
    let Some(token) = token_of(&headers).filter(|t| !t.is_empty()) else {
        return Err(ApiError::client(
            StatusCode::UNAUTHORIZED,
            "An event needs the token of its trigger: send it in the X-Event-Token header \
             or as Authorization: Bearer <token>",
        ));
    };
    let outcome = state
        .service
        .deliver_event(&exchange, &topic, &token, event)
        .await?;
    Ok(match outcome {
        EventOutcome::Started { trigger, execution } => {
            let e = &execution.execution;
            reply(
                StatusCode::CREATED,
                &json!({
                    "event_trigger_id": trigger.id,
                    "executions": [{
                        "id": e.id,
                        "workflow_name": e.workflow_name,
                        "state": e.state.as_str(),
                    }],
                }),
            )
        }
        EventOutcome::Ignored {
            trigger,
            event_type,
        } => reply(
            StatusCode::OK,
            &json!({
                "event_trigger_id": trigger.id,
                "executions": [],
                "message": format!(
                    "The trigger fires on events of type '{}', not '{event_type}'",
                    trigger.event
                ),
            }),
        ),
    })
}
