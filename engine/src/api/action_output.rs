//! `GET /v2/action_executions/{id}/logs` (Bora's own): what an action
//! execution printed on stdout and stderr and sent through its `log`
//! import, as the executor kept it (64 KiB at most, cut with a note).

use axum::Json;
use axum::extract::{Path, State};
use serde_json::{Value, json};

use super::{ApiError, ApiState};

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
