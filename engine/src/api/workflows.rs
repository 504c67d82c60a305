//! `/v2/workflows`: upload (YAML text), update, list, get and delete
//! workflow definitions.

use super::openapi as doc;
use super::projects::Scope;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bora_store::WorkflowDefinition;
use serde_json::{Map, Value};

use super::error::ApiError;
use super::wire::{ListParams, TextUpload, jstr, namespace_of, opt_time, text_reply, time};
use super::{ApiState, Pairs};

const FIELDS: &[&str] = &[
    "id",
    "name",
    "namespace",
    "input",
    "interface",
    "definition",
    "checksum",
    "tags",
    "scope",
    "project_id",
    "created_at",
    "updated_at",
];

/// How `interface` is shown: an object in POST/PUT answers, a JSON string in
/// GET answers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Upload,
    Get,
}

fn to_wire(def: &WorkflowDefinition, shape: Shape) -> Map<String, Value> {
    let interface: Value =
        serde_json::from_str(&def.interface).unwrap_or_else(|_| Value::Object(Map::new()));
    let mut m = Map::new();
    m.insert("id".into(), def.id.clone().into());
    m.insert("name".into(), def.name.clone().into());
    m.insert("namespace".into(), def.namespace.clone().into());
    m.insert("input".into(), def.input.clone().into());
    m.insert(
        "interface".into(),
        match shape {
            Shape::Upload => interface,
            Shape::Get => jstr(&interface),
        },
    );
    m.insert("definition".into(), def.definition.clone().into());
    m.insert("checksum".into(), def.checksum.clone().into());
    m.insert("tags".into(), def.tags.clone().into());
    m.insert("scope".into(), def.scope.clone().into());
    m.insert("project_id".into(), def.project_id.clone().into());
    m.insert("created_at".into(), time(def.created_at));
    // Upload answers leave an unset `updated_at` out; GET shows null.
    if shape == Shape::Get || def.updated_at.is_some() {
        m.insert("updated_at".into(), opt_time(def.updated_at));
    }
    m
}

fn upload_reply(status: StatusCode, defs: &[WorkflowDefinition]) -> Response {
    let list: Vec<Value> = defs
        .iter()
        .map(|d| Value::Object(to_wire(d, Shape::Upload)))
        .collect();
    let mut out = Map::new();
    out.insert("workflows".into(), Value::Array(list));
    text_reply(status, &Value::Object(out))
}

async fn put(
    state: ApiState,
    headers: HeaderMap,
    pairs: Vec<(String, String)>,
    body: Bytes,
    update: bool,
) -> Result<Response, ApiError> {
    let upload = TextUpload::read(&headers, &pairs, &body)?;
    let service = &state.service;
    let (defs, status) = if update {
        let defs = service.update_workflows(upload.text, &upload.namespace, &upload.scope);
        (defs.await, StatusCode::OK)
    } else {
        let defs = service.create_workflows(upload.text, &upload.namespace, &upload.scope);
        (defs.await, StatusCode::CREATED)
    };
    let defs = defs.map_err(|e| ApiError::from(e).text())?;
    Ok(upload_reply(status, &defs))
}

#[utoipa::path(post, operation_id = "workflows_create", path = "/v2/workflows", tag = "workflows", params(doc::UploadQuery), request_body(content = String, content_type = "text/plain", description = "The YAML definition"), responses((status = 201, description = "Stored", body = doc::WorkflowList), (status = 400, description = "Bad request", body = doc::Fault), (status = 409, description = "Name taken", body = doc::Fault)))]
pub async fn create(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
    body: Bytes,
) -> Result<Response, ApiError> {
    put(state, headers, pairs, body, false).await
}

#[utoipa::path(put, operation_id = "workflows_update", path = "/v2/workflows", tag = "workflows", params(doc::UploadQuery), request_body(content = String, content_type = "text/plain", description = "The YAML definition"), responses((status = 200, description = "OK", body = doc::WorkflowList), (status = 400, description = "Bad request", body = doc::Fault)))]
pub async fn update(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
    body: Bytes,
) -> Result<Response, ApiError> {
    put(state, headers, pairs, body, true).await
}

#[utoipa::path(get, operation_id = "workflows_list", path = "/v2/workflows", tag = "workflows", params(doc::ListQuery), responses((status = 200, description = "OK", body = doc::WorkflowList), (status = 400, description = "Bad request", body = doc::Fault)))]
pub async fn list(
    State(state): State<ApiState>,
    Scope(scope): Scope,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let all: Vec<Map<String, Value>> = state
        .service
        .list_workflows()
        .await?
        .iter()
        .filter(|d| scope.sees_definition(&d.project_id, &d.scope))
        .map(|d| to_wire(d, Shape::Get))
        .collect();
    let page = params.page_in_memory(
        all,
        &[
            "name",
            "namespace",
            "input",
            "definition",
            "scope",
            "project_id",
            "created_at",
            "updated_at",
            "checksum",
        ],
        "id",
    )?;
    Ok(params.reply_page(&headers, "workflows", "workflows", page))
}

#[utoipa::path(get, operation_id = "workflows_get_one", path = "/v2/workflows/{id}", tag = "workflows", params(("id" = String, Path), doc::NamespaceQuery), responses((status = 200, description = "OK", body = doc::Workflow), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn get_one(
    State(state): State<ApiState>,
    Scope(caller): Scope,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let namespace = namespace_of(&pairs);
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let def = state.service.get_workflow(&id, &namespace, &caller).await?;
    Ok(params.reply_one(to_wire(&def, Shape::Get)))
}

#[utoipa::path(delete, operation_id = "workflows_delete", path = "/v2/workflows/{id}", tag = "workflows", params(("id" = String, Path), doc::NamespaceQuery), responses((status = 204, description = "Deleted"), (status = 400, description = "Bad request", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn delete(
    State(state): State<ApiState>,
    Scope(caller): Scope,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    state
        .service
        .delete_workflow(&id, &namespace_of(&pairs), &caller)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
