//! `GET /health` and `GET /ready`, for load balancers and orchestrators
//! (Kubernetes liveness and readiness probes): JSON, no authentication.
//!
//! `/health` says the process serves HTTP; it touches nothing else, so a
//! slow database never gets a healthy process restarted. `/ready` says the
//! node can do its work: the store answers and its schema is the one this
//! version knows; otherwise 503 with the reason.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use super::ApiState;
use super::wire::reply;

#[utoipa::path(get, operation_id = "health_health", path = "/health", tag = "service", responses((status = 200, description = "The process serves HTTP", body = serde_json::Value)))]
pub async fn health() -> Response {
    reply(
        StatusCode::OK,
        &json!({"status": "ok", "version": env!("CARGO_PKG_VERSION")}),
    )
}

#[utoipa::path(get, operation_id = "health_ready", path = "/ready", tag = "service", responses((status = 200, description = "The store answers with the current schema", body = serde_json::Value), (status = 503, description = "Not ready, with the reason", body = serde_json::Value)))]
pub async fn ready(State(state): State<ApiState>) -> Response {
    // Known to be down: said at once, not after the pool's timeout.
    if let Some(outage) = state.service.outage() {
        let since = super::wire::time(outage.since);
        let since = since.as_str().unwrap_or("?");
        return reply(
            StatusCode::SERVICE_UNAVAILABLE,
            &json!({"status": "not ready", "store": format!("unreachable since {since}: {}", outage.error)}),
        );
    }
    match state.service.readiness().await {
        Ok(schema) if schema.pending.is_empty() && schema.unknown.is_empty() => reply(
            StatusCode::OK,
            &json!({"status": "ready", "store": "reachable", "schema": "current"}),
        ),
        Ok(schema) => reply(
            StatusCode::SERVICE_UNAVAILABLE,
            &json!({"status": "not ready", "store": "reachable", "schema": schema.describe()}),
        ),
        Err(err) => reply(
            StatusCode::SERVICE_UNAVAILABLE,
            &json!({"status": "not ready", "store": format!("unreachable: {err}")}),
        ),
    }
}
