//! `GET /v2/action_executions/{id}/logs` (Bora's own): what an action
//! execution printed on stdout and stderr and sent through its `log`
//! import, as the executor kept it (64 KiB at most, cut with a note).

use axum::Json;
use axum::extract::{Path, State};
use serde_json::{Value, json};

use super::{ApiError, ApiState};

#[utoipa::path(get, operation_id = "action_executions_logs", path = "/v2/action_executions/{id}/logs", tag = "action_executions", params(("id" = String, Path, description = "The action execution's id")), responses((status = 200, description = "What the action printed and logged (64 KiB at most)", body = serde_json::Value), (status = 404, description = "No such action execution", body = serde_json::Value)))]
pub async fn logs(
    State(state): State<ApiState>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let transcript = state.service.action_output(&id).await?;
    Ok(Json(json!({
        "id": id,
        "stdout": transcript.stdout,
        "stderr": transcript.stderr,
        "logs": transcript.logs,
        "truncated": transcript.truncated,
    })))
}
