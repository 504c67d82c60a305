//! `/v2/environments`: named variable sets that executions take as `env`
//! (`params.env` given as the environment's name). Bora also takes
//! `secrets`, variables sealed at rest and shown as `***` (see
//! [`crate::secrets`]).

use super::openapi as doc;
use super::projects::Scope;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bora_store::EnvironmentRecord;
use serde_json::{Map, Value};

use super::error::ApiError;
use super::wire::{
    ListParams, check_scope, json_field, jstr_map, opt_str, opt_time, reply, text_field, time,
};
use super::{ApiState, JsonObject, Pairs};

const FIELDS: &[&str] = &[
    "id",
    "name",
    "description",
    "variables",
    "scope",
    "project_id",
    "created_at",
    "updated_at",
];

fn to_wire(e: &EnvironmentRecord) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), e.id.clone().into());
    m.insert("name".into(), e.name.clone().into());
    m.insert("description".into(), opt_str(e.description.as_deref()));
    m.insert("variables".into(), jstr_map(&e.variables));
    m.insert("scope".into(), e.scope.clone().into());
    m.insert("project_id".into(), e.project_id.clone().into());
    m.insert("created_at".into(), time(e.created_at));
    m.insert("updated_at".into(), opt_time(e.updated_at));
    m
}

/// Mistral refuses definition keys it does not know, listing the allowed
/// ones as a Python list.
/// Bora's own `secrets` is taken too, but not listed (the words stay
/// Mistral's).
fn check_keys(body: &Map<String, Value>, allowed: &[&str]) -> Result<(), ApiError> {
    if body
        .keys()
        .all(|k| k == "secrets" || allowed.contains(&k.as_str()))
    {
        return Ok(());
    }
    let list: Vec<String> = allowed.iter().map(|k| format!("'{k}'")).collect();
    Err(ApiError::bad_request(format!(
        "Please, check your environment definition. Only: [{}] are allowed as definition keys.",
        list.join(", ")
    )))
}

fn scope_field(body: &Map<String, Value>) -> Result<Option<String>, ApiError> {
    let scope = text_field(body, "scope")?;
    if let Some(scope) = &scope {
        check_scope(scope)?;
    }
    Ok(scope)
}

#[utoipa::path(post, operation_id = "environments_create", path = "/v2/environments", tag = "environments", request_body = doc::Environment, responses((status = 201, description = "Stored", body = doc::Environment), (status = 400, description = "Bad request", body = doc::Fault), (status = 409, description = "Name taken", body = doc::Fault)))]
pub async fn create(
    State(state): State<ApiState>,
    JsonObject(body): JsonObject,
) -> Result<Response, ApiError> {
    check_keys(&body, &["name", "description", "variables"])?;
    let Some(name) = text_field(&body, "name")?.filter(|n| !n.is_empty()) else {
        return Err(ApiError::bad_request(
            "Name of the environment is not provided.",
        ));
    };
    let variables = json_field(body.get("variables"))?;
    let secrets = json_field(body.get("secrets"))?;
    let record = state
        .service
        .create_environment(
            &name,
            text_field(&body, "description")?,
            variables,
            &secrets,
            "private",
        )
        .await?;
    // A new record has no update time yet; Mistral leaves the key out.
    let mut m = to_wire(&record);
    m.remove("updated_at");
    Ok(reply(StatusCode::CREATED, &Value::Object(m)))
}

#[utoipa::path(put, operation_id = "environments_update", path = "/v2/environments", tag = "environments", request_body = doc::Environment, responses((status = 200, description = "OK", body = doc::Environment), (status = 400, description = "Bad request", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn update(
    State(state): State<ApiState>,
    Scope(caller): Scope,
    JsonObject(mut body): JsonObject,
) -> Result<Response, ApiError> {
    let Some(name) = text_field(&body, "name")?.filter(|n| !n.is_empty()) else {
        return Err(ApiError::bad_request(
            "Name of the environment is not provided.",
        ));
    };
    body.remove("name");
    check_keys(&body, &["description", "variables", "scope"])?;
    let variables = match body.get("variables") {
        None => None,
        value => Some(json_field(value)?),
    };
    let secrets = json_field(body.get("secrets"))?;
    let record = state
        .service
        .update_environment(
            &name,
            text_field(&body, "description")?.as_deref(),
            variables,
            &secrets,
            scope_field(&body)?.as_deref(),
            &caller,
        )
        .await?;
    Ok(reply(StatusCode::OK, &Value::Object(to_wire(&record))))
}

#[utoipa::path(get, operation_id = "environments_list", path = "/v2/environments", tag = "environments", params(doc::ListQuery), responses((status = 200, description = "OK", body = doc::EnvironmentList), (status = 400, description = "Bad request", body = doc::Fault)))]
pub async fn list(
    State(state): State<ApiState>,
    Scope(scope): Scope,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let all: Vec<Map<String, Value>> = state
        .service
        .list_environments()
        .await?
        .iter()
        .filter(|d| scope.sees_definition(&d.project_id, &d.scope))
        .map(to_wire)
        .collect();
    // Every field but `id` filters and sorts.
    let page = params.page_in_memory(all, &FIELDS[1..], "id")?;
    Ok(params.reply_page(&headers, "environments", "environments", page))
}

#[utoipa::path(get, operation_id = "environments_get_one", path = "/v2/environments/{name}", tag = "environments", params(("name" = String, Path), doc::ListQuery), responses((status = 200, description = "OK", body = doc::Environment), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn get_one(
    State(state): State<ApiState>,
    Scope(caller): Scope,
    Path(name): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let env = state.service.get_environment(&name, &caller).await?;
    Ok(params.reply_one(to_wire(&env)))
}

#[utoipa::path(delete, operation_id = "environments_delete", path = "/v2/environments/{name}", tag = "environments", params(("name" = String, Path)), responses((status = 204, description = "Deleted"), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn delete(
    State(state): State<ApiState>,
    Scope(caller): Scope,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    state.service.delete_environment(&name, &caller).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
