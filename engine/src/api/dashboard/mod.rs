//! The web dashboard served at `/`: one HTML page, a stylesheet and a
//! script, embedded in the binary (no build step, no CDN). The page reads
//! the same REST API as the CLI and every other client, same-origin only,
//! and follows running executions through `GET /v2/events`.
//!
//! `GET /` answers the page to browsers (`Accept: text/html`) and Mistral's
//! version list to API clients, so both keep working at the same address.

use axum::Router;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::root;

const INDEX: &str = include_str!("index.html");
const SCRIPT: &str = include_str!("app.js");
const STYLE: &str = include_str!("app.css");
const ICON: &str = include_str!("icon.svg");

/// Same-origin only: no inline script, no third-party anything.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; \
    frame-ancestors 'none'";

/// The dashboard's routes (merged into the API router).
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route("/", get(root_page))
        .route(
            "/ui/app.js",
            get(|| asset("text/javascript; charset=utf-8", SCRIPT)),
        )
        .route(
            "/ui/app.css",
            get(|| asset("text/css; charset=utf-8", STYLE)),
        )
        .route("/ui/icon.svg", get(|| asset("image/svg+xml", ICON)))
}

fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|a| a.to_str().ok())
        .is_some_and(|a| a.to_ascii_lowercase().contains("text/html"))
}

/// `GET /`: the page for a browser, the API versions for anyone else.
async fn root_page(headers: HeaderMap) -> Response {
    if !wants_html(&headers) {
        return root::versions(headers).await;
    }
    let mut response = asset("text/html; charset=utf-8", INDEX).await;
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(POLICY),
    );
    response
}

async fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            // Small and embedded: a revalidating cache is plenty.
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}
