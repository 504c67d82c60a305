//! One error type for every handler, rendered as Mistral renders faults:
//! `{"faultcode": "Client"|"Server", "faultstring": ..., "debuginfo": null}`
//! for the JSON endpoints, `{"faultstring": ...}` for the text/plain (YAML)
//! ones. Internal errors are logged and never echoed to the client.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::service::ServiceError;
use bora_store::StoreError;

/// The body style of an error: Mistral's WSME faults, or the bare
/// `faultstring` of its text/plain endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Fault,
    Text,
}

/// An error answer of the REST API.
#[derive(Debug)]
pub enum ApiError {
    /// A client error with its status and Mistral's message.
    Client {
        status: StatusCode,
        message: String,
        style: Style,
    },
    /// `Accept` asks for something the text/plain endpoints do not give.
    NotAcceptable,
    /// A server-side failure; `detail` is logged only.
    Internal { detail: String, style: Style },
    /// The database cannot be reached right now (HTTP 503 with
    /// `Retry-After`); `detail` is logged only.
    Unavailable { detail: String, style: Style },
}

impl ApiError {
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::client(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::client(StatusCode::NOT_FOUND, message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::client(StatusCode::FORBIDDEN, message)
    }

    pub fn client(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError::Client {
            status,
            message: message.into(),
            style: Style::Fault,
        }
    }

    /// The same error as the text/plain endpoints render it.
    pub fn text(self) -> Self {
        match self {
            ApiError::Client {
                status, message, ..
            } => ApiError::Client {
                status,
                message,
                style: Style::Text,
            },
            ApiError::Internal { detail, .. } => ApiError::Internal {
                detail,
                style: Style::Text,
            },
            ApiError::Unavailable { detail, .. } => ApiError::Unavailable {
                detail,
                style: Style::Text,
            },
            other => other,
        }
    }
}

impl From<ServiceError> for ApiError {
    fn from(err: ServiceError) -> Self {
        match err {
            ServiceError::NotFound(m) => ApiError::not_found(m),
            ServiceError::BadRequest(m) => ApiError::bad_request(m),
            ServiceError::Duplicate(m) => ApiError::client(StatusCode::CONFLICT, m),
            ServiceError::Forbidden(m) => ApiError::forbidden(m),
            ServiceError::Internal(detail) => ApiError::Internal {
                detail,
                style: Style::Fault,
            },
            ServiceError::Unavailable(detail) => ApiError::Unavailable {
                detail,
                style: Style::Fault,
            },
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        ServiceError::from(err).into()
    }
}

/// A fault's body: `faultcode` is "Client" or "Server" (whose message is
/// generic, never the logged detail).
fn fault(style: Style, faultcode: &str, message: &str) -> Value {
    match style {
        Style::Fault => json!({"faultcode": faultcode, "faultstring": message, "debuginfo": null}),
        Style::Text => json!({ "faultstring": message }),
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, value, style) = match self {
            ApiError::Client {
                status,
                message,
                style,
            } => (status, fault(style, "Client", &message), style),
            ApiError::NotAcceptable => (
                StatusCode::NOT_ACCEPTABLE,
                json!({"code": 406, "title": "Not Acceptable", "description": null}),
                Style::Text,
            ),
            ApiError::Internal { detail, style } => {
                tracing::error!(error = %detail, "internal error answering a request");
                let value = fault(style, "Server", "Internal server error");
                (StatusCode::INTERNAL_SERVER_ERROR, value, style)
            }
            ApiError::Unavailable { detail, style } => {
                tracing::warn!(error = %detail, "database unavailable answering a request");
                return unavailable(style);
            }
        };
        reply(status, &value, style)
    }
}

/// The answer while the database cannot be reached: 503, worth a retry
/// soon (the pool replaces lost connections itself).
pub(super) fn unavailable(style: Style) -> Response {
    let value = fault(
        style,
        "Server",
        "The database is unavailable; try again shortly",
    );
    let mut response = reply(StatusCode::SERVICE_UNAVAILABLE, &value, style);
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
    response
}

fn reply(status: StatusCode, value: &Value, style: Style) -> Response {
    let content_type = match style {
        Style::Fault => "application/json",
        Style::Text => "application/json;charset=utf-8",
    };
    (
        status,
        [(header::CONTENT_TYPE, content_type)],
        value.to_string(),
    )
        .into_response()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use axum::body::to_bytes;
    use axum::http::{StatusCode, header};
    use axum::response::IntoResponse;
    use bora_store::StoreError;
    use serde_json::{Value, json};

    use super::ApiError;

    async fn render(err: ApiError) -> (StatusCode, Option<String>, Value) {
        let response = err.into_response();
        let status = response.status();
        let retry = response
            .headers()
            .get(header::RETRY_AFTER)
            .map(|v| v.to_str().unwrap().to_owned());
        let body = to_bytes(response.into_body(), 1 << 16).await.unwrap();
        (status, retry, serde_json::from_slice(&body).unwrap())
    }

    #[tokio::test]
    async fn an_unreachable_database_is_a_503_to_retry_and_its_detail_stays_in_the_log() {
        let err = ApiError::from(StoreError::Unavailable("connection reset: 10.0.0.5".into()));
        let (status, retry, body) = render(err).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(retry.as_deref(), Some("1"));
        assert_eq!(
            body,
            json!({"faultcode": "Server",
                   "faultstring": "The database is unavailable; try again shortly",
                   "debuginfo": null})
        );
        let (status, retry, body) = render(
            ApiError::from(StoreError::Database("syntax error near 10.0.0.5".into())).text(),
        )
        .await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(retry, None);
        assert_eq!(body, json!({"faultstring": "Internal server error"}));
    }
}
