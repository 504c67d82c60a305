//! The operations Bora offers, used by the REST API and the CLI: workflow
//! definitions, starting and controlling executions. A thin layer over the
//! language crate, the store and the scheduler; it owns no workflow logic.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use bora_core::execution::Execution;
use bora_core::input::prepare_input;
use bora_core::limits::{EngineLimits, find_nul, map_size};
use bora_core::plan::Plan;
use bora_core::records::{ActionExecution, ActionResult, TaskExecution, WorkflowExecution};
use bora_core::state::State;
use bora_core::step::{Event, check_rerun};
use bora_lang::model::{IntOrExpr, Workflow};
use bora_store::{
    CronTriggerRecord, EnvironmentRecord, Store, StoreError, StoredExecution, WorkbookRecord,
    WorkflowDefinition,
};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use tokio::sync::Notify;

use crate::actions::definitions::DefinitionError;
use crate::clock::now_micros;
use crate::runtime::{Ceilings, Limit};
use crate::scheduler::Scheduler;

pub mod schedule;

/// Why an operation failed, by what the caller must do about it.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Something named does not exist (HTTP 404).
    #[error("{0}")]
    NotFound(String),
    /// The request is wrong: bad definition, bad input, impossible state
    /// change (HTTP 400).
    #[error("{0}")]
    BadRequest(String),
    /// A name is already taken (HTTP 409).
    #[error("{0}")]
    Duplicate(String),
    /// The store failed (HTTP 500; details are logged, not shown).
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<StoreError> for ServiceError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound { kind, key } => {
                ServiceError::NotFound(format!("{kind} not found [{key}]"))
            }
            StoreError::Duplicate { kind, key } => {
                ServiceError::Duplicate(format!("Duplicate entry for {kind} [{key}]"))
            }
            other => ServiceError::Internal(other.to_string()),
        }
    }
}

/// Ad-hoc action definitions (workbook actions, `/v2/actions` uploads).
impl From<DefinitionError> for ServiceError {
    fn from(err: DefinitionError) -> Self {
        match err {
            DefinitionError::Invalid(m) => Self::BadRequest(m),
            DefinitionError::Duplicate(m) => Self::Duplicate(m),
            DefinitionError::Store(e) => e.into(),
        }
    }
}

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
}

/// The service: one per process.
#[derive(Clone)]
pub struct Service {
    store: Store,
    scheduler: Scheduler,
    /// Wakes this node's cron loop when a trigger is created.
    cron_wake: Arc<Notify>,
    /// The runtime's ceilings, which a task's literal `limits` must respect.
    ceilings: Ceilings,
    /// Caps on what requests bring in (bodies, definitions, inputs).
    limits: EngineLimits,
}

/// A start request checked and turned into a record, not yet stored.
pub(crate) enum Prepared {
    /// The request named an id that exists: Mistral returns that execution.
    Existing(StoredExecution),
    New(StoredExecution),
}

fn sha256(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// Mistral's input string: `a, b="x"` (defaults as JSON).
pub fn input_string(workflow: &Workflow) -> String {
    bora_core::input::input_spec(&workflow.input)
}

/// Mistral's workflow interface: input names (with defaults) and output keys.
pub fn interface(workflow: &Workflow) -> Value {
    let input: Vec<Value> = workflow
        .input
        .iter()
        .map(|p| match &p.default {
            Some(default) => json!({ p.name.clone(): default }),
            None => Value::String(p.name.clone()),
        })
        .collect();
    let output: Vec<&String> = workflow.output.keys().collect();
    json!({"input": input, "output": output})
}

/// A stored spec, parsed (unreadable only if the store was tampered with).
fn parse_spec(spec: &str) -> Result<Workflow, ServiceError> {
    serde_json::from_str(spec)
        .map_err(|e| ServiceError::Internal(format!("stored spec unreadable: {e}")))
}

/// A 400 for a definition whose YAML makes a NUL character (an escape such
/// as `"\0"`), naming where: PostgreSQL cannot store it.
fn nul_in_definition(text: &str) -> ServiceError {
    fn find(node: &bora_lang::yaml::Node) -> Option<bora_lang::Pos> {
        use bora_lang::yaml::Value as Y;
        match &node.value {
            Y::Str(s) if s.contains('\0') => Some(node.pos),
            Y::Seq(items) => items.iter().find_map(find),
            Y::Map(pairs) => pairs.iter().find_map(|(k, v)| find(k).or_else(|| find(v))),
            _ => None,
        }
    }
    let at = bora_lang::yaml::load(text)
        .ok()
        .as_ref()
        .and_then(find)
        .map_or_else(String::new, |pos| format!(" in the value at {pos}"));
    bad(format!(
        "The definition makes a NUL character (\\u0000){at}, which is not accepted."
    ))
}

/// Lists a definition's errors, one per line, as a 400.
fn invalid(errors: bora_lang::Errors) -> ServiceError {
    ServiceError::BadRequest(
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// Refuses a workflow whose tasks' literal `limits` (task-defaults
/// applied) are above the ceilings; expressions are checked when they are
/// evaluated, by the runtime.
fn check_ceilings(workflow: &Workflow, ceilings: &Ceilings) -> Result<(), ServiceError> {
    for raw in &workflow.tasks {
        let Some(limits) = workflow.task(&raw.name).and_then(|t| t.limits) else {
            continue;
        };
        for (limit, value) in [(Limit::Fuel, &limits.fuel), (Limit::Memory, &limits.memory)] {
            if let Some(IntOrExpr::Int(n)) = value
                && let Err(over) = ceilings.check(limit, *n)
            {
                return Err(ServiceError::BadRequest(format!(
                    "Invalid task '{}' of workflow '{}': limits.{} {over}",
                    raw.name,
                    workflow.name,
                    limit.key()
                )));
            }
        }
    }
    Ok(())
}

/// A definition record for a parsed workflow, with its spec as JSON.
fn definition_record(
    workflow: &Workflow,
    definition: String,
    namespace: &str,
    scope: &str,
    workbook: Option<&str>,
) -> Result<(WorkflowDefinition, String), ServiceError> {
    let spec =
        serde_json::to_string(workflow).map_err(|e| ServiceError::Internal(e.to_string()))?;
    let now = now_micros();
    Ok((
        WorkflowDefinition {
            id: uuid::Uuid::new_v4().to_string(),
            name: workflow.name.clone(),
            namespace: namespace.to_owned(),
            checksum: sha256(&definition)[..32].to_owned(),
            definition,
            spec_hash: sha256(&spec),
            input: input_string(workflow),
            interface: interface(workflow).to_string(),
            tags: workflow.tags.clone(),
            scope: scope.to_owned(),
            project_id: "<default-project>".to_owned(),
            workbook_name: workbook.map(str::to_owned),
            created_at: now,
            updated_at: Some(now),
        },
        spec,
    ))
}

/// The part of a multi-workflow document that defines `name`, as its own
/// document (Mistral stores each workflow's definition separately).
fn cut_definition(text: &str, name: &str, count: usize) -> String {
    if count <= 1 {
        return text.to_owned();
    }
    let mut out = String::from("---\nversion: '2.0'\n\n");
    let mut inside = false;
    for line in text.lines() {
        let top_level = !line.is_empty() && !line.starts_with([' ', '\t', '#']);
        if top_level {
            let key = line
                .split(':')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches(['\'', '"']);
            inside = key == name;
        }
        if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

impl Service {
    pub fn new(store: Store, scheduler: Scheduler) -> Self {
        Self {
            store,
            scheduler,
            cron_wake: Arc::new(Notify::new()),
            ceilings: Ceilings::default(),
            limits: EngineLimits::default(),
        }
    }

    /// The same service enforcing `limits` at the door (the engine's share
    /// of them is set on each execution by the scheduler).
    pub fn with_limits(mut self, limits: EngineLimits) -> Self {
        self.limits = limits;
        self
    }

    /// The limits this service enforces.
    pub fn limits(&self) -> &EngineLimits {
        &self.limits
    }

    /// A definition's size, before parsing it.
    fn check_definition_size(&self, text: &str) -> Result<(), ServiceError> {
        let max = self.limits.max_definition_bytes;
        if text.len() > max {
            return Err(bad(format!(
                "The definition is {} bytes, over the limit of {max} bytes (max_definition_bytes)",
                text.len()
            )));
        }
        Ok(())
    }

    /// A parsed workflow's task count, and no NUL character anywhere in it
    /// (a YAML escape `\0` can make one; PostgreSQL cannot store it).
    fn check_workflow(&self, text: &str, workflow: &Workflow) -> Result<(), ServiceError> {
        let max = self.limits.max_tasks;
        if workflow.tasks.len() > max {
            return Err(bad(format!(
                "Workflow '{}' has {} tasks, over the limit of {max} tasks (max_tasks)",
                workflow.name,
                workflow.tasks.len()
            )));
        }
        let spec =
            serde_json::to_value(workflow).map_err(|e| ServiceError::Internal(e.to_string()))?;
        if find_nul(&spec).is_some() {
            return Err(nul_in_definition(text));
        }
        Ok(())
    }

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

    /// The same service checking definitions against `ceilings` (the
    /// runtime's; [`Ceilings::default`] otherwise).
    pub fn with_ceilings(mut self, ceilings: Ceilings) -> Self {
        self.ceilings = ceilings;
        self
    }

    /// Notified when a cron trigger is created on this node.
    pub fn cron_wake(&self) -> &Notify {
        &self.cron_wake
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn scheduler(&self) -> &Scheduler {
        &self.scheduler
    }

    /// Parses a workflow document into definitions ready to store.
    fn definitions(
        &self,
        text: &str,
        namespace: &str,
        scope: &str,
    ) -> Result<Vec<(WorkflowDefinition, String)>, ServiceError> {
        self.check_definition_size(text)?;
        let list = bora_lang::parse_workflows(text).map_err(invalid)?;
        for workflow in &list.workflows {
            check_ceilings(workflow, &self.ceilings)?;
            self.check_workflow(text, workflow)?;
        }
        let count = list.workflows.len();
        list.workflows
            .iter()
            .map(|workflow| {
                let definition = cut_definition(text, &workflow.name, count);
                definition_record(workflow, definition, namespace, scope, None)
            })
            .collect()
    }

    /// Stores a workbook and its workflows as `<workbook>.<workflow>`
    /// (`POST /v2/workbooks`, or `PUT` with `update`).
    pub async fn put_workbook(
        &self,
        text: &str,
        namespace: &str,
        scope: &str,
        update: bool,
    ) -> Result<WorkbookRecord, ServiceError> {
        self.check_definition_size(text)?;
        let workbook = bora_lang::parse_workbook(text).map_err(invalid)?;
        for workflow in &workbook.workflows {
            self.check_workflow(text, workflow)?;
        }
        let whole =
            serde_json::to_value(&workbook).map_err(|e| ServiceError::Internal(e.to_string()))?;
        if find_nul(&whole).is_some() {
            return Err(nul_in_definition(text));
        }
        let now = now_micros();
        let defs = workbook
            .workflows
            .iter()
            .map(|workflow| {
                let mut workflow = workflow.clone();
                workflow.name = workbook.qualified_name(&workflow.name);
                check_ceilings(&workflow, &self.ceilings)?;
                definition_record(
                    &workflow,
                    text.to_owned(),
                    namespace,
                    scope,
                    Some(&workbook.name),
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        let record = WorkbookRecord {
            id: uuid::Uuid::new_v4().to_string(),
            name: workbook.name.clone(),
            namespace: namespace.to_owned(),
            definition: text.to_owned(),
            tags: workbook.tags.clone(),
            scope: scope.to_owned(),
            project_id: "<default-project>".to_owned(),
            created_at: now,
            updated_at: Some(now),
        };
        // Names taken by standard or uploaded actions fail before anything is stored.
        crate::actions::definitions::check_workbook_actions(&self.store, &workbook).await?;
        let stored = self.store.put_workbook(&record, &defs, update).await?;
        // The workbook's actions become `<workbook>.<action>`.
        crate::actions::definitions::put_workbook_actions(
            &self.store,
            &workbook,
            text,
            namespace,
            scope,
        )
        .await?;
        Ok(stored)
    }

    /// Stores the workflows of a document (`POST /v2/workflows`).
    pub async fn create_workflows(
        &self,
        text: &str,
        namespace: &str,
        scope: &str,
    ) -> Result<Vec<WorkflowDefinition>, ServiceError> {
        let mut defs = self.definitions(text, namespace, scope)?;
        for (def, _) in &mut defs {
            def.updated_at = None;
        }
        self.store.create_workflows(&defs).await?;
        Ok(defs.into_iter().map(|(d, _)| d).collect())
    }

    /// Replaces (or creates) the workflows of a document (`PUT /v2/workflows`).
    pub async fn update_workflows(
        &self,
        text: &str,
        namespace: &str,
        scope: &str,
    ) -> Result<Vec<WorkflowDefinition>, ServiceError> {
        let defs = self.definitions(text, namespace, scope)?;
        Ok(self.store.update_workflows(&defs).await?)
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
        let stored = match self.prepare_start(&req).await? {
            Prepared::Existing(existing) => return Ok((existing, false)),
            Prepared::New(stored) => stored,
        };
        let id = stored.execution.id.clone();
        let now = now_micros();
        let mut stored = stored;
        let keep = self.scheduler.keeps_new_work();
        if keep {
            stored.owner = Some(self.scheduler.node().to_owned());
        }
        let mut tx = self.store.begin().await?;
        match tx.insert_execution(&stored).await {
            Ok(()) => {}
            // A client that retried with the same id (its first request
            // got through): the execution it started, not a second one.
            Err(StoreError::Duplicate { .. }) if req.id.is_some() => {
                drop(tx);
                return Ok((self.store.get_execution(&id).await?, false));
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
        Ok((started, true))
    }

    /// A workflow definition (by id or name) and its plan (the parsed spec,
    /// shared with the scheduler's cache: read and parsed once per spec).
    async fn workflow_spec(
        &self,
        workflow: &str,
        namespace: &str,
    ) -> Result<(WorkflowDefinition, Arc<Plan>), ServiceError> {
        let def = self.store.get_workflow(workflow, namespace).await?;
        let plan = self
            .scheduler
            .plan(&def.spec_hash)
            .await
            .map_err(|err| match err {
                crate::scheduler::SchedulerError::Store(err) => ServiceError::from(err),
                other => ServiceError::Internal(other.to_string()),
            })?;
        Ok((def, plan))
    }

    /// Checks a start request (workflow, input, environment) and builds the
    /// IDLE execution to store with its `start` event.
    pub(crate) async fn prepare_start(&self, req: &StartRequest) -> Result<Prepared, ServiceError> {
        self.check_input(req)?;
        let (def, plan) = self.workflow_spec(&req.workflow, &req.namespace).await?;
        let input = prepare_input(&plan.workflow, &req.input)
            .map_err(|e| ServiceError::BadRequest(e.to_string()))?;
        let mut params = req.params.clone();
        params
            .entry("namespace")
            .or_insert_with(|| Value::String(def.namespace.clone()));
        let mut env = self.resolve_env(params.get("env")).await?;
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
        let id = req
            .id
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        if let Some(id) = &req.id
            && let Ok(existing) = self.store.get_execution(id).await
        {
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
            backlog: Vec::new(),
            created_at: now,
            updated_at: Some(now),
        };
        Ok(Prepared::New(StoredExecution {
            execution: record,
            spec_hash: def.spec_hash.clone(),
            version: 0,
            owner: None,
        }))
    }

    /// Queues an event for an execution durably and delivers it (here, or
    /// through the store to the node that steps the execution).
    pub async fn send(&self, execution_id: &str, event: Event) -> Result<(), ServiceError> {
        Ok(self.scheduler.send(execution_id, event).await?)
    }

    /// Waits (reading the store after each of its steps) until `done` holds
    /// for the execution, for at most 30 seconds; returns the last read.
    pub async fn wait_until(
        &self,
        id: &str,
        done: impl Fn(&WorkflowExecution) -> bool,
    ) -> Result<StoredExecution, ServiceError> {
        self.poll(
            id,
            Duration::from_secs(30),
            || self.store.get_execution(id),
            |current| done(&current.execution),
        )
        .await
    }

    /// Reads with `read` until `done` holds for what it read or `limit` has
    /// passed, waiting between reads for a step of `execution_id` on this
    /// node (or a short while: another node may hold the execution); returns
    /// the last read. Only steps of that execution wake the caller, so many
    /// callers waiting at once (a burst of starts) cost no extra reads.
    async fn poll<T, F>(
        &self,
        execution_id: &str,
        limit: Duration,
        mut read: impl FnMut() -> F,
        done: impl Fn(&T) -> bool,
    ) -> Result<T, ServiceError>
    where
        F: Future<Output = Result<T, StoreError>>,
    {
        let deadline = tokio::time::Instant::now() + limit;
        // Subscribed before the first read: a step between is not missed.
        let mut changes = self.scheduler.subscribe();
        loop {
            let current = read().await?;
            if done(&current) || tokio::time::Instant::now() > deadline {
                return Ok(current);
            }
            crate::scheduler::wait_for_change(
                &mut changes,
                execution_id,
                Duration::from_millis(100),
            )
            .await;
        }
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
        if from != state {
            self.send(id, event).await?;
            self.wait_until(id, |e| e.state != from).await?;
        }
        Ok(self.store.get_execution(id).await?)
    }

    /// Definition lookups by id for many executions (list endpoints).
    pub async fn workflow_names(&self) -> Result<HashMap<String, String>, ServiceError> {
        Ok(self
            .store
            .list_workflows()
            .await?
            .into_iter()
            .map(|d| (d.id, d.name))
            .collect())
    }
}

/// Operations of the REST API beyond starting and steering executions.
impl Service {
    /// Deletes an execution with its sub-workflows, tasks, actions and jobs
    /// (`DELETE /v2/executions/{id}`). The caller decides whether a running
    /// execution may go (Mistral's `force`).
    pub async fn delete_execution(&self, id: &str) -> Result<(), ServiceError> {
        self.store.delete_execution(id).await?;
        Ok(())
    }

    /// Updates an execution's description, or merges `env` into its
    /// parameters (`PUT /v2/executions/{id}` without a state change).
    pub async fn update_execution_details(
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
}

/// A request to create a cron trigger (`POST /v2/cron_triggers`).
#[derive(Debug, Clone, Default)]
pub struct CronTriggerRequest {
    pub name: String,
    /// A definition id or name.
    pub workflow: String,
    pub namespace: String,
    pub input: Map<String, Value>,
    pub params: Map<String, Value>,
    pub pattern: Option<String>,
    /// `YYYY-MM-DD HH:MM` in UTC, as Mistral takes it.
    pub first_execution_time: Option<String>,
    pub remaining_executions: Option<i64>,
    pub scope: String,
}

fn bad(message: impl Into<String>) -> ServiceError {
    ServiceError::BadRequest(message.into())
}

/// Python's name of a JSON value's type, for Mistral's messages.
fn py_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "<class 'NoneType'>",
        Value::Bool(_) => "<class 'bool'>",
        Value::Number(n) if n.is_f64() => "<class 'float'>",
        Value::Number(_) => "<class 'int'>",
        Value::String(_) => "<class 'str'>",
        Value::Array(_) => "<class 'list'>",
        Value::Object(_) => "<class 'dict'>",
    }
}

/// Environments and cron triggers.
impl Service {
    /// The `env` of a new execution: a dict as given, or the variables of
    /// the environment a name designates (Mistral's `params.env`).
    pub async fn resolve_env(
        &self,
        env: Option<&Value>,
    ) -> Result<Map<String, Value>, ServiceError> {
        match env {
            Some(Value::Object(map)) => Ok(map.clone()),
            Some(Value::String(name)) if !name.is_empty() => {
                match self.store.get_environment(name).await {
                    Ok(found) => Ok(found.variables),
                    Err(StoreError::NotFound { .. }) => {
                        Err(bad(format!("Environment is not found: {name}")))
                    }
                    Err(other) => Err(other.into()),
                }
            }
            // Mistral treats every false value as "no environment".
            None | Some(Value::Null) | Some(Value::Bool(false)) | Some(Value::String(_)) => {
                Ok(Map::new())
            }
            Some(Value::Array(items)) if items.is_empty() => Ok(Map::new()),
            Some(other) => Err(bad(format!(
                "Unexpected value type for environment [env={other}, type={}]",
                py_type(other)
            ))),
        }
    }

    /// Stores a new environment (`POST /v2/environments`).
    pub async fn create_environment(
        &self,
        name: &str,
        description: Option<String>,
        variables: Map<String, Value>,
        scope: &str,
    ) -> Result<EnvironmentRecord, ServiceError> {
        let record = EnvironmentRecord {
            id: uuid::Uuid::new_v4().to_string(),
            name: name.to_owned(),
            description,
            variables,
            scope: scope.to_owned(),
            project_id: "<default-project>".to_owned(),
            created_at: now_micros(),
            updated_at: None,
        };
        self.store.create_environment(&record).await?;
        Ok(record)
    }

    /// Creates a cron trigger after Mistral's checks: a pattern or a first
    /// time (at least a minute ahead), a valid pattern, a count only with a
    /// pattern, and input the workflow accepts.
    pub async fn create_cron_trigger(
        &self,
        req: CronTriggerRequest,
    ) -> Result<CronTriggerRecord, ServiceError> {
        let now = now_micros();
        let first = match &req.first_execution_time {
            Some(text) => Some(schedule::parse_first_time(text).map_err(bad)?),
            None => None,
        };
        if first.is_none() && req.pattern.is_none() {
            return Err(bad("Pattern or first_execution_time must be specified."));
        }
        if let Some(first) = first {
            if first < now + 60_000_000 {
                return Err(bad(
                    "first_execution_time must be at least 1 minute in the future.",
                ));
            }
            if req.pattern.is_none() && req.remaining_executions.is_some_and(|n| n > 1) {
                return Err(bad("Pattern must be provided if count is superior to 1."));
            }
        }
        if let Some(n) = req.remaining_executions
            && n < 1
        {
            return Err(bad(format!(
                "Invalid input for field/attribute remaining_executions. Value: '{n}'. \
                 Value should be greater or equal to 1"
            )));
        }
        let invalid = |pattern: &str| bad(format!("The specified pattern is not valid: {pattern}"));
        let cron = match &req.pattern {
            Some(pattern) => Some(schedule::parse_pattern(pattern).map_err(|_| invalid(pattern))?),
            None => None,
        };
        let next = match (first, &cron, &req.pattern) {
            (Some(first), _, _) => first,
            (None, Some(cron), Some(pattern)) => {
                schedule::next_after(cron, now).ok_or_else(|| invalid(pattern))?
            }
            _ => return Err(bad("Pattern or first_execution_time must be specified.")),
        };
        let remaining = match (first, &req.pattern, req.remaining_executions) {
            // A single run at the first time.
            (Some(_), None, None) => Some(1),
            (_, _, count) => count,
        };
        let (def, plan) = self.workflow_spec(&req.workflow, &req.namespace).await?;
        prepare_input(&plan.workflow, &req.input).map_err(|e| bad(e.to_string()))?;
        let record = CronTriggerRecord {
            id: uuid::Uuid::new_v4().to_string(),
            name: req.name.clone(),
            pattern: req.pattern.clone(),
            first_execution_time: first,
            next_execution_time: next,
            remaining_executions: remaining,
            workflow_name: def.name.clone(),
            workflow_id: def.id.clone(),
            workflow_namespace: def.namespace.clone(),
            workflow_input: req.input.clone(),
            workflow_params: req.params.clone(),
            scope: req.scope.clone(),
            project_id: "<default-project>".to_owned(),
            created_at: now,
            updated_at: None,
        };
        self.store.create_cron_trigger(&record).await?;
        self.cron_wake.notify_one();
        Ok(record)
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

    /// Reruns (`skip` false) or skips a failed task (`PUT /v2/tasks/{id}`)
    /// after the core's checks (Mistral's refusals, as 400), and returns the
    /// task once the step that applies it is stored.
    pub async fn update_task(
        &self,
        task_id: &str,
        skip: bool,
        reset: Option<bool>,
        env: Option<Map<String, Value>>,
    ) -> Result<TaskExecution, ServiceError> {
        let task = self.store.get_task(task_id).await?;
        let execution_id = task.workflow_execution_id.clone();
        let mut tx = self.store.begin().await?;
        let snapshot = tx.load_snapshot(&execution_id).await?;
        let spec = tx.get_spec(&snapshot.execution.spec_hash).await?;
        // Read only: dropping the transaction rolls it back.
        drop(tx);
        let workflow = parse_spec(&spec)?;
        let version = snapshot.execution.version;
        let exec = Execution::new(
            snapshot.execution.execution,
            Plan::new(workflow),
            snapshot.tasks,
            snapshot.actions,
            snapshot.children.into_iter().map(|c| c.execution).collect(),
        );
        check_rerun(&exec, task_id, skip, reset, env.is_some()).map_err(bad)?;
        let event = if skip {
            Event::Skip {
                task_id: task_id.to_owned(),
            }
        } else {
            Event::Rerun {
                task_id: task_id.to_owned(),
                reset: reset.unwrap_or(true),
                env,
            }
        };
        self.send(&execution_id, event).await?;
        // Every step stores a new version: wait for the one applying ours
        // (bounded, in case another node holds the execution).
        self.poll(
            &execution_id,
            Duration::from_secs(10),
            || self.store.get_execution(&execution_id),
            |current| current.version > version,
        )
        .await?;
        Ok(self.store.get_task(task_id).await?)
    }
}
