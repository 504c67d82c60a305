//! The HTTP side of the telemetry: `GET /metrics`, and one span per request
//! (method, route template, status, latency) that also feeds the HTTP
//! metrics, and is exported as a trace when tracing is on. The router adds
//! both; nothing here knows the routes.

use std::time::Instant;

use axum::Json;
use axum::extract::{MatchedPath, Request};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use tracing::Instrument;

use super::metrics;

/// `GET /metrics`: every metric in Prometheus's text format.
#[utoipa::path(get, operation_id = "metrics", path = "/metrics", tag = "service", responses((status = 200, description = "Every metric in Prometheus's text format", body = String, content_type = "text/plain"), (status = 503, description = "Another metrics recorder owns this process", body = serde_json::Value)))]
pub async fn metrics_text() -> Response {
    match metrics::render() {
        Some(text) => (
            [(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
            text,
        )
            .into_response(),
        None => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({
                "faultstring": "Metrics are not available: another metrics recorder owns this process",
                "faultcode": "Server",
                "debuginfo": null,
            })),
        )
            .into_response(),
    }
}

/// Runs a request inside its span and counts it. The route is the matched
/// template (`/v2/executions/{id}`) or `unmatched`, and the method one of
/// the standard ones or `OTHER`, so clients cannot grow the label sets.
pub async fn track(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str)
        .to_owned();
    let method = method_label(request.method());
    let span = tracing::info_span!(
        "request",
        method,
        route = %route,
        status = tracing::field::Empty,
        latency_ms = tracing::field::Empty,
        otel.name = tracing::field::Empty,
        otel.kind = tracing::field::Empty,
    );
    if super::traces::enabled() {
        // The exported span's name and kind (the log lines keep "request").
        span.record("otel.name", format!("{method} {route}"));
        span.record("otel.kind", "server");
    }
    let began = Instant::now();
    let response = next.run(request).instrument(span.clone()).await;
    let elapsed = began.elapsed();
    let status = response.status().as_u16();
    let latency_ms = elapsed.as_secs_f64() * 1000.0;
    span.record("status", status);
    span.record("latency_ms", latency_ms);
    if response.status().is_server_error() {
        tracing::warn!(parent: &span, status, latency_ms, "request failed");
    } else {
        tracing::debug!(parent: &span, status, latency_ms, "request answered");
    }
    metrics::http_request(method, &route, status, elapsed);
    response
}

fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        _ => "OTHER",
    }
}
