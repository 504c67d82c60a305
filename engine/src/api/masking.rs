//! Secret values never leave in an answer: every marker of a sealed value
//! (see [`crate::secrets`]) in a response body is shown as `***`, whatever
//! the route (an environment, an execution's `env`, a task's input or
//! published values, an action execution, the dashboard's data, the CLI's).
//! One layer over the whole router, so a new route cannot forget it.

use axum::body::{Body, HttpBody};
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;

use crate::secrets::{MARKER_PREFIX, mask_markers};

/// The largest answer looked into; bigger or streamed ones (the event
/// stream, which carries ids only) pass as they are.
const LIMIT: u64 = 256 << 20;

/// The middleware.
pub(crate) async fn mask_secrets(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let known = HttpBody::size_hint(response.body())
        .exact()
        .is_some_and(|n| n > 0 && n <= LIMIT);
    if !known {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // A body of known size is in memory already: collecting it copies
    // nothing but the chunk list.
    let bytes = match axum::body::to_bytes(body, LIMIT as usize).await {
        Ok(bytes) => bytes,
        Err(err) => {
            tracing::warn!(error = %err, "cannot read an answer to mask its secrets");
            return Response::from_parts(parts, Body::empty());
        }
    };
    if memchr::memmem::find(&bytes, MARKER_PREFIX.as_bytes()).is_none() {
        return Response::from_parts(parts, Body::from(bytes));
    }
    // Markers are only ever in text (JSON, YAML): binary answers (a
    // component's bytes) are not touched.
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let masked = mask_markers(text).into_owned();
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(masked))
}
