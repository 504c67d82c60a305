//! While this node's checks find the database out of reach (see
//! `bora_store::outage`), requests are answered 503 at once, with
//! `Retry-After`, instead of each waiting for a connection up to the pool's
//! 30 s timeout (token checks included: this runs before them). Reads that
//! need no database still answer: `/health`, `/ready` (which says since
//! when and why), `/metrics`, the API's root and OpenAPI document, and the
//! dashboard's page and assets.

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

use super::error::{Style, unavailable};
use crate::service::Service;

/// Middleware: refuses requests during a database outage.
pub(super) async fn refuse(
    State(service): State<Service>,
    request: Request,
    next: Next,
) -> Response {
    match service.outage() {
        Some(outage) if !without_database(request.method(), request.uri().path()) => {
            tracing::debug!(error = %outage.error, "the database is out of reach: request refused");
            unavailable(Style::Fault)
        }
        _ => next.run(request).await,
    }
}

/// Whether a request is answered without the database.
fn without_database(method: &Method, path: &str) -> bool {
    let path = path.trim_end_matches('/');
    matches!(*method, Method::GET | Method::HEAD)
        && (matches!(
            path,
            "" | "/index.html" | "/health" | "/ready" | "/metrics" | "/v2" | "/v2/openapi.json"
        ) || path.starts_with("/ui/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_reads_that_need_no_database_pass_during_an_outage() {
        for path in [
            "/health",
            "/ready/",
            "/metrics",
            "/v2/",
            "/v2/openapi.json",
            "/",
            "/ui/app.js",
        ] {
            assert!(without_database(&Method::GET, path), "{path}");
        }
        assert!(!without_database(&Method::GET, "/v2/executions"));
        assert!(!without_database(&Method::GET, "/v2/workflows/x"));
        assert!(!without_database(&Method::POST, "/ui/login"));
        assert!(!without_database(&Method::POST, "/health"));
    }
}
