//! Workflow executions: starting them (checked requests, client-chosen
//! ids), reading and listing them, changing their state and details, and
//! deleting them.

use bora_core::input::prepare_input;
use bora_core::limits::map_size;
use bora_core::records::WorkflowExecution;
use bora_core::state::State;
use bora_core::step::Event;
use bora_store::queries::ListQuery;
use bora_store::{ProjectScope, StoreError, StoredExecution};
use serde_json::{Map, Value, json};

use super::definition_cache::Read;
use super::{Service, ServiceError, bad};
use crate::clock::now_micros;
use crate::scheduler::Started;

/// A request to start a workflow.
#[derive(Debug, Clone, Default)]
pub struct StartRequest {
    /// A definition id or name.
    pub workflow: String,
    pub namespace: String,
    pub input: Map<String, Value>,
    pub params: Map<String, Value>,
    pub description: String,
    /// Use this id for the execution (Mistral lets clients choose it).
    pub id: Option<String>,
    /// Whose request it is: the workflow and a named environment must be
    /// visible to it, and the execution belongs to its project.
    pub scope: ProjectScope,
}

/// What `PUT /v2/executions/{id}` asks for: a new state (with its
/// `state_info`), or new details (description, env). The API has checked
/// that something is asked and that the description comes alone.
#[derive(Debug, Clone, Default)]
pub struct ExecutionUpdate {
    pub state: Option<State>,
    pub state_info: Option<String>,
    pub description: Option<String>,
    pub env: Option<Map<String, Value>>,
}

/// A start request checked and turned into a record, not yet stored.
pub(super) enum Prepared {
    /// The request named an id that exists: Mistral returns that execution.
    Existing(StoredExecution),
    /// A new execution; with the definitions' generation its definition was
    /// read at when that came from memory (its commit must find it unmoved).
    New(StoredExecution, Option<i64>),
}

/// How one attempt at a start ended.
enum Attempt {
    /// The execution, and whether this start created it.
    Done(Box<StoredExecution>, bool),
    /// A definition changed since the start's was read (the definitions'
    /// generation now); nothing was stored.
    DefinitionsChanged(i64),
}

impl Service {
    /// An execution's input and params against `max_input_bytes`.
    fn check_input(&self, req: &StartRequest) -> Result<(), ServiceError> {
        let max = self.limits.max_input_bytes;
        for (what, map) in [("input", &req.input), ("params", &req.params)] {
            let size = map_size(map);
            if size > max {
                return Err(bad(format!(
                    "The execution {what} is {size} bytes, over the limit of {max} bytes (max_input_bytes)"
                )));
            }
        }
        Ok(())
    }

    /// Starts an execution and applies its first step before returning, so
    /// the answer shows it RUNNING (or already finished).
    pub async fn start_execution(
        &self,
        req: StartRequest,
    ) -> Result<StoredExecution, ServiceError> {
        Ok(self.start(req).await?.0)
    }

    /// As [`Service::start_execution`], also saying whether the execution
    /// was created now (`false`: the request named the id of an existing
    /// one, which is returned: a retried start never runs twice).
    pub async fn start(&self, req: StartRequest) -> Result<(StoredExecution, bool), ServiceError> {
        // From the definition kept in memory; if a definition changed since
        // it was read, once more from a fresh read (which is not checked).
        let mut read = Read::Kept;
        loop {
            match self.start_once(&req, read).await? {
                Attempt::Done(stored, created) => return Ok((*stored, created)),
                Attempt::DefinitionsChanged(generation) => {
                    self.definitions.forget_before(generation);
                    read = Read::Fresh;
                }
            }
        }
    }

    async fn start_once(&self, req: &StartRequest, read: Read) -> Result<Attempt, ServiceError> {
        let (stored, definitions) = match self.prepare_start(req, read).await? {
            Prepared::Existing(existing) => return Ok(Attempt::Done(Box::new(existing), false)),
            Prepared::New(stored, definitions) => (stored, definitions),
        };
        let id = stored.execution.id.clone();
        // The id taken already means, with a client's id, a start before
        // this one (a client's retry); without, this request's own attempt
        // whose commit was not answered (given up, or the connection lost)
        // but stored: either way the execution stored is the answer.
        let exists = async {
            let created = req.id.is_none();
            let stored = self.store.get_execution(&id).await?;
            Ok::<_, ServiceError>(Attempt::Done(Box::new(stored), created))
        };
        match self.scheduler.start_here(&stored, definitions).await {
            Started::Stored(started) => return Ok(Attempt::Done(started, true)),
            Started::Exists => return exists.await,
            Started::DefinitionsChanged(generation) => {
                return Ok(Attempt::DefinitionsChanged(generation));
            }
            Started::Declined => {}
        }
        let now = now_micros();
        let mut stored = stored;
        let keep = self.scheduler.keeps_new_work();
        if keep {
            stored.owner = Some(self.scheduler.node().to_owned());
        }
        let mut tx = self.store.begin().await?;
        match tx.insert_execution(&stored).await {
            // Dropped: rolled back.
            Ok(generation) if definitions.is_some_and(|read_at| read_at != generation) => {
                return Ok(Attempt::DefinitionsChanged(generation));
            }
            Ok(_) => {}
            Err(StoreError::Duplicate { .. }) => {
                drop(tx);
                return exists.await;
            }
            Err(err) => return Err(err.into()),
        }
        let delivery = self.scheduler.queue_start(&mut tx, &id, now, keep).await?;
        tx.commit().await?;
        if delivery.is_some() {
            // This node steps it: its first step need not read it back.
            self.scheduler.adopt(&stored).await;
        }
        self.scheduler.deliver(delivery);
        let started = self.wait_until(&id, |e| e.state != State::Idle).await?;
        Ok(Attempt::Done(Box::new(started), true))
    }

    /// Checks a start request (workflow, input, environment) and builds the
    /// IDLE execution to store with its `start` event.
    pub(super) async fn prepare_start(
        &self,
        req: &StartRequest,
        read: Read,
    ) -> Result<Prepared, ServiceError> {
        self.check_input(req)?;
        bora_core::notify::webhooks(&req.params).map_err(|e| bad(e.to_string()))?;
        // The starter's own workflow of the name, else a public one.
        let (def, plan, definitions) = self
            .start_spec(&req.workflow, &req.namespace, &req.scope, read)
            .await?;
        let input = prepare_input(&plan.workflow, &req.input)
            .map_err(|e| ServiceError::BadRequest(e.to_string()))?;
        let mut params = req.params.clone();
        params
            .entry("namespace")
            .or_insert_with(|| Value::String(def.namespace.clone()));
        let mut env = self.resolve_env(params.get("env"), &req.scope).await?;
        // Expressions in the env see the env itself (Mistral evaluates it
        // once at start unless `evaluate_env` is false).
        if !env.is_empty() && params.get("evaluate_env") != Some(&Value::Bool(false)) {
            let data = bora_expr::DataContext::new(json!({ "__env": env.clone() }));
            let evaluated =
                bora_expr::evaluate_recursively(&Value::Object(env), &data, &bora_expr::NoHost)
                    .map_err(|e| bad(format!("Can not evaluate the environment: {e}")))?;
            env = match evaluated {
                Value::Object(map) => map,
                _ => Map::new(),
            };
        }
        params.insert("env".into(), Value::Object(env));
        let now = now_micros();
        let id = req.id.clone().unwrap_or_else(crate::ids::new_id);
        if let Some(id) = &req.id
            && let Ok(existing) = self.store.get_execution(id).await
        {
            if !req.scope.sees(&existing.execution.project_id) {
                return Err(ServiceError::Duplicate(format!(
                    "Execution id {id} is already taken; choose another"
                )));
            }
            return Ok(Prepared::Existing(existing));
        }
        let record = WorkflowExecution {
            id: id.clone(),
            workflow_id: def.id.clone(),
            workflow_name: def.name.clone(),
            workflow_namespace: def.namespace.clone(),
            description: req.description.clone(),
            tags: def.tags.clone(),
            params,
            input,
            output: Map::new(),
            context: Map::new(),
            state: State::Idle,
            state_info: None,
            task_execution_id: None,
            root_execution_id: None,
            source_execution_id: None,
            index: None,
            depth: 0,
            project_id: req.scope.project.clone(),
            backlog: Vec::new(),
            created_at: now,
            updated_at: Some(now),
        };
        let stored = StoredExecution {
            execution: record,
            spec_hash: def.spec_hash.clone(),
            version: 0,
            owner: None,
        };
        Ok(Prepared::New(stored, definitions))
    }

    /// Changes an execution's state as `PUT /v2/executions/{id}` does.
    pub async fn set_execution_state(
        &self,
        id: &str,
        state: State,
        message: Option<String>,
    ) -> Result<StoredExecution, ServiceError> {
        let current = self.store.get_execution(id).await?;
        let from = current.execution.state;
        let event = match state {
            State::Paused => Event::Pause,
            State::Running => Event::Resume,
            State::Cancelled => Event::Cancel { message },
            State::Success | State::Error => Event::Stop { state, message },
            other => {
                return Err(ServiceError::BadRequest(format!(
                    "Cannot change state to {other}. Allowed states are: 'RUNNING, PAUSED, SUCCESS, ERROR, CANCELLED"
                )));
            }
        };
        let allowed = match state {
            // Resuming something not paused is a silent no-op in Mistral.
            State::Running => true,
            _ => from.can_transition_to(state),
        };
        if !allowed {
            return Err(ServiceError::BadRequest(format!(
                "Can't change workflow execution state from {from} to {state}. [workflow={}, execution_id={id}]",
                current.execution.workflow_name
            )));
        }
        if from == state {
            return Ok(current);
        }
        self.send(id, event).await?;
        // The read that saw the change is the answer: reading again could
        // show a later step's state (a resumed execution already finished).
        self.wait_until(id, |e| e.state != from).await
    }

    /// Deletes an execution with its sub-workflows, tasks, actions and jobs
    /// (`DELETE /v2/executions/{id}`); one not yet completed only with
    /// `force` (Mistral's rule).
    pub async fn delete_execution(&self, id: &str, force: bool) -> Result<(), ServiceError> {
        let current = self.store.get_execution(id).await?.execution;
        if !force && !current.state.is_completed() {
            return Err(ServiceError::Forbidden(format!(
                "Only completed executions can be deleted. Use --force to override this. \
                 Execution {id} is in {} state",
                current.state
            )));
        }
        self.store.delete_execution(id).await?;
        Ok(())
    }

    /// Applies `PUT /v2/executions/{id}`: without a state, updates the
    /// description or merges `env` into the parameters (env only while
    /// IDLE, PAUSED or ERROR); with one, merges `env` first (only when
    /// resuming) and then changes the state.
    pub async fn update_execution(
        &self,
        id: &str,
        update: ExecutionUpdate,
    ) -> Result<StoredExecution, ServiceError> {
        let env = update.env.as_ref();
        let Some(target) = update.state else {
            if env.is_some() {
                let current = self.store.get_execution(id).await?.execution.state;
                if !matches!(current, State::Idle | State::Paused | State::Error) {
                    return Err(ServiceError::Forbidden(
                        "Updating env to workflow execution is only permitted if it is in IDLE, \
                         PAUSED, or ERROR state."
                            .to_owned(),
                    ));
                }
            }
            return self
                .update_execution_details(id, update.description.as_deref(), env)
                .await;
        };
        if env.is_some() {
            if target != State::Running {
                return Err(bad(
                    "The property env can only be updated when workflow execution is not running \
                     or on resume from pause.",
                ));
            }
            self.update_execution_details(id, None, env).await?;
        }
        self.set_execution_state(id, target, update.state_info)
            .await
    }

    /// Updates an execution's description, or merges `env` into its
    /// parameters.
    async fn update_execution_details(
        &self,
        id: &str,
        description: Option<&str>,
        env: Option<&Map<String, Value>>,
    ) -> Result<StoredExecution, ServiceError> {
        Ok(self
            .store
            .update_execution_details(id, description, env, now_micros())
            .await?)
    }

    /// One execution (`GET /v2/executions/{id}`).
    pub async fn get_execution(&self, id: &str) -> Result<WorkflowExecution, ServiceError> {
        Ok(self.store.get_execution(id).await?.execution)
    }

    /// What the tasks of an execution published with `global`, later
    /// publications winning.
    pub async fn published_global(&self, id: &str) -> Result<Map<String, Value>, ServiceError> {
        let mut merged = Map::new();
        for published in self.store.published_globals(id).await? {
            merged.extend(published);
        }
        Ok(merged)
    }

    /// A page of executions (`GET /v2/executions` and the sub-workflows of
    /// a task).
    pub async fn list_executions(
        &self,
        query: &ListQuery,
    ) -> Result<Vec<WorkflowExecution>, ServiceError> {
        Ok(self
            .store
            .list_executions(query)
            .await?
            .into_iter()
            .map(|s| s.execution)
            .collect())
    }
}
