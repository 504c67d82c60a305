//! A read that failed because a database connection was lost is tried once
//! more.
//!
//! A database restart or failover cuts every pooled connection at once; the
//! pool replaces them as it notices (see `bora_store::liveness`), but a
//! request that took one a moment before the loss was noticed fails. A GET
//! or HEAD changes nothing, so it is simply run again (on a checked
//! connection) instead of answering 503. Other methods get the 503 with
//! `Retry-After`: the client decides.

use axum::body::Body;
use axum::extract::Request;
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

/// Middleware: runs a GET or HEAD a second time when a database connection
/// was lost while the first attempt ran and it answered 503.
pub(super) async fn reads(request: Request, next: Next) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let again = parts.clone();
    let losses = bora_store::liveness::losses();
    let response = next.clone().run(Request::from_parts(parts, body)).await;
    if response.status() != axum::http::StatusCode::SERVICE_UNAVAILABLE
        || bora_store::liveness::losses() == losses
    {
        return response;
    }
    tracing::info!("a database connection was lost during a read; trying it again");
    // A GET's or HEAD's body carries nothing.
    next.run(Request::from_parts(again, Body::empty())).await
}
