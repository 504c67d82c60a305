//! `/v2/executions`: start, list, get, update (state, description, env) and
//! delete workflow executions, and list an execution's tasks.

use super::openapi as doc;
use super::projects::Scope;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bora_core::records::{ActionExecution, WorkflowExecution};
use bora_core::state::State as ExecState;
use serde_json::{Map, Value};

use super::error::ApiError;
use super::records::{EXECUTION_FIELDS, FULL, Parts, execution_to_wire};
use super::wire::{ListParams, json_field, jstr_map, opt_str, opt_time, reply, time};
use super::{ApiState, JsonObject, Pairs, listing};
use crate::service::{ExecutionUpdate, StartRequest, TaskReport, TreeFilter, WorkflowReport};

#[utoipa::path(post, operation_id = "executions_create", path = "/v2/executions", tag = "executions", request_body = doc::ExecutionCreate, responses((status = 201, description = "Started", body = doc::Execution), (status = 200, description = "Existing execution of that id", body = doc::Execution), (status = 400, description = "Bad request", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn create(
    State(state): State<ApiState>,
    Scope(scope): Scope,
    JsonObject(body): JsonObject,
) -> Result<Response, ApiError> {
    let text = |key: &str| -> Result<Option<String>, ApiError> {
        match body.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(ApiError::bad_request(format!(
                "Invalid value for '{key}': expected a string, got {other}"
            ))),
        }
    };
    let mut input = json_field(body.get("input"))?;
    let mut params = json_field(body.get("params"))?;
    let mut description = text("description")?.unwrap_or_default();
    let mut workflow = text("workflow_id")?
        .filter(|s| !s.is_empty())
        .or(text("workflow_name")?.filter(|s| !s.is_empty()));
    let mut namespace = text("workflow_namespace")?.unwrap_or_default();
    if let Some(source_id) = text("source_execution_id")?.filter(|s| !s.is_empty()) {
        // Mistral copies the workflow, input and params of the source.
        let source = state.service.get_execution(&source_id).await?;
        if !scope.sees(&source.project_id) {
            return Err(ApiError::not_found(format!(
                "WorkflowExecution not found [id={source_id}]"
            )));
        }
        workflow = Some(source.workflow_id.clone());
        namespace = source.workflow_namespace.clone();
        if body.get("input").is_none() {
            input = source.input.clone();
        }
        if body.get("params").is_none() {
            params = source.params.clone();
        }
        description = format!("{description} Based on the execution '{source_id}'")
            .trim_start()
            .to_owned();
    }
    let Some(workflow) = workflow else {
        return Err(ApiError::bad_request(
            "Workflow ID or workflow name must be provided. Workflow ID is recommended.",
        ));
    };
    if namespace.is_empty()
        && let Some(Value::String(ns)) = params.get("namespace")
    {
        namespace = ns.clone();
    }
    let (started, created) = state
        .service
        .start(StartRequest {
            workflow,
            namespace,
            input,
            params,
            description,
            id: text("id")?.filter(|s| !s.is_empty()),
            scope,
        })
        .await?;
    // A start retried with the same client-chosen id answers 200 with the
    // execution the first request created.
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok(reply(
        status,
        &Value::Object(execution_to_wire(&started.execution, FULL)),
    ))
}

#[utoipa::path(get, operation_id = "executions_list", path = "/v2/executions", tag = "executions", params(doc::ListQuery), responses((status = 200, description = "OK", body = doc::ExecutionList), (status = 400, description = "Bad request", body = doc::Fault)))]
pub async fn list(
    State(state): State<ApiState>,
    Scope(scope): Scope,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    listing::list_executions(&state, &scope, &headers, pairs, None, "executions").await
}

#[utoipa::path(get, operation_id = "executions_get_one", path = "/v2/executions/{id}", tag = "executions", params(("id" = String, Path), doc::ListQuery), responses((status = 200, description = "OK", body = doc::Execution), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn get_one(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", EXECUTION_FIELDS)?;
    let execution = state.service.get_execution(&id).await?;
    let published_global = state.service.published_global(&id).await?;
    let mut m = execution_to_wire(&execution, FULL);
    m.insert("published_global".into(), jstr_map(&published_global));
    Ok(params.reply_one(m))
}

#[utoipa::path(put, operation_id = "executions_update", path = "/v2/executions/{id}", tag = "executions", params(("id" = String, Path)), request_body = doc::ExecutionUpdate, responses((status = 200, description = "OK", body = doc::Execution), (status = 400, description = "Bad request", body = doc::Fault), (status = 403, description = "Not allowed in this state", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn update(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    JsonObject(body): JsonObject,
) -> Result<Response, ApiError> {
    let string = |key: &str| match body.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    };
    let new_state = string("state");
    let description = string("description");
    let mut env = match body.get("env") {
        None | Some(Value::Null) => None,
        value => Some(json_field(value)?),
    };
    if env.is_none() {
        let params = json_field(body.get("params"))?;
        if let Some(value) = params.get("env") {
            env = Some(json_field(Some(value))?);
        }
    }
    if new_state.is_none() && description.is_none() && env.is_none() {
        return Err(ApiError::bad_request(
            "The property state, description, or env is not provided for update.",
        ));
    }
    if description.is_some() && new_state.is_some() {
        return Err(ApiError::bad_request(
            "The property description must be updated separately from state.",
        ));
    }
    let env_given = env.is_some();
    let (target, parts) = match &new_state {
        None => (
            None,
            Parts {
                data: env_given,
                output: env_given,
            },
        ),
        Some(new_state) => {
            let target: ExecState = new_state.parse().map_err(|_| {
                ApiError::bad_request(format!(
                    "Cannot change state to {new_state}. Allowed states are: 'RUNNING, PAUSED, SUCCESS, ERROR, CANCELLED"
                ))
            })?;
            (Some(target), FULL)
        }
    };
    let update = ExecutionUpdate {
        state: target,
        state_info: string("state_info"),
        description,
        env,
    };
    let updated = state.service.update_execution(&id, update).await?;
    Ok(reply(
        StatusCode::OK,
        &Value::Object(execution_to_wire(&updated.execution, parts)),
    ))
}

#[utoipa::path(delete, operation_id = "executions_delete", path = "/v2/executions/{id}", tag = "executions", params(("id" = String, Path)), responses((status = 204, description = "Deleted"), (status = 403, description = "Still running", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn delete(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse(pairs, "created_at")?;
    state
        .service
        .delete_execution(&id, params.flag("force"))
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(get, operation_id = "executions_tasks", path = "/v2/executions/{id}/tasks", tag = "executions", params(("id" = String, Path), doc::ListQuery), responses((status = 200, description = "OK", body = doc::TaskList), (status = 400, description = "Bad request", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn tasks(
    State(state): State<ApiState>,
    Scope(scope): Scope,
    headers: HeaderMap,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    state.service.get_execution(&id).await?;
    listing::list_tasks(
        &state,
        &scope,
        &headers,
        pairs,
        Some(&id),
        &format!("executions/{id}/tasks"),
    )
    .await
}

/// What a report or a sub-execution tree includes. Mistral takes
/// `errors_only` as Python's `bool()` of the text: true for any non-empty
/// value, even `false` (API-QUIRKS 12); absent or empty (what the CLI sends
/// by default) lists everything.
fn tree_filter(params: &ListParams) -> Result<TreeFilter, ApiError> {
    let max_depth = match params.get("max_depth") {
        None => -1,
        Some(raw) => raw.trim().parse::<i64>().map_err(|_| {
            ApiError::bad_request(format!(
                "Invalid input for field/attribute max_depth. Value: '{raw}'. \
                 unable to convert to int"
            ))
        })?,
    };
    Ok(TreeFilter {
        errors_only: params.get("errors_only").is_some_and(|v| !v.is_empty()),
        max_depth,
    })
}

/// The fields a report shows of every execution, task and action.
fn report_head(
    m: &mut Map<String, Value>,
    id: &str,
    name: &str,
    created_at: i64,
    updated_at: Option<i64>,
    state: ExecState,
    state_info: Option<&str>,
) {
    m.insert("id".into(), id.into());
    m.insert("name".into(), name.into());
    m.insert("created_at".into(), time(created_at));
    m.insert("updated_at".into(), opt_time(updated_at));
    m.insert("state".into(), state.as_str().into());
    m.insert("state_info".into(), opt_str(state_info));
}

fn report_action(a: &ActionExecution) -> Value {
    let mut m = Map::new();
    m.insert("accepted".into(), a.accepted.into());
    // Bora has no heartbeats; the action's start stands in.
    m.insert("last_heartbeat".into(), time(a.created_at));
    report_head(
        &mut m,
        &a.id,
        &a.name,
        a.created_at,
        a.updated_at,
        a.state,
        a.state_info.as_deref(),
    );
    Value::Object(m)
}

fn report_task(t: &TaskReport) -> Value {
    let task = &t.task;
    let mut m = Map::new();
    m.insert(
        "action_executions".into(),
        Value::Array(t.actions.iter().map(report_action).collect()),
    );
    m.insert(
        "workflow_executions".into(),
        Value::Array(t.workflows.iter().map(report_workflow).collect()),
    );
    report_head(
        &mut m,
        &task.id,
        &task.name,
        task.created_at,
        task.updated_at,
        task.state,
        task.state_info.as_deref(),
    );
    if let Some(retry) = &task.runtime_context.retry_task_policy {
        m.insert("retry_count".into(), retry.retry_no.into());
    }
    Value::Object(m)
}

/// A workflow execution's report entry, with its tasks unless it was too
/// deep to include them.
fn report_workflow(w: &WorkflowReport) -> Value {
    let e = &w.execution;
    let mut m = Map::new();
    report_head(
        &mut m,
        &e.id,
        &e.workflow_name,
        e.created_at,
        e.updated_at,
        e.state,
        e.state_info.as_deref(),
    );
    if let Some(tasks) = &w.tasks {
        m.insert(
            "task_executions".into(),
            Value::Array(tasks.iter().map(report_task).collect()),
        );
    }
    Value::Object(m)
}

/// `GET /v2/executions/{id}/report`: the execution tree with tasks, their
/// actions and sub-workflows, and task statistics.
#[utoipa::path(get, operation_id = "executions_report", path = "/v2/executions/{id}/report", tag = "executions", params(("id" = String, Path)), responses((status = 200, description = "The report", body = serde_json::Value), (status = 400, description = "Bad request", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn report(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse(pairs, "created_at")?;
    let filter = tree_filter(&params)?;
    let report = state.service.execution_report(&id, filter).await?;
    let stats = &report.statistics;
    let mut statistics = Map::new();
    statistics.insert("total_tasks_count".into(), stats.total.into());
    statistics.insert("running_tasks_count".into(), stats.running.into());
    statistics.insert("success_tasks_count".into(), stats.success.into());
    statistics.insert("error_tasks_count".into(), stats.error.into());
    statistics.insert("idle_tasks_count".into(), stats.idle.into());
    statistics.insert("paused_tasks_count".into(), stats.paused.into());
    statistics.insert("estimated_time".into(), report.estimated_time.into());
    let mut body = Map::new();
    body.insert("statistics".into(), Value::Object(statistics));
    if !params.flag("statistics_only") {
        body.insert(
            "root_workflow_execution".into(),
            report_workflow(&report.root),
        );
    }
    Ok(reply(StatusCode::OK, &Value::Object(body)))
}

/// What a sub-execution tree request includes, and how much of each
/// execution it shows.
fn tree_params(pairs: Vec<(String, String)>) -> Result<(TreeFilter, Parts), ApiError> {
    let params = ListParams::parse(pairs, "created_at")?;
    let parts = Parts {
        data: true,
        output: params.flag("include_output"),
    };
    Ok((tree_filter(&params)?, parts))
}

fn tree_reply(executions: &[WorkflowExecution], parts: Parts) -> Response {
    let list = executions
        .iter()
        .map(|e| Value::Object(execution_to_wire(e, parts)))
        .collect();
    let mut body = Map::new();
    body.insert("executions".into(), Value::Array(list));
    reply(StatusCode::OK, &Value::Object(body))
}

/// `GET /v2/executions/{id}/executions`: the execution and every
/// sub-workflow under it, in pre-order.
#[utoipa::path(get, operation_id = "executions_executions_tree", path = "/v2/executions/{id}/executions", tag = "executions", params(("id" = String, Path)), responses((status = 200, description = "The execution and its sub-workflows", body = doc::ExecutionList), (status = 400, description = "Bad request", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn executions_tree(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let (filter, parts) = tree_params(pairs)?;
    let tree = state.service.sub_executions(&id, filter).await?;
    Ok(tree_reply(&tree, parts))
}

/// `GET /v2/tasks/{id}/executions`: the sub-workflow trees of a task.
#[utoipa::path(get, operation_id = "executions_task_executions_tree", path = "/v2/tasks/{id}/executions", tag = "tasks", params(("id" = String, Path)), responses((status = 200, description = "The sub-workflows of the task, with theirs", body = doc::ExecutionList), (status = 400, description = "Bad request", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn task_executions_tree(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let (filter, parts) = tree_params(pairs)?;
    let tree = state.service.task_sub_executions(&id, filter).await?;
    Ok(tree_reply(&tree, parts))
}
