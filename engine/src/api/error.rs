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
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        ServiceError::from(err).into()
    }
}

fn body(style: Style, message: &str) -> Value {
    match style {
        Style::Fault => json!({"faultcode": "Client", "faultstring": message, "debuginfo": null}),
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
            } => (status, body(style, &message), style),
            ApiError::NotAcceptable => (
                StatusCode::NOT_ACCEPTABLE,
                json!({"code": 406, "title": "Not Acceptable", "description": null}),
                Style::Text,
            ),
            ApiError::Internal { detail, style } => {
                tracing::error!(error = %detail, "internal error answering a request");
                let value = match style {
                    Style::Fault => json!({
                        "faultcode": "Server",
                        "faultstring": "Internal server error",
                        "debuginfo": null
                    }),
                    Style::Text => json!({"faultstring": "Internal server error"}),
                };
                (StatusCode::INTERNAL_SERVER_ERROR, value, style)
            }
        };
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
}
