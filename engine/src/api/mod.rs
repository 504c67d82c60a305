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
use axum::extract::{FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Map, Value};

use crate::runtime::Runtime;
use crate::service::Service;

mod action_complete;
mod action_executions;
mod actions;
mod cron_triggers;
mod dashboard;
mod environments;
pub mod error;
pub mod events;
mod executions;
mod graph;
mod root;
mod tasks;
pub mod wire;
mod workbooks;
mod workflows;

pub use error::ApiError;

/// What the handlers share: the service and the action runtime.
#[derive(Clone)]
pub struct ApiState {
    pub service: Service,
    pub runtime: Runtime,
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
        wire::json_object(&body)
            .map(JsonObject)
            .map_err(IntoResponse::into_response)
    }
}

/// All routes of the API.
pub fn router(state: ApiState) -> Router {
    Router::new()
        .merge(dashboard::routes())
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
