//! What a web browser may do with the API. A page on another site must not
//! drive a Bora it can reach (a local one, most often): a browser sends a
//! "simple" cross-site POST (`text/plain`, forms) without asking first, so
//! every state-changing request that says it comes from another origin is
//! refused, whatever its content type. Sites the operator trusts are listed
//! in `--cors-origin`; they get CORS answers (preflights included) and pass.
//!
//! Clients that are not browsers (the CLI, python-mistralclient, curl) send
//! no `Origin` and are not concerned. The dashboard is served by Bora
//! itself: its requests are same-origin.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::cors::{AllowOrigin, CorsLayer};

use super::ApiError;

/// The origins allowed to call the API from a browser, besides Bora's own.
#[derive(Debug, Clone, Default)]
pub struct CorsOrigins(Vec<HeaderValue>);

impl CorsOrigins {
    /// Parses `scheme://host[:port]` entries (`*` is refused: a list, not a
    /// wildcard, decides who may drive the API).
    ///
    /// # Errors
    /// Names the entry that is not an origin.
    pub fn parse(entries: &[String]) -> Result<Self, String> {
        let mut origins = Vec::new();
        for entry in entries.iter().map(|e| e.trim()).filter(|e| !e.is_empty()) {
            let origin = entry.trim_end_matches('/');
            let well_formed = origin.split_once("://").is_some_and(|(scheme, host)| {
                matches!(scheme, "http" | "https") && !host.is_empty() && !host.contains('/')
            });
            let value = HeaderValue::from_str(origin).ok().filter(|_| well_formed);
            match value {
                Some(value) => origins.push(value),
                None => {
                    return Err(format!(
                        "cors origin '{entry}' is not an origin: expected scheme://host[:port] \
                         (http or https, no path, no wildcard)"
                    ));
                }
            }
        }
        Ok(Self(origins))
    }

    fn allows(&self, origin: &HeaderValue) -> bool {
        self.0
            .iter()
            .any(|o| o.as_bytes().eq_ignore_ascii_case(origin.as_bytes()))
    }

    /// The CORS layer answering the listed origins, or none without a list
    /// (then browsers keep their same-origin policy).
    pub(crate) fn layer(&self) -> Option<CorsLayer> {
        if self.0.is_empty() {
            return None;
        }
        Some(
            CorsLayer::new()
                .allow_origin(AllowOrigin::list(self.0.clone()))
                .allow_methods([
                    Method::GET,
                    Method::POST,
                    Method::PUT,
                    Method::PATCH,
                    Method::DELETE,
                ])
                .allow_headers([
                    header::AUTHORIZATION,
                    header::CONTENT_TYPE,
                    header::ACCEPT,
                    header::HeaderName::from_static("x-auth-token"),
                ]),
        )
    }
}

/// Whether `method` changes state (what a cross-site page must not do).
fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Why a request from a browser is refused, if it is.
fn refusal(method: &Method, headers: &HeaderMap, allowed: &CorsOrigins) -> Option<String> {
    if !changes_state(method) {
        return None;
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        if same_origin(origin, headers) || allowed.allows(origin) {
            return None;
        }
        let shown = String::from_utf8_lossy(origin.as_bytes()).into_owned();
        return Some(format!(
            "Cross-origin request refused: {method} from origin {shown}, which is not this \
             server and is not in its cors origins (--cors-origin)"
        ));
    }
    // A browser that sends no Origin still says where the request comes from.
    let site = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("none");
    matches!(site, "cross-site" | "same-site").then(|| {
        format!("Cross-origin request refused: {method} from another site (Sec-Fetch-Site: {site})")
    })
}

/// Whether `origin` names the host the request was sent to (the dashboard
/// calling its own server). The scheme is not compared: behind a TLS proxy
/// the server does not see it.
fn same_origin(origin: &HeaderValue, headers: &HeaderMap) -> bool {
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    let Some(authority) = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
    else {
        return false;
    };
    let host = headers
        .get("x-forwarded-host")
        .or_else(|| headers.get(header::HOST))
        .and_then(|h| h.to_str().ok());
    host.is_some_and(|host| host.eq_ignore_ascii_case(authority))
}

/// The middleware: refuses state-changing requests from foreign origins.
pub(crate) async fn guard(
    axum::extract::State(allowed): axum::extract::State<CorsOrigins>,
    request: Request,
    next: Next,
) -> Response {
    if let Some(reason) = refusal(request.method(), request.headers(), &allowed) {
        tracing::info!(path = %request.uri().path(), %reason, "request refused");
        return ApiError::forbidden(reason).into_response();
    }
    next.run(request).await
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(
                header::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                HeaderValue::from_str(v).unwrap(),
            );
        }
        map
    }

    #[test]
    fn foreign_origins_may_read_but_not_change() {
        let none = CorsOrigins::default();
        let evil = headers(&[
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:8989"),
        ]);
        assert!(refusal(&Method::GET, &evil, &none).is_none());
        let why = refusal(&Method::POST, &evil, &none).unwrap();
        assert!(why.contains("https://evil.example"), "{why}");
        assert!(refusal(&Method::DELETE, &evil, &none).is_some());
        // The dashboard, served by this host.
        let own = headers(&[
            ("origin", "http://127.0.0.1:8989"),
            ("host", "127.0.0.1:8989"),
        ]);
        assert!(refusal(&Method::POST, &own, &none).is_none());
        // Same host name, other port: another origin.
        let port = headers(&[
            ("origin", "http://127.0.0.1:9999"),
            ("host", "127.0.0.1:8989"),
        ]);
        assert!(refusal(&Method::PUT, &port, &none).is_some());
        // Not a browser.
        assert!(refusal(&Method::POST, &headers(&[("host", "x")]), &none).is_none());
        let fetch = headers(&[("sec-fetch-site", "cross-site")]);
        assert!(refusal(&Method::POST, &fetch, &none).is_some());
        let listed = CorsOrigins::parse(&["https://evil.example/".into()]).unwrap();
        assert!(refusal(&Method::POST, &evil, &listed).is_none());
    }

    #[test]
    fn origins_must_be_origins() {
        for bad in [
            "*",
            "evil.example",
            "https://a.example/path",
            "ftp://a",
            "http://é/x",
            "https://",
        ] {
            let err = CorsOrigins::parse(&[bad.into()]).unwrap_err();
            assert!(err.contains(bad), "{err}");
        }
        assert!(CorsOrigins::parse(&["http://localhost:3000".into()]).is_ok());
    }
}
