//! The little of Keystone's identity API v3 that python-mistralclient needs
//! to send a Bora API token. Given `--os-auth-token`, the client's Keystone
//! plugin first exchanges the token at `{auth_url}/auth/tokens` and then
//! sends what it got back as `X-Auth-Token`. With `--os-auth-url
//! http://HOST:PORT/identity/v3`, Bora answers that exchange itself: a live
//! Bora token comes back unchanged (with a catalog naming this API as the
//! `workflowv2` endpoint), as does a valid JWT when the server takes OIDC
//! tokens; anything else gets a 401. No password logins: Bora's tokens are
//! made by `bora token create`.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::auth::identify;
use super::{ApiError, ApiState, JsonObject};

/// Where the identity API is served.
pub(crate) const PREFIX: &str = "/identity/v3";

/// The identity routes (open without a token: they are how one is shown).
pub(crate) fn routes() -> axum::Router<ApiState> {
    axum::Router::new()
        .route(PREFIX, axum::routing::get(version))
        .route(
            &format!("{PREFIX}/auth/tokens"),
            axum::routing::post(exchange),
        )
}

/// The base URL the client reached this server at.
fn base(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1:8989");
    format!("http://{host}")
}

/// `GET /identity/v3`: Keystone's version document (the client's discovery).
async fn version(headers: HeaderMap) -> Response {
    let base = base(&headers);
    axum::Json(json!({
        "version": {
            "id": "v3.14",
            "status": "stable",
            "updated": "2020-04-07T00:00:00Z",
            "links": [{"rel": "self", "href": format!("{base}{PREFIX}/")}],
            "media-types": [{"base": "application/json",
                             "type": "application/vnd.openstack.identity-v3+json"}],
        }
    }))
    .into_response()
}

/// `POST /identity/v3/auth/tokens` with the `token` method: a live Bora
/// token (or a valid JWT) is given back as `X-Subject-Token`.
async fn exchange(
    State(state): State<ApiState>,
    headers: HeaderMap,
    JsonObject(body): JsonObject,
) -> Result<Response, ApiError> {
    let identity = &body.get("auth").cloned().unwrap_or(Value::Null)["identity"];
    let methods = identity["methods"].as_array().cloned().unwrap_or_default();
    if !methods.iter().any(|m| m == "token") {
        return Err(ApiError::client(
            StatusCode::UNAUTHORIZED,
            "Only the token method is supported: Bora's API tokens are made by \
             `bora token create` (no password logins)",
        ));
    }
    let Some(token) = identity["token"]["id"].as_str() else {
        return Err(ApiError::bad_request("Expected auth.identity.token.id"));
    };
    let caller = match identify(&state.auth, &state.service, token).await {
        Ok(identified) => identified.caller,
        Err(refused) => return Ok(refused),
    };
    let base = base(&headers);
    let now = chrono::Utc::now();
    // Bora's tokens do not expire; the client wants a time (a year ahead).
    let expires = now + chrono::Duration::days(365);
    let stamp = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string();
    let domain = json!({"id": "default", "name": "Default"});
    let body = json!({
        "token": {
            "methods": ["token"],
            "issued_at": stamp(now),
            "expires_at": stamp(expires),
            "user": {"id": caller.token_id, "name": caller.token_id, "domain": domain},
            "project": {"id": caller.project, "name": caller.project, "domain": domain},
            "roles": [{"id": "member", "name": if caller.admin { "admin" } else { "member" }}],
            "catalog": [{
                "type": "workflowv2",
                "name": "bora",
                "id": "bora",
                "endpoints": [{"id": "bora-public", "interface": "public",
                               "region": "RegionOne", "region_id": "RegionOne",
                               "url": format!("{base}/v2")}],
            }],
        }
    });
    let subject = HeaderValue::from_str(token)
        .map_err(|_| ApiError::bad_request("The token holds characters a token never has"))?;
    let mut response = (StatusCode::CREATED, axum::Json(body)).into_response();
    response.headers_mut().insert("x-subject-token", subject);
    Ok(response)
}
