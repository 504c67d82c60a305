//! `/v2/workbooks`: workbooks (their workflows become `<wb>.<name>`).

use super::openapi as doc;
use super::projects::Scope;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bora_store::WorkbookRecord;
use serde_json::{Map, Value};

use super::error::ApiError;
use super::wire::{ListParams, TextUpload, namespace_of, opt_time, text_reply, time};
use super::{ApiState, Pairs};

const FIELDS: &[&str] = &[
    "id",
    "name",
    "namespace",
    "definition",
    "tags",
    "scope",
    "project_id",
    "created_at",
    "updated_at",
];

fn to_wire(wb: &WorkbookRecord) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), wb.id.clone().into());
    m.insert("name".into(), wb.name.clone().into());
    m.insert("namespace".into(), wb.namespace.clone().into());
    m.insert("definition".into(), wb.definition.clone().into());
    m.insert(
        "tags".into(),
        Value::Array(wb.tags.iter().cloned().map(Value::String).collect()),
    );
    m.insert("scope".into(), wb.scope.clone().into());
    m.insert("project_id".into(), wb.project_id.clone().into());
    m.insert("created_at".into(), time(wb.created_at));
    m.insert("updated_at".into(), opt_time(wb.updated_at));
    m
}

async fn put(
    state: ApiState,
    headers: HeaderMap,
    pairs: Vec<(String, String)>,
    body: Bytes,
    update: bool,
) -> Result<Response, ApiError> {
    let upload = TextUpload::read(&headers, &pairs, &body)?;
    let record = state
        .service
        .put_workbook(upload.text, &upload.namespace, &upload.scope, update)
        .await
        .map_err(|e| ApiError::from(e).text())?;
    let status = if update {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok(text_reply(status, &Value::Object(to_wire(&record))))
}

#[utoipa::path(post, operation_id = "workbooks_create", path = "/v2/workbooks", tag = "workbooks", params(doc::UploadQuery), request_body(content = String, content_type = "text/plain", description = "The YAML definition"), responses((status = 201, description = "Stored", body = doc::Workbook), (status = 400, description = "Bad request", body = doc::Fault), (status = 409, description = "Name taken", body = doc::Fault)))]
pub async fn create(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
    body: Bytes,
) -> Result<Response, ApiError> {
    put(state, headers, pairs, body, false).await
}

#[utoipa::path(put, operation_id = "workbooks_update", path = "/v2/workbooks", tag = "workbooks", params(doc::UploadQuery), request_body(content = String, content_type = "text/plain", description = "The YAML definition"), responses((status = 200, description = "OK", body = doc::Workbook), (status = 400, description = "Bad request", body = doc::Fault)))]
pub async fn update(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
    body: Bytes,
) -> Result<Response, ApiError> {
    put(state, headers, pairs, body, true).await
}

#[utoipa::path(get, operation_id = "workbooks_list", path = "/v2/workbooks", tag = "workbooks", params(doc::ListQuery), responses((status = 200, description = "OK", body = doc::WorkbookList), (status = 400, description = "Bad request", body = doc::Fault)))]
pub async fn list(
    State(state): State<ApiState>,
    Scope(scope): Scope,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let all: Vec<Map<String, Value>> = state
        .service
        .list_workbooks()
        .await?
        .iter()
        .filter(|d| scope.sees_definition(&d.project_id, &d.scope))
        .map(to_wire)
        .collect();
    let page = params.page_in_memory(
        all,
        &[
            "name",
            "namespace",
            "definition",
            "scope",
            "project_id",
            "created_at",
            "updated_at",
        ],
        "id",
    )?;
    Ok(params.reply_page(&headers, "workbooks", "workbooks", page))
}

#[utoipa::path(get, operation_id = "workbooks_get_one", path = "/v2/workbooks/{name}", tag = "workbooks", params(("name" = String, Path), doc::NamespaceQuery), responses((status = 200, description = "OK", body = doc::Workbook), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn get_one(
    State(state): State<ApiState>,
    Scope(caller): Scope,
    Path(name): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let namespace = namespace_of(&pairs);
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let wb = state
        .service
        .get_workbook(&name, &namespace, &caller)
        .await?;
    Ok(params.reply_one(to_wire(&wb)))
}

#[utoipa::path(delete, operation_id = "workbooks_delete", path = "/v2/workbooks/{name}", tag = "workbooks", params(("name" = String, Path), doc::NamespaceQuery), responses((status = 204, description = "Deleted"), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn delete(
    State(state): State<ApiState>,
    Scope(caller): Scope,
    Path(name): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    state
        .service
        .delete_workbook(&name, &namespace_of(&pairs), &caller)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
