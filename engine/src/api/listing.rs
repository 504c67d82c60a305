//! The lists of execution records (workflow, task and action executions),
//! whole or under a parent (the tasks of an execution, the actions and
//! sub-workflows of a task): list parameters checked and turned into a
//! store query, the service's page, field selection and the `next` link.
//! Shared by the resources that show these lists, so that none of them
//! imports another. Each list shows only what the caller's project sees.

use axum::http::HeaderMap;
use axum::response::Response;
use bora_store::ProjectScope;
use bora_store::queries::{action_column, execution_column, task_column};

use super::ApiState;
use super::error::ApiError;
use super::records::{
    ACTION_FIELDS, EXECUTION_FIELDS, Parts, TASK_FIELDS, action_to_wire, execution_to_wire,
    task_to_wire,
};
use super::wire::ListParams;

/// An execution list, optionally restricted to the sub-workflows of a task.
pub(super) async fn list_executions(
    state: &ApiState,
    scope: &ProjectScope,
    headers: &HeaderMap,
    pairs: Vec<(String, String)>,
    task_id: Option<&str>,
    path: &str,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", EXECUTION_FIELDS)?;
    let parent = task_id.map(|id| ("e.task_execution_id", id));
    let mut query = params.store_query_under(execution_column, parent)?;
    query.project = scope.filter().map(str::to_owned);
    let parts = Parts {
        data: true,
        output: params.flag("include_output"),
    };
    let items = state
        .service
        .list_executions(&query)
        .await?
        .iter()
        .map(|e| execution_to_wire(e, parts))
        .collect();
    Ok(params.reply_page(headers, path, "executions", items))
}

/// A task list (no `result`), optionally of one workflow execution.
pub(super) async fn list_tasks(
    state: &ApiState,
    scope: &ProjectScope,
    headers: &HeaderMap,
    pairs: Vec<(String, String)>,
    execution_id: Option<&str>,
    path: &str,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", TASK_FIELDS)?;
    let parent = execution_id.map(|id| ("t.workflow_execution_id", id));
    let mut query = params.store_query_under(task_column, parent)?;
    query.project = scope.filter().map(str::to_owned);
    let items = state
        .service
        .list_tasks(&query)
        .await?
        .iter()
        .map(|(t, owner)| task_to_wire(t, owner, None))
        .collect();
    Ok(params.reply_page(headers, path, "tasks", items))
}

/// An action execution list (no `output` unless `include_output`),
/// optionally of one task.
pub(super) async fn list_action_executions(
    state: &ApiState,
    scope: &ProjectScope,
    headers: &HeaderMap,
    pairs: Vec<(String, String)>,
    task_id: Option<&str>,
    path: &str,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", ACTION_FIELDS)?;
    let parent = task_id.map(|id| ("a.task_execution_id", id));
    let mut query = params.store_query_under(action_column, parent)?;
    query.project = scope.filter().map(str::to_owned);
    let output = params.flag("include_output");
    let items = state
        .service
        .list_action_executions(&query)
        .await?
        .iter()
        .map(|a| action_to_wire(a, output))
        .collect();
    Ok(params.reply_page(headers, path, "action_executions", items))
}
