//! `PUT /v2/action_executions/{id}`: an outside worker reports the result of
//! an asynchronous action (e.g. `std.async_noop`): `{"state": "SUCCESS",
//! "output": ...}` or `{"state": "ERROR", "output": <error>}`.

use super::openapi as doc;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use bora_core::records::ActionResult;
use serde_json::Value;

use super::error::ApiError;
use super::records::action_to_wire;
use super::wire::reply;
use super::{ApiState, JsonObject};

/// The states Mistral names in its refusal, in its order.
const STATES: &str = "['SUCCESS', 'ERROR', 'CANCELLED', 'PAUSED', 'RUNNING']";

/// The reported output: JSON text is parsed (the client sends strings),
/// anything else is taken as it is.
fn output_value(value: Option<&Value>) -> Value {
    match value {
        None => Value::Null,
        Some(Value::String(text)) => {
            serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.clone()))
        }
        Some(other) => other.clone(),
    }
}

/// Python truthiness of an output (an empty error becomes Mistral's
/// `Unknown error`).
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Number(n) => n.as_f64() == Some(0.0),
    }
}

#[utoipa::path(put, operation_id = "action_complete_update", path = "/v2/action_executions/{id}", tag = "action_executions", params(("id" = String, Path)), request_body = doc::ActionComplete, responses((status = 200, description = "OK", body = doc::ActionExecution), (status = 400, description = "Bad request", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn update(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    JsonObject(body): JsonObject,
) -> Result<Response, ApiError> {
    let target = body.get("state").and_then(Value::as_str).unwrap_or("");
    let output = output_value(body.get("output"));
    let result = match target {
        "SUCCESS" => ActionResult::Success(output),
        "ERROR" if is_empty(&output) => ActionResult::Error(Value::String("Unknown error".into())),
        "ERROR" => ActionResult::Error(output),
        "CANCELLED" => ActionResult::Cancelled,
        "PAUSED" | "RUNNING" => {
            return Err(ApiError::bad_request(format!(
                "Changing an action execution to {target} is not supported; \
                 report SUCCESS, ERROR or CANCELLED."
            )));
        }
        _ => {
            // Python's `str()` of whatever was given.
            let shown = body
                .get("state")
                .map_or_else(|| "None".to_owned(), bora_expr::python::to_str);
            return Err(ApiError::bad_request(format!(
                "Error. Expected one of {STATES}, actual: {shown}"
            )));
        }
    };
    let action = state.service.complete_action(&id, result).await?;
    Ok(reply(
        StatusCode::OK,
        &Value::Object(action_to_wire(&action, true)),
    ))
}
