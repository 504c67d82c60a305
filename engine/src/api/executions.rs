//! `/v2/executions`: start, list, get, update (state, description, env) and
//! delete workflow executions, and list an execution's tasks.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bora_core::records::WorkflowExecution;
use bora_core::state::State as ExecState;
use bora_store::queries::{Filter, FilterOp, execution_column};
use serde_json::{Map, Value};

use super::error::ApiError;
use super::wire::{ListParams, PROJECT, json_field, jstr, opt_str, opt_time, reply, time};
use super::{ApiState, JsonObject, Pairs, tasks};
use crate::service::StartRequest;

const FIELDS: &[&str] = &[
    "id",
    "workflow_id",
    "workflow_name",
    "workflow_namespace",
    "description",
    "tags",
    "params",
    "task_execution_id",
    "root_execution_id",
    "source_execution_id",
    "state",
    "state_info",
    "input",
    "output",
    "created_at",
    "updated_at",
    "project_id",
    "published_global",
];

/// Which of the big fields an answer carries.
#[derive(Clone, Copy)]
pub(super) struct Parts {
    /// `params` and `input`.
    pub data: bool,
    pub output: bool,
}

pub(super) fn to_wire(e: &WorkflowExecution, parts: Parts) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), e.id.clone().into());
    m.insert("workflow_id".into(), e.workflow_id.clone().into());
    m.insert("workflow_name".into(), e.workflow_name.clone().into());
    m.insert(
        "workflow_namespace".into(),
        e.workflow_namespace.clone().into(),
    );
    m.insert("description".into(), e.description.clone().into());
    m.insert("tags".into(), e.tags.clone().into());
    if parts.data {
        m.insert("params".into(), jstr(&e.params));
    }
    m.insert(
        "task_execution_id".into(),
        opt_str(e.task_execution_id.as_deref()),
    );
    m.insert(
        "root_execution_id".into(),
        opt_str(e.root_execution_id.as_deref()),
    );
    if let Some(source) = &e.source_execution_id {
        m.insert("source_execution_id".into(), source.clone().into());
    }
    m.insert("state".into(), e.state.as_str().into());
    m.insert("state_info".into(), opt_str(e.state_info.as_deref()));
    if parts.data {
        m.insert("input".into(), jstr(&e.input));
    }
    if parts.output {
        m.insert("output".into(), jstr(&e.output));
    }
    m.insert("created_at".into(), time(e.created_at));
    m.insert("updated_at".into(), opt_time(e.updated_at));
    m.insert("project_id".into(), PROJECT.into());
    m
}

const FULL: Parts = Parts {
    data: true,
    output: true,
};

pub async fn create(
    State(state): State<ApiState>,
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
        let source = state
            .service
            .store()
            .get_execution(&source_id)
            .await?
            .execution;
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
        &Value::Object(to_wire(&started.execution, FULL)),
    ))
}

pub async fn list(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    list_with(&state, &headers, pairs, None, "executions").await
}

/// An execution list, optionally restricted to the sub-workflows of a task.
pub(super) async fn list_with(
    state: &ApiState,
    headers: &HeaderMap,
    pairs: Vec<(String, String)>,
    task_id: Option<&str>,
    path: &str,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let parent = task_id.map(|id| ("e.task_execution_id", id));
    let query = params.store_query_under(execution_column, parent)?;
    let parts = Parts {
        data: true,
        output: params.flag("include_output"),
    };
    let items = state
        .service
        .store()
        .list_executions(&query)
        .await?
        .iter()
        .map(|s| to_wire(&s.execution, parts))
        .collect();
    Ok(params.reply_page(headers, path, "executions", items))
}

pub async fn get_one(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let store = state.service.store();
    let stored = store.get_execution(&id).await?;
    // What tasks published with `global`, later publications winning.
    let mut published_global = Map::new();
    for published in store.published_globals(&id).await? {
        published_global.extend(published);
    }
    let mut m = to_wire(&stored.execution, FULL);
    m.insert("published_global".into(), jstr(&published_global));
    Ok(params.reply_one(m))
}

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
    let service = &state.service;
    let Some(new_state) = new_state else {
        if env.is_some() {
            let current = service.store().get_execution(&id).await?.execution.state;
            if !matches!(
                current,
                ExecState::Idle | ExecState::Paused | ExecState::Error
            ) {
                return Err(ApiError::forbidden(
                    "Updating env to workflow execution is only permitted if it is in IDLE, \
                     PAUSED, or ERROR state.",
                ));
            }
        }
        let updated = service
            .update_execution_details(&id, description.as_deref(), env.as_ref())
            .await?;
        let parts = Parts {
            data: env.is_some(),
            output: env.is_some(),
        };
        return Ok(reply(
            StatusCode::OK,
            &Value::Object(to_wire(&updated.execution, parts)),
        ));
    };
    let target: ExecState = new_state.parse().map_err(|_| {
        ApiError::bad_request(format!(
            "Cannot change state to {new_state}. Allowed states are: 'RUNNING, PAUSED, SUCCESS, ERROR, CANCELLED"
        ))
    })?;
    if env.is_some() {
        if target != ExecState::Running {
            return Err(ApiError::bad_request(
                "The property env can only be updated when workflow execution is not running \
                 or on resume from pause.",
            ));
        }
        service
            .update_execution_details(&id, None, env.as_ref())
            .await?;
    }
    let message = string("state_info");
    let updated = service.set_execution_state(&id, target, message).await?;
    Ok(reply(
        StatusCode::OK,
        &Value::Object(to_wire(&updated.execution, FULL)),
    ))
}

pub async fn delete(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse(pairs, "created_at")?;
    let current = state.service.store().get_execution(&id).await?.execution;
    if !params.flag("force") && !current.state.is_completed() {
        return Err(ApiError::forbidden(format!(
            "Only completed executions can be deleted. Use --force to override this. \
             Execution {id} is in {} state",
            current.state
        )));
    }
    state.service.delete_execution(&id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub async fn tasks(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    state.service.store().get_execution(&id).await?;
    tasks::list_with(
        &state,
        &headers,
        pairs,
        Some(&id),
        &format!("executions/{id}/tasks"),
    )
    .await
}

/// Tasks counted by state for the report (Mistral's statistics).
#[derive(Default)]
struct Statistics {
    total: u64,
    running: u64,
    success: u64,
    error: u64,
    idle: u64,
    paused: u64,
}

/// What a report or a sub-execution tree includes.
#[derive(Clone, Copy)]
struct TreeFilter {
    /// Only ERROR tasks (and what is under them).
    errors_only: bool,
    /// Depth of sub-workflows whose tasks are included; negative: all.
    max_depth: i64,
}

impl TreeFilter {
    /// Mistral takes `errors_only` as Python's `bool()` of the text: true
    /// for any non-empty value, even `false` (API-QUIRKS 12); absent or
    /// empty (what the CLI sends by default) lists everything.
    fn parse(params: &ListParams) -> Result<Self, ApiError> {
        let max_depth = match params.get("max_depth") {
            None => -1,
            Some(raw) => raw.trim().parse::<i64>().map_err(|_| {
                ApiError::bad_request(format!(
                    "Invalid input for field/attribute max_depth. Value: '{raw}'. \
                     unable to convert to int"
                ))
            })?,
        };
        Ok(Self {
            errors_only: params.get("errors_only").is_some_and(|v| !v.is_empty()),
            max_depth,
        })
    }

    fn too_deep(&self, depth: i64) -> bool {
        0 <= self.max_depth && self.max_depth < depth
    }
}

type BoxedFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

/// A workflow execution's report entry with its tasks (unless deeper than
/// `max_depth`), counting tasks into `stats`.
fn report_workflow<'a>(
    store: &'a bora_store::Store,
    exec: &'a WorkflowExecution,
    filter: TreeFilter,
    depth: i64,
    stats: &'a mut Statistics,
) -> BoxedFuture<'a, Result<Map<String, Value>, ApiError>> {
    Box::pin(async move {
        let mut entry = Map::new();
        entry.insert("id".into(), exec.id.clone().into());
        entry.insert("name".into(), exec.workflow_name.clone().into());
        entry.insert("created_at".into(), time(exec.created_at));
        entry.insert("updated_at".into(), opt_time(exec.updated_at));
        entry.insert("state".into(), exec.state.as_str().into());
        entry.insert("state_info".into(), opt_str(exec.state_info.as_deref()));
        if filter.too_deep(depth) {
            return Ok(entry);
        }
        let mut tasks = Vec::new();
        for task in store.list_tasks_of(&exec.id).await? {
            if filter.errors_only && task.state != ExecState::Error {
                continue;
            }
            stats.total += 1;
            match task.state {
                ExecState::Running => stats.running += 1,
                ExecState::Success => stats.success += 1,
                ExecState::Error => stats.error += 1,
                ExecState::Idle => stats.idle += 1,
                ExecState::Paused => stats.paused += 1,
                _ => {}
            }
            let actions: Vec<Value> = store
                .list_actions_of(&task.id)
                .await?
                .iter()
                .map(|a| {
                    let mut m = Map::new();
                    m.insert("accepted".into(), a.accepted.into());
                    // Bora has no heartbeats; the action's start stands in.
                    m.insert("last_heartbeat".into(), time(a.created_at));
                    m.insert("id".into(), a.id.clone().into());
                    m.insert("name".into(), a.name.clone().into());
                    m.insert("created_at".into(), time(a.created_at));
                    m.insert("updated_at".into(), opt_time(a.updated_at));
                    m.insert("state".into(), a.state.as_str().into());
                    m.insert("state_info".into(), opt_str(a.state_info.as_deref()));
                    Value::Object(m)
                })
                .collect();
            let mut children = Vec::new();
            for child in store.list_children_of(&task.id).await? {
                let sub =
                    report_workflow(store, &child.execution, filter, depth + 1, stats).await?;
                children.push(Value::Object(sub));
            }
            let mut t = Map::new();
            t.insert("action_executions".into(), Value::Array(actions));
            t.insert("workflow_executions".into(), Value::Array(children));
            t.insert("id".into(), task.id.clone().into());
            t.insert("name".into(), task.name.clone().into());
            t.insert("created_at".into(), time(task.created_at));
            t.insert("updated_at".into(), opt_time(task.updated_at));
            t.insert("state".into(), task.state.as_str().into());
            t.insert("state_info".into(), opt_str(task.state_info.as_deref()));
            if let Some(retry) = task
                .runtime_context
                .get("retry_task_policy")
                .and_then(|r| r.get("retry_no"))
            {
                t.insert("retry_count".into(), retry.clone());
            }
            tasks.push(Value::Object(t));
        }
        entry.insert("task_executions".into(), Value::Array(tasks));
        Ok(entry)
    })
}

/// Seconds a RUNNING execution still needs, from the last 20 successful
/// runs of its workflow (Mistral's estimate): -1 without history, at least
/// 1; 0 when not running.
async fn estimated_time(
    store: &bora_store::Store,
    exec: &WorkflowExecution,
) -> Result<i64, ApiError> {
    if exec.state != ExecState::Running {
        return Ok(0);
    }
    let query = bora_store::queries::ListQuery {
        filters: vec![
            Filter {
                column: "e.workflow_id",
                op: FilterOp::Eq,
                values: vec![exec.workflow_id.clone()],
            },
            Filter {
                column: "e.state",
                op: FilterOp::Eq,
                values: vec![ExecState::Success.as_str().to_owned()],
            },
        ],
        nulls: vec!["e.task_execution_id"],
        sort: vec![("e.created_at", true)],
        marker: None,
        limit: Some(20),
    };
    let done = store.list_executions(&query).await?;
    let durations: Vec<i64> = done
        .iter()
        .filter_map(|s| {
            s.execution
                .updated_at
                .map(|end| end - s.execution.created_at)
        })
        .collect();
    if durations.is_empty() {
        return Ok(-1);
    }
    let average = durations.iter().sum::<i64>() / i64::try_from(durations.len()).unwrap_or(1);
    let elapsed = crate::clock::now_micros() - exec.created_at;
    Ok(((average - elapsed) / 1_000_000).max(1))
}

/// `GET /v2/executions/{id}/report`: the execution tree with tasks, their
/// actions and sub-workflows, and task statistics.
pub async fn report(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse(pairs, "created_at")?;
    let filter = TreeFilter::parse(&params)?;
    let store = state.service.store();
    let root = store.get_execution(&id).await?.execution;
    let mut stats = Statistics::default();
    let entry = report_workflow(store, &root, filter, 0, &mut stats).await?;
    let mut statistics = Map::new();
    statistics.insert("total_tasks_count".into(), stats.total.into());
    statistics.insert("running_tasks_count".into(), stats.running.into());
    statistics.insert("success_tasks_count".into(), stats.success.into());
    statistics.insert("error_tasks_count".into(), stats.error.into());
    statistics.insert("idle_tasks_count".into(), stats.idle.into());
    statistics.insert("paused_tasks_count".into(), stats.paused.into());
    statistics.insert(
        "estimated_time".into(),
        estimated_time(store, &root).await?.into(),
    );
    let mut body = Map::new();
    body.insert("statistics".into(), Value::Object(statistics));
    if !params.flag("statistics_only") {
        body.insert("root_workflow_execution".into(), Value::Object(entry));
    }
    Ok(reply(StatusCode::OK, &Value::Object(body)))
}

/// An execution and its descendants in pre-order (Mistral's
/// sub-executions); `depth` is the execution's depth.
fn sub_executions<'a>(
    store: &'a bora_store::Store,
    exec: WorkflowExecution,
    filter: TreeFilter,
    parts: Parts,
    depth: i64,
    out: &'a mut Vec<Value>,
) -> BoxedFuture<'a, Result<(), ApiError>> {
    Box::pin(async move {
        if filter.too_deep(depth) {
            return Ok(());
        }
        let id = exec.id.clone();
        out.push(Value::Object(to_wire(&exec, parts)));
        for task in store.list_tasks_of(&id).await? {
            task_sub_executions(store, &task, filter, parts, depth + 1, out).await?;
        }
        Ok(())
    })
}

/// The sub-workflow trees of one task (none unless ERROR with
/// `errors_only`).
async fn task_sub_executions(
    store: &bora_store::Store,
    task: &bora_core::records::TaskExecution,
    filter: TreeFilter,
    parts: Parts,
    depth: i64,
    out: &mut Vec<Value>,
) -> Result<(), ApiError> {
    if filter.errors_only && task.state != ExecState::Error {
        return Ok(());
    }
    for child in store.list_children_of(&task.id).await? {
        sub_executions(store, child.execution, filter, parts, depth, out).await?;
    }
    Ok(())
}

/// What a sub-execution tree request includes, and how much of each
/// execution it shows.
fn tree_params(pairs: Vec<(String, String)>) -> Result<(TreeFilter, Parts), ApiError> {
    let params = ListParams::parse(pairs, "created_at")?;
    let parts = Parts {
        data: true,
        output: params.flag("include_output"),
    };
    Ok((TreeFilter::parse(&params)?, parts))
}

fn tree_reply(executions: Vec<Value>) -> Response {
    let mut body = Map::new();
    body.insert("executions".into(), Value::Array(executions));
    reply(StatusCode::OK, &Value::Object(body))
}

/// `GET /v2/executions/{id}/executions`: the execution and every
/// sub-workflow under it, in pre-order.
pub async fn executions_tree(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let (filter, parts) = tree_params(pairs)?;
    let store = state.service.store();
    let root = store.get_execution(&id).await?.execution;
    let mut out = Vec::new();
    sub_executions(store, root, filter, parts, 0, &mut out).await?;
    Ok(tree_reply(out))
}

/// `GET /v2/tasks/{id}/executions`: the sub-workflow trees of a task.
pub async fn task_executions_tree(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let (filter, parts) = tree_params(pairs)?;
    let store = state.service.store();
    let task = store.get_task(&id).await?;
    let mut out = Vec::new();
    task_sub_executions(store, &task, filter, parts, 0, &mut out).await?;
    Ok(tree_reply(out))
}
