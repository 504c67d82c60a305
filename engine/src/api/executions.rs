//! `/v2/executions`: start, list, get, update (state, description, env) and
//! delete workflow executions, and list an execution's tasks.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bora_core::records::WorkflowExecution;
use bora_core::state::State as ExecState;
use bora_store::queries::{Filter, FilterOp, execution_column};
use serde_json::{Map, Value};

use super::error::ApiError;
use super::wire::{
    ListParams, PROJECT, base_url, json_field, json_object, jstr, opt_str, opt_time, reply, time,
};
use super::{ApiState, Pairs, tasks};
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

pub async fn create(State(state): State<ApiState>, body: Bytes) -> Result<Response, ApiError> {
    let body = json_object(&body)?;
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
    let started = state
        .service
        .start_execution(StartRequest {
            workflow,
            namespace,
            input,
            params,
            description,
            id: text("id")?.filter(|s| !s.is_empty()),
        })
        .await?;
    Ok(reply(
        StatusCode::CREATED,
        &Value::Object(to_wire(&started.execution, FULL)),
    ))
}

pub async fn list(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse(pairs, "created_at")?;
    list_with(&state, &headers, &params, None, "executions").await
}

/// An execution list, optionally restricted to the sub-workflows of a task.
pub(super) async fn list_with(
    state: &ApiState,
    headers: &HeaderMap,
    params: &ListParams,
    task_id: Option<&str>,
    path: &str,
) -> Result<Response, ApiError> {
    params.check_fields(FIELDS)?;
    let mut query = params.store_query(execution_column)?;
    if let Some(task_id) = task_id {
        query.filters.push(Filter {
            column: "e.task_execution_id",
            op: FilterOp::Eq,
            values: vec![task_id.to_owned()],
        });
    }
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
    let body = params.page(&base_url(headers), path, "executions", items);
    Ok(reply(StatusCode::OK, &body))
}

pub async fn get_one(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse(pairs, "created_at")?;
    params.check_fields(FIELDS)?;
    let store = state.service.store();
    let stored = store.get_execution(&id).await?;
    // What tasks published with `global`, later publications winning.
    let mut published_global = Map::new();
    for task in store.list_tasks_of(&id).await? {
        for (k, v) in task.published_global {
            published_global.insert(k, v);
        }
    }
    let mut m = to_wire(&stored.execution, FULL);
    m.insert("published_global".into(), jstr(&published_global));
    Ok(reply(StatusCode::OK, &Value::Object(params.select(m))))
}

pub async fn update(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let body = json_object(&body)?;
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
    let params = ListParams::parse(pairs, "created_at")?;
    tasks::list_with(
        &state,
        &headers,
        &params,
        Some(&id),
        &format!("executions/{id}/tasks"),
    )
    .await
}
