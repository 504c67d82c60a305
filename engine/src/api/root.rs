//! `GET /` (API versions) and `GET /v2`.

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::wire::{base_url, reply};

pub async fn versions(headers: HeaderMap) -> Response {
    let base = base_url(&headers);
    reply(
        StatusCode::OK,
        &json!({"versions": [{
            "id": "v2.0",
            "status": "CURRENT",
            "links": [{"href": format!("{base}/v2"), "target": "v2", "rel": "self"}]
        }]}),
    )
}

pub async fn redirect_v2(headers: HeaderMap) -> Response {
    let location = format!("{}/v2/", base_url(&headers));
    (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
}

#[utoipa::path(get, operation_id = "root_v2", path = "/v2/", tag = "service", responses((status = 200, description = "The API's address", body = serde_json::Value)))]
pub async fn v2(headers: HeaderMap) -> Response {
    reply(
        StatusCode::OK,
        &json!({"uri": format!("{}/v2", base_url(&headers))}),
    )
}
