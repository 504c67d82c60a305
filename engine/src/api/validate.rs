//! `POST /v2/workflows/validate`, `/v2/workbooks/validate` and
//! `/v2/actions/validate`: check a YAML document as storing it would,
//! without storing it. Mistral answers 200 either way: `{"valid": true}`, or
//! `{"valid": false, "error": "<every problem, one per line>"}`.

use super::openapi as doc;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use bora_lang::Kind;
use serde_json::json;

use super::ApiState;
use super::error::ApiError;
use super::wire::{body_text, check_accept, text_reply};
use crate::service::ServiceError;

async fn validate(
    state: &ApiState,
    kind: Kind,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<Response, ApiError> {
    check_accept(headers)?;
    let text = match body_text(body) {
        Ok(text) => text,
        // Text that cannot be a definition is an invalid definition.
        Err(ApiError::Client { message, .. }) => return Ok(invalid(&message)),
        Err(other) => return Err(other),
    };
    match state.service.validate_document(kind, text) {
        Ok(()) => Ok(text_reply(StatusCode::OK, &json!({"valid": true}))),
        Err(err @ (ServiceError::Internal(_) | ServiceError::Unavailable(_))) => Err(err.into()),
        Err(other) => Ok(invalid(&other.to_string())),
    }
}

fn invalid(error: &str) -> Response {
    text_reply(StatusCode::OK, &json!({"valid": false, "error": error}))
}

#[utoipa::path(post, operation_id = "validate_workflows", path = "/v2/workflows/validate", tag = "workflows", request_body(content = String, content_type = "text/plain", description = "The YAML definition"), responses((status = 200, description = "Valid or not", body = doc::Validation)))]
pub async fn workflows(
    State(state): State<ApiState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    validate(&state, Kind::Workflows, &headers, &body).await
}

#[utoipa::path(post, operation_id = "validate_workbook", path = "/v2/workbooks/validate", tag = "workbooks", request_body(content = String, content_type = "text/plain", description = "The YAML definition"), responses((status = 200, description = "Valid or not", body = doc::Validation)))]
pub async fn workbook(
    State(state): State<ApiState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    validate(&state, Kind::Workbook, &headers, &body).await
}

#[utoipa::path(post, operation_id = "validate_actions", path = "/v2/actions/validate", tag = "actions", request_body(content = String, content_type = "text/plain", description = "The YAML definition"), responses((status = 200, description = "Valid or not", body = doc::Validation)))]
pub async fn actions(
    State(state): State<ApiState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    validate(&state, Kind::Actions, &headers, &body).await
}
