//! Mistral's REST API v2 over the [`Service`]: an axum router with one module
//! per resource. Handlers translate between Mistral's wire shapes (see
//! [`wire`]) and the service; they hold no workflow logic.
//!
//! Bora's own additions: the event stream of stepped executions
//! ([`events`], `GET /v2/events`), an execution's task graph
//! (`GET /v2/executions/{id}/graph`) and the web dashboard at `/`
//! (`dashboard/`, which reads this same API).
//!
//! [`router`] builds the routes; serving them (listener, shutdown) is the
//! caller's business (`bora serve`, the end-to-end tests).

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use bora_core::limits::find_nul;
use serde_json::{Map, Value};
use tower_http::normalize_path::NormalizePath;

use crate::service::Service;

mod action_complete;
mod action_executions;
mod action_output;
mod actions;
pub mod auth;
pub mod browsers;
mod cron_triggers;
mod dashboard;
mod environments;
pub mod error;
mod event_triggers;
pub mod events;
mod executions;
mod graph;
mod health;
mod keystone;
mod listing;
mod masking;
pub mod openapi;
mod outage;
mod projects;
mod records;
mod retry;
mod root;
mod routes;
mod tasks;
mod validate;
pub mod wire;
mod workbooks;
mod workflows;

pub use error::ApiError;

/// What the handlers share: the service; and how callers are checked.
#[derive(Clone)]
pub struct ApiState {
    pub service: Service,
    /// Which credentials requests must carry (none: authentication off).
    pub auth: auth::Auth,
    /// The sites whose pages may call the API (`--cors-origin`).
    pub cors: browsers::CorsOrigins,
}

impl ApiState {
    /// The API of `service` as a local Bora serves it: no authentication,
    /// no foreign site allowed.
    pub fn new(service: Service) -> Self {
        Self {
            service,
            auth: auth::Auth::default(),
            cors: browsers::CorsOrigins::default(),
        }
    }
}

/// The query string as ordered pairs (repeated keys kept).
pub struct Pairs(pub Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for Pairs {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Query::<Vec<(String, String)>>::from_request_parts(parts, state).await {
            Ok(Query(pairs)) => Ok(Pairs(pairs)),
            Err(err) => Err(ApiError::bad_request(format!(
                "Invalid query string: {}",
                err.body_text()
            ))),
        }
    }
}

/// A request body that must be a JSON object (Mistral's JSON endpoints):
/// `Request is not in valid JSON format` otherwise.
pub struct JsonObject(pub Map<String, Value>);

impl<S: Send + Sync> FromRequest<S> for JsonObject {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if let Some(refused) = not_json(req.headers()) {
            return Err(refused.into_response());
        }
        let body = Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let object = wire::json_object(&body).map_err(IntoResponse::into_response)?;
        if let Some(path) = nul_in(&object) {
            return Err(ApiError::bad_request(format!(
                "Invalid value for '{path}': it contains a NUL character (\\u0000), which is not accepted"
            ))
            .into_response());
        }
        Ok(JsonObject(object))
    }
}

/// Refuses a body that says it is not JSON: a browser sends `text/plain`
/// and form bodies across sites without asking first, so a JSON endpoint
/// takes only `application/json` (or a `+json` type), or a body without a
/// type (as curl and old clients send).
fn not_json(headers: &header::HeaderMap) -> Option<ApiError> {
    let given = headers.get(header::CONTENT_TYPE)?;
    let text = String::from_utf8_lossy(given.as_bytes()).into_owned();
    let essence = text
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if essence == "application/json" || essence.ends_with("+json") {
        return None;
    }
    Some(ApiError::client(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        format!(
            "Content-Type '{text}' is not accepted here: send the JSON body as application/json"
        ),
    ))
}

/// Where a JSON body holds a NUL character, looking inside the JSON-in-JSON
/// string fields too (`input`, `params`, ... may come as JSON text).
fn nul_in(body: &Map<String, Value>) -> Option<String> {
    for (key, value) in body {
        let inner = match value {
            Value::String(text) if text.contains("\\u0000") => {
                serde_json::from_str::<Value>(text).ok()
            }
            _ => None,
        };
        let found = find_nul(value).or_else(|| inner.as_ref().and_then(find_nul));
        if let Some(path) = found {
            let key = key.replace('\0', "\\u0000");
            return Some(if path.is_empty() {
                key
            } else {
                format!("{key}.{path}")
            });
        }
    }
    None
}

/// Gives Mistral's JSON fault body to every error the handlers did not
/// shape themselves (axum's own answers: body too large or unreadable,
/// unknown route, method not allowed, anything else without a JSON body),
/// and refuses a NUL in the URL before it reaches a query (PostgreSQL
/// cannot compare text holding NUL).
async fn json_faults(request: Request, next: Next) -> Response {
    let limit = request
        .extensions()
        .get::<BodyLimit>()
        .map_or(0, |limit| limit.0);
    if request
        .uri()
        .to_string()
        .to_ascii_lowercase()
        .contains("%00")
    {
        return ApiError::bad_request(
            "The request URL contains a NUL character (%00), which is not accepted",
        )
        .into_response();
    }
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let uploads = path.starts_with("/v2/actions");
    let response = next.run(request).await;
    let status = response.status();
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|c| c.to_str().ok())
        .is_some_and(|c| c.starts_with("application/json"));
    if json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    if status.is_server_error() {
        return ApiError::Internal {
            detail: format!("{method} {path} answered {status} without a body"),
            style: error::Style::Fault,
        }
        .into_response();
    }
    let message = match status {
        StatusCode::PAYLOAD_TOO_LARGE => {
            let (limit, name) = if uploads {
                (actions::MAX_UPLOAD_BYTES, "the upload limit")
            } else {
                (limit, "max_request_bytes")
            };
            format!("Request body is too large: the limit is {limit} bytes ({name})")
        }
        StatusCode::METHOD_NOT_ALLOWED => {
            let allowed = response
                .headers()
                .get(header::ALLOW)
                .and_then(|a| a.to_str().ok())
                .unwrap_or("")
                .to_owned();
            let mut response = ApiError::client(
                status,
                format!("Method {method} is not allowed for {path} (allowed: {allowed})"),
            )
            .into_response();
            if let Ok(value) = header::HeaderValue::from_str(&allowed) {
                response.headers_mut().insert(header::ALLOW, value);
            }
            return response;
        }
        _ => {
            // axum's rejections are short plain text; an empty body gets
            // the status's own words.
            let text = axum::body::to_bytes(response.into_body(), 64 * 1024)
                .await
                .map(|b| String::from_utf8_lossy(&b).trim().to_owned())
                .unwrap_or_default();
            if text.is_empty() {
                status
                    .canonical_reason()
                    .unwrap_or("Client error")
                    .to_owned()
            } else {
                text
            }
        }
    };
    ApiError::client(status, message).into_response()
}

/// The request body limit, for the middleware's message.
#[derive(Clone, Copy)]
struct BodyLimit(usize);

/// Unknown routes: a JSON 404 like every other fault.
async fn not_found() -> ApiError {
    ApiError::not_found("The resource could not be found.")
}

/// All routes of the API. Request bodies are capped at the service's
/// `max_request_bytes` (uploaded components have their own, larger cap).
///
/// python-mistralclient adds a trailing slash to some paths
/// (`/v2/actions/NAME/` when no namespace is given), so every route answers
/// with or without one: the routes are matched after the slash is trimmed.
/// Only `/v2` and `/v2/` stay apart, as in Mistral (the first redirects to
/// the second).
pub fn router(state: ApiState) -> Router {
    let limit = state.service.limits().max_request_bytes;
    // Recording starts with the first router: whoever serves the metrics.
    crate::telemetry::metrics::install();
    let gate = std::sync::Arc::new(auth::Gate {
        auth: state.auth.clone(),
        service: state.service.clone(),
    });
    let cors = state.cors.clone();
    let service = state.service.clone();
    let (api, document) = routes::api(state);
    let (outer, _) = routes::outer().split_for_parts();
    let api = api
        .fallback(not_found)
        .layer(middleware::from_fn(retry::reads))
        .layer(middleware::from_fn_with_state(
            service.clone(),
            projects::guard,
        ))
        .layer(axum::Extension(openapi::Document::new(&document)))
        // On the routed API (not the outer router): only there is the
        // matched route template known, which labels the span and metrics.
        .layer(middleware::from_fn(crate::telemetry::http::track));
    // Outermost last: faults get their JSON body; a listed site's preflight
    // is answered before the origin guard and the token check, and every
    // answer to it carries its CORS headers.
    let router = outer
        .fallback_service(NormalizePath::trim_trailing_slash(api))
        .layer(middleware::from_fn_with_state(gate, auth::authenticate))
        .layer(middleware::from_fn_with_state(service, outage::refuse))
        .layer(middleware::from_fn_with_state(
            cors.clone(),
            browsers::guard,
        ));
    let router = match cors.layer() {
        Some(layer) => router.layer(layer),
        None => router,
    };
    router
        .layer(DefaultBodyLimit::max(limit))
        .layer(middleware::from_fn(json_faults))
        .layer(axum::Extension(BodyLimit(limit)))
        .layer(middleware::from_fn(masking::mask_secrets))
}

/// The OpenAPI document of [`router`] (served at `/v2/openapi.json`).
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    routes::document()
}
