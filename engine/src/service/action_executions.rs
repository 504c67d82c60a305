//! Action executions: reading, listing and deleting them, running an
//! action directly (ad-hoc action executions), and completing a running
//! action from outside.

use std::time::Duration;

use bora_core::adhoc::caller_context;
use bora_core::records::{ActionExecution, ActionResult};
use bora_core::state::State;
use bora_core::step::Event;
use bora_store::ProjectScope;
use bora_store::queries::ListQuery;
use serde_json::{Map, Value};

use super::{Service, ServiceError, bad, current_project};
use crate::actions::{Actions, Call, ResolveError};
use crate::clock::now_micros;
use crate::runtime::{CallContext, CallOverrides, Transcript};

/// A request to run an action directly (`POST /v2/action_executions`).
#[derive(Debug, Clone, Default)]
pub struct ActionRunRequest {
    /// A standard, ad-hoc or uploaded action.
    pub name: String,
    pub namespace: String,
    pub input: Map<String, Value>,
    /// Kept with the action execution as given.
    pub params: Map<String, Value>,
    pub description: Option<String>,
    /// What the action's context shows as `env`.
    pub env: Value,
    /// Run now and answer with the result (refused for asynchronous
    /// actions).
    pub run_sync: bool,
    /// Store the action execution (a synchronous run is not stored
    /// otherwise).
    pub save_result: bool,
    /// Seconds the call may take (under the runtime's ceiling).
    pub timeout: Option<u64>,
}

/// What running an action directly gave.
#[derive(Debug, Clone)]
pub struct ActionRun {
    /// RUNNING when it completes in the background (or later, through the
    /// API); completed otherwise.
    pub action: ActionExecution,
    /// Whether the action execution is stored (Mistral leaves the id and
    /// times out of an answer about one that is not).
    pub stored: bool,
}

/// Runs an action (standard, ad-hoc or uploaded) through the registry,
/// its name as `project` means it; `Ok(None)` when it completes later
/// (asynchronous).
async fn run(
    actions: &Actions,
    action: &ActionExecution,
    env: Value,
    id: Option<String>,
    project: String,
    timeout: Option<u64>,
) -> Result<Option<ActionResult>, ServiceError> {
    let call = Call {
        name: action.name.clone(),
        namespace: action.workflow_namespace.clone(),
        workbook: None,
        project: Some(project),
        input: action.input.clone(),
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
        Err(err) if err.is_bad_input() => Err(bad(err.to_string())),
        Err(err) => Ok(Some(ActionResult::Error(err.error_value()))),
    }
}

impl Service {
    /// A page of action executions (`GET /v2/action_executions` and the
    /// actions of a task).
    pub async fn list_action_executions(
        &self,
        query: &ListQuery,
    ) -> Result<Vec<ActionExecution>, ServiceError> {
        Ok(self.store.list_actions(query).await?)
    }

    /// One action execution.
    pub async fn get_action_execution(&self, id: &str) -> Result<ActionExecution, ServiceError> {
        Ok(self.store.get_action(id).await?)
    }

    /// What an action execution printed and logged (empty when it said
    /// nothing, or has not run yet).
    pub async fn action_output(&self, id: &str) -> Result<Transcript, ServiceError> {
        // A 404 for an unknown action execution, not an empty transcript.
        self.store.get_action(id).await?;
        match self.store.action_output(id).await? {
            None => Ok(Transcript::default()),
            Some(text) => serde_json::from_str(&text).map_err(|err| {
                ServiceError::Internal(format!(
                    "the stored output of action {id} is unreadable: {err}"
                ))
            }),
        }
    }

    /// Deletes an action execution: only a completed ad-hoc one (Mistral's
    /// rule; those of tasks go with their execution).
    pub async fn delete_action_execution(&self, id: &str) -> Result<(), ServiceError> {
        let action = self.store.get_action(id).await?;
        if action.task_execution_id.is_some() {
            return Err(ServiceError::Forbidden(
                "Only ad-hoc action execution can be deleted.".to_owned(),
            ));
        }
        if !action.state.is_completed() {
            return Err(ServiceError::Forbidden(
                "Only completed action execution can be deleted.".to_owned(),
            ));
        }
        Ok(self.store.delete_action(id).await?)
    }

    /// Runs an action directly. An asynchronous action, or one whose result
    /// is to be saved without `run_sync`, is stored RUNNING and runs in the
    /// background; otherwise it runs now, and is stored only with
    /// `save_result`.
    pub async fn run_action(&self, req: ActionRunRequest) -> Result<ActionRun, ServiceError> {
        let name = &req.name;
        let actions = Actions::new(self.store.clone(), self.runtime.clone());
        // The caller's own ad-hoc action of the name, else a public one:
        // another project's private one is not there for it.
        let project = current_project();
        let caller = ProjectScope::only(&project);
        let resolved = match actions
            .resolve(name, &req.namespace, None, caller.read())
            .await
        {
            Ok(resolved) => resolved,
            Err(ResolveError::NotFound { .. }) => {
                return Err(bad(format!("Failed to find action [action_name={name}]")));
            }
            Err(ResolveError::Store(err)) => return Err(err.into()),
            Err(other) => return Err(bad(other.to_string())),
        };
        let Some(descriptor) = actions.descriptor(&resolved) else {
            return Err(bad(format!("Failed to find action [action_name={name}]")));
        };
        if req.run_sync && descriptor.is_async {
            return Err(bad("Action does not support synchronous execution."));
        }
        let mut record = ActionExecution {
            id: crate::ids::new_id(),
            name: req.name.clone(),
            task_execution_id: None,
            task_name: None,
            workflow_execution_id: None,
            workflow_name: None,
            workflow_namespace: req.namespace.clone(),
            project_id: project.clone(),
            state: State::Running,
            state_info: None,
            input: req.input.clone(),
            result: None,
            accepted: false,
            index: 0,
            is_sync: !descriptor.is_async,
            description: req.description.clone().unwrap_or_default(),
            params: req.params.clone(),
            created_at: now_micros(),
            updated_at: None,
        };
        if !req.run_sync && (req.save_result || descriptor.is_async) {
            self.store
                .put_adhoc_actions(std::slice::from_ref(&record))
                .await?;
            self.complete_in_background(actions, record.clone(), req.env, req.timeout, project);
            return Ok(ActionRun {
                action: record,
                stored: true,
            });
        }
        let result = run(
            &actions,
            &record,
            req.env,
            None,
            project.clone(),
            req.timeout,
        )
        .await?
        .unwrap_or(ActionResult::Error(Value::String(
            "The action did not complete synchronously.".to_owned(),
        )));
        record.state = result.state();
        record.accepted = true;
        record.result = Some(result);
        record.updated_at = Some(now_micros());
        if req.save_result {
            self.store
                .put_adhoc_actions(std::slice::from_ref(&record))
                .await?;
        }
        Ok(ActionRun {
            action: record,
            stored: req.save_result,
        })
    }

    /// Runs a stored RUNNING action in the background and stores its
    /// result; an asynchronous one is left to be completed through the API.
    fn complete_in_background(
        &self,
        actions: Actions,
        mut done: ActionExecution,
        env: Value,
        timeout: Option<u64>,
        project: String,
    ) {
        let store = self.store.clone();
        tokio::spawn(async move {
            let id = Some(done.id.clone());
            let outcome = run(&actions, &done, env, id, project, timeout).await;
            let result = match outcome {
                Ok(Some(result)) => result,
                Ok(None) => return,
                Err(err) => ActionResult::Error(Value::String(err.to_string())),
            };
            done.state = result.state();
            done.accepted = true;
            done.result = Some(result);
            done.updated_at = Some(now_micros());
            if let Err(err) = store.put_adhoc_actions(&[done]).await {
                tracing::error!(error = %err, "storing an ad-hoc action's result failed");
            }
        });
    }

    /// Completes a RUNNING action from outside (`PUT
    /// /v2/action_executions/{id}`): an action of a task goes to its
    /// execution as `ActionCompleted`, as the executor reports results; an
    /// ad-hoc one is stored directly. Returns the action afterwards.
    pub async fn complete_action(
        &self,
        id: &str,
        result: ActionResult,
    ) -> Result<ActionExecution, ServiceError> {
        let mut action = self.store.get_action(id).await?;
        if action.state != State::Running {
            return Err(bad(format!(
                "Action execution [id={id}] is not RUNNING but {}: only a running \
                 action can be completed.",
                action.state
            )));
        }
        // An ad-hoc action over an async base applies its `output` now.
        let result = match crate::actions::completed_result(&self.store, &action, result).await {
            Ok(result) => result,
            Err(err) => ActionResult::Error(Value::String(err.to_string())),
        };
        let Some(execution_id) = action.workflow_execution_id.clone() else {
            action.state = result.state();
            action.accepted = true;
            action.result = Some(result);
            action.updated_at = Some(now_micros());
            self.store
                .put_adhoc_actions(std::slice::from_ref(&action))
                .await?;
            return Ok(action);
        };
        self.send(
            &execution_id,
            Event::ActionCompleted {
                action_id: id.to_owned(),
                result,
            },
        )
        .await?;
        // The step that applies it follows at once; bounded in case the
        // execution is held elsewhere (another node's lock).
        self.poll(
            &execution_id,
            Duration::from_secs(10),
            || self.store.get_action(id),
            |current| current.state != State::Running,
        )
        .await
    }
}
