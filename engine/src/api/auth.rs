//! Who is calling: API tokens and the audit log.
//!
//! Authentication is off by default (a local, single-user Bora, as
//! Mistral's `auth_enable = False`). With `--auth tokens` every request
//! needs a token made by `bora token create`, sent as `Authorization:
//! Bearer TOKEN` or as Mistral's `X-Auth-Token` (python-mistralclient's
//! `--os-auth-token`). Only the SHA-256 digest of a token is stored, and
//! each request looks its token up in the store: a revoked token is
//! refused at once by every node sharing the store.
//!
//! Left open without a token: the health checks (`/health`, `/ready`),
//! the dashboard's page and files, the API's root and OpenAPI document,
//! the event webhook (`POST /v2/events/{exchange}/{topic}`, which takes
//! its trigger's own token), and the token exchange python-mistralclient
//! makes first (`/identity/v3`, see `keystone`).
//!
//! With `--auth oidc` a request may instead carry a JWT of a configured
//! OIDC issuer ([`oidc`]); with `--auth tokens,oidc` both are taken: a
//! token with two dots is a JWT, anything else an API token (which never
//! holds a dot).
//!
//! The dashboard signs in with a token (`POST /ui/login`), which it gets
//! back as an `HttpOnly`, `SameSite=Strict` cookie: a browser sends it only
//! with requests of Bora's own pages (its event stream included, which
//! cannot set headers), never with another site's.
//!
//! With authentication on, every state-changing request (not GET, HEAD or
//! OPTIONS) is written to the audit log: when, which token, method, path,
//! status, and the id of what it created (`bora audit`).

pub mod oidc;

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bora_store::{AuditEntry, TokenRecord};
use sha2::{Digest, Sha256};

use super::{ApiError, ApiState, JsonObject};
use crate::clock::now_micros;
use crate::service::Service;

/// Every token starts with this, so a leaked one is easy to recognise
/// (secret scanners, logs).
pub const TOKEN_PREFIX: &str = "bora_";

/// The answer to a token that is not (or no longer) a live one.
pub(crate) const INVALID_TOKEN: &str = "The API token is not valid: unknown or revoked";

/// The cookie the dashboard's token travels in.
const COOKIE: &str = "bora_token";

/// The `Set-Cookie` value that makes the browser forget [`COOKIE`].
const FORGET_COOKIE: &str = "bora_token=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";

/// The largest created-object answer read for its id in the audit log
/// (larger ones are not read).
const AUDIT_BODY_LIMIT: usize = 1 << 20;

/// One value of `--auth` (a comma-separated list of them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum AuthMode {
    /// Every request is served (a local, single-user Bora).
    #[default]
    Off,
    /// Requests may carry a token made by `bora token create`.
    Tokens,
    /// Requests may carry a JWT of the configured OIDC issuer.
    Oidc,
}

/// How callers are checked: which credentials are taken.
#[derive(Clone, Default)]
pub struct Auth {
    /// API tokens made by `bora token create`.
    pub tokens: bool,
    /// JWTs of the configured OIDC issuer.
    pub oidc: Option<Arc<oidc::Oidc>>,
}

impl Auth {
    /// Whether every request is served without a token.
    pub fn is_off(&self) -> bool {
        !self.tokens && self.oidc.is_none()
    }
}

/// The caller of a request, for the handlers (in the request's
/// extensions when authentication is on).
#[derive(Debug, Clone)]
pub struct Caller {
    /// The API token's id, or `jwt:<sub>` for a JWT.
    pub token_id: String,
    pub project: String,
    pub admin: bool,
}

/// What the middleware needs.
#[derive(Clone)]
pub(crate) struct Gate {
    pub(crate) auth: Auth,
    pub(crate) service: Service,
}

/// Whose a presented token is: the caller, and the API token's record
/// (none for a JWT).
pub(crate) struct Identified {
    pub(crate) caller: Caller,
    record: Option<TokenRecord>,
}

/// Who `token` stands for under `auth`, or the answer refusing it. With
/// authentication off (the dashboard's sign-in, the identity exchange) API
/// tokens are checked, as they were made for a server that wants them.
pub(crate) async fn identify(
    auth: &Auth,
    service: &Service,
    token: &str,
) -> Result<Identified, Response> {
    if let Some(issuer) = &auth.oidc {
        if !auth.tokens && token.starts_with(TOKEN_PREFIX) {
            return Err(unauthorized(
                "API tokens are not taken here: this server takes JWTs of its OIDC issuer \
                 (--auth oidc)",
            ));
        }
        if !auth.tokens || oidc::looks_like_jwt(token) {
            return match issuer.verify(token).await {
                Ok(identity) => Ok(Identified {
                    caller: Caller {
                        token_id: identity.caller_id(),
                        project: identity.project,
                        admin: identity.admin,
                    },
                    record: None,
                }),
                Err(refusal) => {
                    tracing::debug!(reason = %refusal, "a JWT was refused");
                    Err(refused_jwt(&refusal))
                }
            };
        }
    }
    match service.token(&digest(token)).await {
        Ok(Some(record)) => Ok(Identified {
            caller: Caller {
                token_id: record.id.clone(),
                project: record.project.clone(),
                admin: record.admin,
            },
            record: Some(record),
        }),
        Ok(None) => Err(unauthorized(INVALID_TOKEN)),
        Err(crate::service::ServiceError::Unavailable(detail)) => Err(ApiError::Unavailable {
            detail: format!("cannot check the API token: {detail}"),
            style: super::error::Style::Fault,
        }
        .into_response()),
        Err(err) => Err(ApiError::Internal {
            detail: format!("cannot check the API token: {err}"),
            style: super::error::Style::Fault,
        }
        .into_response()),
    }
}

/// A new token: its id and its text (shown once, never stored).
pub fn new_token() -> Result<(String, String), getrandom::Error> {
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret)?;
    let mut id = [0u8; 6];
    getrandom::fill(&mut id)?;
    Ok((
        hex::encode(id),
        format!("{TOKEN_PREFIX}{}", hex::encode(secret)),
    ))
}

/// The digest a token is stored and looked up by.
pub fn digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The token a request carries, if any: a header, else the dashboard's
/// cookie.
fn presented(headers: &HeaderMap) -> Option<&str> {
    header_token(headers).or_else(|| cookie_token(headers))
}

fn cookie_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == COOKIE).then(|| value.trim())
        })
        .filter(|t| !t.is_empty())
}

fn header_token(headers: &HeaderMap) -> Option<&str> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, rest) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
        });
    bearer
        .or_else(|| {
            headers
                .get("x-auth-token")
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
        })
        .filter(|t| !t.is_empty())
}

/// Whether a request is served without a token.
fn open_without_token(method: &Method, path: &str) -> bool {
    let path = path.trim_end_matches('/');
    let read = matches!(*method, Method::GET | Method::HEAD);
    let webhook = *method == Method::POST
        && path
            .strip_prefix("/v2/events/")
            .is_some_and(|rest| rest.split('/').count() == 2);
    let login = *method == Method::POST
        && (matches!(path, "/ui/login" | "/ui/logout")
            || path == format!("{}/auth/tokens", super::keystone::PREFIX));
    let identity = read && path == super::keystone::PREFIX;
    webhook
        || login
        || identity
        || (read
            && (matches!(
                path,
                "" | "/health" | "/ready" | "/v2" | "/v2/openapi.json" | "/index.html"
            ) || path.starts_with("/ui/")))
}

fn unauthorized(message: &str) -> Response {
    let mut response = ApiError::client(StatusCode::UNAUTHORIZED, message).into_response();
    response
        .headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    response
}

/// A refused JWT: 401 with what is wrong, and RFC 6750's `invalid_token`.
fn refused_jwt(refusal: &oidc::Refusal) -> Response {
    let mut response = unauthorized(&refusal.to_string());
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer error=\"invalid_token\""),
    );
    response
}

/// The middleware: authenticates, then audits what the request changed.
pub(crate) async fn authenticate(
    State(gate): State<Arc<Gate>>,
    mut request: Request,
    next: Next,
) -> Response {
    if gate.auth.is_off() || open_without_token(request.method(), request.uri().path()) {
        return next.run(request).await;
    }
    let Some(token) = presented(request.headers()) else {
        return unauthorized(if gate.auth.tokens {
            "Authentication required: send an API token as 'Authorization: Bearer TOKEN' \
             or 'X-Auth-Token: TOKEN' (tokens are made by `bora token create`)"
        } else {
            "Authentication required: send a JWT of this server's OIDC issuer as \
             'Authorization: Bearer TOKEN' or 'X-Auth-Token: TOKEN'"
        });
    };
    let identified = match identify(&gate.auth, &gate.service, token).await {
        Ok(identified) => identified,
        Err(refused) => return refused,
    };
    if let Some(record) = &identified.record {
        gate.service.note_token_use(record);
    }
    let caller = identified.caller;
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    request.extensions_mut().insert(caller.clone());
    let response = next.run(request).await;
    if matches!(method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return response;
    }
    audit(&gate.service, &caller, &method, path, response).await
}

/// Writes the audit entry of a state-changing request; a created object's
/// id is read from the answer (`{"id": ...}`).
async fn audit(
    service: &Service,
    caller: &Caller,
    method: &Method,
    path: String,
    response: Response,
) -> Response {
    let status = response.status();
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|c| c.as_bytes().starts_with(b"application/json"));
    // Only an answer of known, small size is read for its id: a bigger or
    // streamed one passes through untouched.
    let small = axum::body::HttpBody::size_hint(response.body())
        .exact()
        .is_some_and(|n| n <= AUDIT_BODY_LIMIT as u64);
    let (response, target) = if *method == Method::POST && status.is_success() && json && small {
        let (parts, body) = response.into_parts();
        match axum::body::to_bytes(body, AUDIT_BODY_LIMIT).await {
            Ok(bytes) => {
                let target = serde_json::from_slice::<serde_json::Value>(&bytes)
                    .ok()
                    .and_then(|v| v.get("id").and_then(|id| id.as_str()).map(str::to_owned));
                (
                    Response::from_parts(parts, axum::body::Body::from(bytes)),
                    target,
                )
            }
            Err(err) => {
                tracing::warn!(%path, error = %err, "cannot read the answer for the audit log");
                (Response::from_parts(parts, axum::body::Body::empty()), None)
            }
        }
    } else {
        (response, None)
    };
    let entry = AuditEntry {
        id: crate::ids::new_id(),
        at: now_micros(),
        token_id: Some(caller.token_id.clone()),
        project: Some(caller.project.clone()),
        method: method.to_string(),
        path,
        status: status.as_u16(),
        target,
    };
    if let Err(err) = service.audit(entry).await {
        tracing::error!(error = %err, "cannot write the audit log");
    }
    response
}

/// The dashboard's sign-in and sign-out (not part of Mistral's API).
pub(crate) fn routes() -> axum::Router<ApiState> {
    axum::Router::new()
        .route("/ui/login", axum::routing::post(login))
        .route("/ui/logout", axum::routing::post(logout))
}

/// `POST /ui/login` `{"token": ...}`: checks the token (an API token or a
/// JWT, as the server takes them) and gives it back as the dashboard's
/// cookie.
async fn login(
    State(state): State<ApiState>,
    JsonObject(body): JsonObject,
) -> Result<Response, ApiError> {
    let Some(token) = body.get("token").and_then(|t| t.as_str()).map(str::trim) else {
        return Err(ApiError::bad_request("Expected {\"token\": \"...\"}"));
    };
    if let Err(refused) = identify(&state.auth, &state.service, token).await {
        return Ok(refused);
    }
    // Only a valid token's own characters can reach the header (hex for an
    // API token, base64url and dots for a JWT).
    let cookie = format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict");
    let value = HeaderValue::from_str(&cookie)
        .map_err(|_| ApiError::bad_request("The token holds characters a token never has"))?;
    Ok(([(header::SET_COOKIE, value)], StatusCode::NO_CONTENT).into_response())
}

/// `POST /ui/logout`: forgets the dashboard's cookie.
async fn logout() -> Response {
    let forget = HeaderValue::from_static(FORGET_COOKIE);
    ([(header::SET_COOKIE, forget)], StatusCode::NO_CONTENT).into_response()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_hashed() {
        let (id, token) = new_token().unwrap();
        let (other_id, other) = new_token().unwrap();
        assert_ne!(token, other);
        assert_ne!(id, other_id);
        assert!(token.starts_with(TOKEN_PREFIX));
        assert_eq!(token.len(), TOKEN_PREFIX.len() + 64);
        assert_eq!(digest(&token).len(), 64);
        assert_ne!(digest(&token), digest(&other));
    }

    #[test]
    fn sign_out_forgets_the_sign_in_cookie() {
        assert!(FORGET_COOKIE.starts_with(&format!("{COOKIE}=;")));
    }

    #[test]
    fn tokens_come_as_bearer_or_x_auth_token() {
        let mut headers = HeaderMap::new();
        assert_eq!(presented(&headers), None);
        headers.insert("x-auth-token", HeaderValue::from_static(" abc "));
        assert_eq!(presented(&headers), Some("abc"));
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer xyz"),
        );
        assert_eq!(presented(&headers), Some("xyz"));
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Basic Zm9v"),
        );
        assert_eq!(presented(&headers), Some("abc"));
        let mut cookies = HeaderMap::new();
        cookies.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; bora_token=tok; b=2"),
        );
        assert_eq!(presented(&cookies), Some("tok"));
    }

    #[test]
    fn only_health_docs_dashboard_and_webhooks_are_open() {
        assert!(open_without_token(&Method::GET, "/health"));
        assert!(open_without_token(&Method::GET, "/"));
        assert!(open_without_token(&Method::GET, "/ui/app.js"));
        assert!(open_without_token(&Method::GET, "/v2/"));
        assert!(open_without_token(&Method::POST, "/v2/events/ex/topic"));
        assert!(!open_without_token(&Method::GET, "/v2/events"));
        assert!(!open_without_token(&Method::GET, "/v2/workflows"));
        assert!(!open_without_token(&Method::POST, "/health"));
        assert!(!open_without_token(&Method::GET, "/metrics"));
        assert!(!open_without_token(&Method::POST, "/v2/events/a/b/c"));
        assert!(open_without_token(
            &Method::POST,
            "/identity/v3/auth/tokens"
        ));
        assert!(open_without_token(&Method::GET, "/identity/v3"));
    }
}
