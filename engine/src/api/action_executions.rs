//! `/v2/action_executions`: list and get action executions, and run an
//! action directly (`POST`), synchronously or stored and run in the
//! background.

use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bora_core::records::{ActionExecution, ActionResult};
use bora_core::state::State as ExecState;
use bora_store::queries::action_column;
use serde_json::{Map, Value};

use super::error::ApiError;
use super::wire::{ListParams, PROJECT, json_field, jstr, opt_str, opt_time, reply, time};
use super::{ApiState, JsonObject, Pairs};
use crate::actions::{Actions, Call, ResolveError};
use crate::clock::now_micros;
use crate::runtime::{CallContext, CallOverrides};
use bora_core::adhoc::caller_context;

const FIELDS: &[&str] = &[
    "id",
    "workflow_name",
    "workflow_namespace",
    "task_name",
    "task_execution_id",
    "state",
    "state_info",
    "tags",
    "name",
    "description",
    "project_id",
    "accepted",
    "input",
    "output",
    "created_at",
    "updated_at",
    "params",
];

fn output_of(a: &ActionExecution) -> Value {
    match &a.result {
        Some(result) => jstr(&result.to_output()),
        None => Value::Null,
    }
}

pub(super) fn to_wire(a: &ActionExecution, output: bool) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), a.id.clone().into());
    m.insert("workflow_name".into(), opt_str(a.workflow_name.as_deref()));
    m.insert(
        "workflow_namespace".into(),
        a.workflow_namespace.clone().into(),
    );
    m.insert(
        "task_execution_id".into(),
        opt_str(a.task_execution_id.as_deref()),
    );
    m.insert("state".into(), a.state.as_str().into());
    m.insert("state_info".into(), opt_str(a.state_info.as_deref()));
    m.insert("tags".into(), Value::Null);
    m.insert("name".into(), a.name.clone().into());
    m.insert("description".into(), a.description.clone().into());
    m.insert("project_id".into(), PROJECT.into());
    m.insert("accepted".into(), a.accepted.into());
    m.insert("input".into(), jstr(&a.input));
    if output {
        m.insert("output".into(), output_of(a));
    }
    m.insert("created_at".into(), time(a.created_at));
    m.insert("updated_at".into(), opt_time(a.updated_at));
    m
}

pub async fn list(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    list_with(&state, &headers, pairs, None, "action_executions").await
}

/// An action execution list (no `output` unless `include_output`),
/// optionally of one task.
pub(super) async fn list_with(
    state: &ApiState,
    headers: &HeaderMap,
    pairs: Vec<(String, String)>,
    task_id: Option<&str>,
    path: &str,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let parent = task_id.map(|id| ("a.task_execution_id", id));
    let query = params.store_query_under(action_column, parent)?;
    let output = params.flag("include_output");
    let items = state
        .service
        .store()
        .list_actions(&query)
        .await?
        .iter()
        .map(|a| to_wire(a, output))
        .collect();
    Ok(params.reply_page(headers, path, "action_executions", items))
}

pub async fn get_one(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "created_at", FIELDS)?;
    let action = state.service.store().get_action(&id).await?;
    Ok(params.reply_one(to_wire(&action, true)))
}

pub async fn delete(
    State(state): State<ApiState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let store = state.service.store();
    let action = store.get_action(&id).await?;
    if action.task_execution_id.is_some() {
        return Err(ApiError::forbidden(
            "Only ad-hoc action execution can be deleted.",
        ));
    }
    if !action.state.is_completed() {
        return Err(ApiError::forbidden(
            "Only completed action execution can be deleted.",
        ));
    }
    store.delete_action(&id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Runs an action (standard, ad-hoc or uploaded) through the registry;
/// `Ok(None)` when it completes later (asynchronous).
async fn run(
    actions: &Actions,
    name: &str,
    namespace: &str,
    input: &Map<String, Value>,
    env: Value,
    id: Option<String>,
    timeout: Option<u64>,
) -> Result<Option<ActionResult>, ApiError> {
    let call = Call {
        name: name.to_owned(),
        namespace: namespace.to_owned(),
        workbook: None,
        input: input.clone(),
        context: caller_context(env, None),
        ctx: CallContext {
            action_execution_id: id,
            ..CallContext::default()
        },
        overrides: CallOverrides {
            timeout: timeout.map(Duration::from_secs),
            ..CallOverrides::default()
        },
    };
    match actions.run(call).await {
        Ok(Some(value)) => Ok(Some(ActionResult::Success(value))),
        Ok(None) => Ok(None),
        Err(err) if err.is_bad_input() => Err(ApiError::bad_request(err.to_string())),
        Err(err) => Ok(Some(ActionResult::Error(err.error_value()))),
    }
}

pub async fn create(
    State(state): State<ApiState>,
    JsonObject(body): JsonObject,
) -> Result<Response, ApiError> {
    let name = match body.get("name") {
        Some(Value::String(n)) if !n.is_empty() => n.clone(),
        _ => {
            return Err(ApiError::bad_request(
                "Please provide at least action name to run action.",
            ));
        }
    };
    let input = json_field(body.get("input"))?;
    let params = json_field(body.get("params"))?;
    let description = match body.get("description") {
        Some(Value::String(d)) => Some(d.clone()),
        _ => None,
    };
    let namespace = match body.get("workflow_namespace") {
        Some(Value::String(n)) => n.clone(),
        _ => String::new(),
    };
    let actions = Actions::new(state.service.store().clone(), state.runtime.clone());
    let resolved = match actions.resolve(&name, &namespace, None).await {
        Ok(resolved) => resolved,
        Err(ResolveError::NotFound { .. }) => {
            return Err(ApiError::bad_request(format!(
                "Failed to find action [action_name={name}]"
            )));
        }
        Err(ResolveError::Store(err)) => return Err(err.into()),
        Err(other) => return Err(ApiError::bad_request(other.to_string())),
    };
    let Some(descriptor) = actions.descriptor(&resolved) else {
        return Err(ApiError::bad_request(format!(
            "Failed to find action [action_name={name}]"
        )));
    };
    let env = params
        .get("env")
        .cloned()
        .unwrap_or(Value::Object(Map::new()));
    let flag = |key: &str| match params.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => super::wire::truthy(s),
        _ => false,
    };
    let run_sync = flag("run_sync");
    let save_result = flag("save_result");
    let timeout = params.get("timeout").and_then(Value::as_u64);
    if run_sync && descriptor.is_async {
        return Err(ApiError::bad_request(
            "Action does not support synchronous execution.",
        ));
    }
    let now = now_micros();
    let mut record = ActionExecution {
        id: uuid::Uuid::new_v4().to_string(),
        name: name.clone(),
        task_execution_id: None,
        workflow_execution_id: None,
        workflow_name: None,
        workflow_namespace: namespace.clone(),
        state: ExecState::Running,
        state_info: None,
        input: input.clone(),
        result: None,
        accepted: false,
        index: 0,
        is_sync: !descriptor.is_async,
        description: description.clone().unwrap_or_default(),
        params: params.clone(),
        created_at: now,
        updated_at: None,
    };
    let store = state.service.store().clone();
    if !run_sync && (save_result || descriptor.is_async) {
        // Stored RUNNING now, completed in the background.
        store
            .put_adhoc_actions(std::slice::from_ref(&record))
            .await?;
        let mut done = record.clone();
        let background = actions.clone();
        tokio::spawn(async move {
            let outcome = run(
                &background,
                &done.name,
                &done.workflow_namespace,
                &done.input,
                env,
                Some(done.id.clone()),
                timeout,
            )
            .await;
            let result = match outcome {
                Ok(Some(result)) => result,
                // Completed later through the API.
                Ok(None) => return,
                Err(err) => ActionResult::Error(Value::String(format!("{err:?}"))),
            };
            done.state = result.state();
            done.accepted = true;
            done.result = Some(result);
            done.updated_at = Some(now_micros());
            if let Err(err) = store.put_adhoc_actions(&[done]).await {
                tracing::error!(error = %err, "storing an ad-hoc action's result failed");
            }
        });
        return Ok(reply(
            StatusCode::CREATED,
            &Value::Object(to_wire(&record, true)),
        ));
    }
    let result = run(&actions, &name, &namespace, &input, env, None, timeout)
        .await?
        .unwrap_or(ActionResult::Error(Value::String(
            "The action did not complete synchronously.".to_owned(),
        )));
    record.state = result.state();
    record.accepted = true;
    record.result = Some(result);
    record.updated_at = Some(now_micros());
    if save_result {
        store
            .put_adhoc_actions(std::slice::from_ref(&record))
            .await?;
        return Ok(reply(
            StatusCode::CREATED,
            &Value::Object(to_wire(&record, true)),
        ));
    }
    // Not stored: Mistral answers without id, times or project.
    let mut m = to_wire(&record, true);
    for key in ["id", "project_id", "accepted", "created_at", "updated_at"] {
        m.insert(key.into(), Value::Null);
    }
    m.insert(
        "workflow_namespace".into(),
        record.workflow_namespace.clone().into(),
    );
    m.insert("description".into(), opt_str(description.as_deref()));
    Ok(reply(StatusCode::CREATED, &Value::Object(m)))
}
