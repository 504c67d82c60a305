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
use axum::routing::get;
use bora_core::limits::find_nul;
use serde_json::{Map, Value};

use crate::service::Service;

mod action_complete;
mod action_executions;
mod action_output;
mod actions;
mod cron_triggers;
mod dashboard;
mod environments;
pub mod error;
pub mod events;
mod executions;
mod graph;
mod health;
mod listing;
mod records;
mod root;
mod tasks;
pub mod wire;
mod workbooks;
mod workflows;

pub use error::ApiError;

/// What the handlers share: the service.
#[derive(Clone)]
pub struct ApiState {
    pub service: Service,
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

/// Gives Mistral's JSON fault body to every client error the handlers did
/// not shape themselves (axum's own answers: body too large or unreadable,
/// unknown route, method not allowed), and refuses a NUL in the URL before
/// it reaches a query (PostgreSQL cannot compare text holding NUL).
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
    let uploads = request.uri().path().starts_with("/v2/actions");
    let response = next.run(request).await;
    let status = response.status();
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|c| c.to_str().ok())
        .is_some_and(|c| c.starts_with("application/json"));
    if !status.is_client_error() || json {
        return response;
    }
    let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
        let (limit, name) = if uploads {
            (actions::MAX_UPLOAD_BYTES, "the upload limit")
        } else {
            (limit, "max_request_bytes")
        };
        format!("Request body is too large: the limit is {limit} bytes ({name})")
    } else {
        // axum's rejections are short plain text; an empty body (404, 405)
        // gets the status's own words.
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
pub fn router(state: ApiState) -> Router {
    let limit = state.service.limits().max_request_bytes;
    // Recording starts with the first router: whoever serves the metrics.
    crate::telemetry::metrics::install();
    routes(state)
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(limit))
        .layer(middleware::from_fn(json_faults))
        .layer(axum::Extension(BodyLimit(limit)))
        // Outermost: the span and the metrics see the final status.
        .layer(middleware::from_fn(crate::telemetry::http::track))
}

fn routes(state: ApiState) -> Router {
    Router::new()
        .merge(dashboard::routes())
        .route("/health", get(health::health))
        .route("/ready", get(health::ready))
        .route("/metrics", get(crate::telemetry::http::metrics_text))
        .route("/v2/events", get(events::stream))
        .route("/v2/executions/{id}/graph", get(graph::get))
        .route(
            "/v2/workflows/validate",
            axum::routing::post(workflows::validate),
        )
        .route("/v2", get(root::redirect_v2))
        .route("/v2/", get(root::v2))
        .route(
            "/v2/workbooks",
            get(workbooks::list)
                .post(workbooks::create)
                .put(workbooks::update),
        )
        .route(
            "/v2/workbooks/{name}",
            get(workbooks::get_one).delete(workbooks::delete),
        )
        .route(
            "/v2/workflows",
            get(workflows::list)
                .post(workflows::create)
                .put(workflows::update),
        )
        .route(
            "/v2/workflows/{id}",
            get(workflows::get_one).delete(workflows::delete),
        )
        .route(
            "/v2/executions",
            get(executions::list).post(executions::create),
        )
        .route(
            "/v2/executions/{id}",
            get(executions::get_one)
                .put(executions::update)
                .delete(executions::delete),
        )
        .route("/v2/executions/{id}/tasks", get(executions::tasks))
        .route("/v2/executions/{id}/report", get(executions::report))
        .route(
            "/v2/executions/{id}/executions",
            get(executions::executions_tree),
        )
        .route("/v2/tasks", get(tasks::list))
        .route("/v2/tasks/{id}", get(tasks::get_one).put(tasks::update))
        .route(
            "/v2/tasks/{id}/executions",
            get(executions::task_executions_tree),
        )
        .route(
            "/v2/tasks/{id}/action_executions",
            get(tasks::action_executions),
        )
        .route(
            "/v2/tasks/{id}/action_executions/{action_id}",
            get(tasks::action_execution),
        )
        .route(
            "/v2/tasks/{id}/workflow_executions",
            get(tasks::workflow_executions),
        )
        .route(
            "/v2/action_executions",
            get(action_executions::list).post(action_executions::create),
        )
        .route(
            "/v2/action_executions/{id}",
            get(action_executions::get_one)
                .put(action_complete::update)
                .delete(action_executions::delete),
        )
        .route("/v2/action_executions/{id}/logs", get(action_output::logs))
        .route(
            "/v2/environments",
            get(environments::list)
                .post(environments::create)
                .put(environments::update),
        )
        .route(
            "/v2/environments/{name}",
            get(environments::get_one).delete(environments::delete),
        )
        .route(
            "/v2/cron_triggers",
            get(cron_triggers::list).post(cron_triggers::create),
        )
        .route(
            "/v2/cron_triggers/{name}",
            get(cron_triggers::get_one).delete(cron_triggers::delete),
        )
        .route(
            "/v2/actions",
            get(actions::list)
                .post(actions::create)
                .put(actions::update)
                // Uploaded components are bigger than axum's 2 MB default.
                .layer(axum::extract::DefaultBodyLimit::max(
                    actions::MAX_UPLOAD_BYTES,
                )),
        )
        .route(
            "/v2/actions/{name}",
            get(actions::get_one).delete(actions::delete),
        )
        .route(
            "/v2/actions/{name}/{namespace}",
            get(actions::get_in_namespace),
        )
        .with_state(state)
}
