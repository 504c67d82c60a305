//! The operations Bora offers, used by the REST API and the CLI: workflow
//! definitions, starting and controlling executions. A thin layer over the
//! language crate, the store and the scheduler; it owns no workflow logic.

use std::collections::HashMap;

use bora_core::input::prepare_input;
use bora_core::records::WorkflowExecution;
use bora_core::state::State;
use bora_core::step::Event;
use bora_lang::model::Workflow;
use bora_store::{
    JobKind, NewJob, Store, StoreError, StoredExecution, WorkbookRecord, WorkflowDefinition,
};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use crate::scheduler::{Scheduler, now_micros};

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
}

fn sha256(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// Mistral's input string: `a, b="x"` (defaults as JSON).
pub fn input_string(workflow: &Workflow) -> String {
    workflow
        .input
        .iter()
        .map(|p| match &p.default {
            Some(default) => format!("{}={}", p.name, default),
            None => p.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
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
        Self { store, scheduler }
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
        let list = bora_lang::parse_workflows(text).map_err(invalid)?;
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
        let workbook = bora_lang::parse_workbook(text).map_err(invalid)?;
        let now = now_micros();
        let defs = workbook
            .workflows
            .iter()
            .map(|workflow| {
                let mut workflow = workflow.clone();
                workflow.name = workbook.qualified_name(&workflow.name);
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
        let def = self
            .store
            .get_workflow(&req.workflow, &req.namespace)
            .await?;
        let spec = self.store.get_spec(&def.spec_hash).await?;
        let workflow: Workflow = serde_json::from_str(&spec)
            .map_err(|e| ServiceError::Internal(format!("stored spec unreadable: {e}")))?;
        let input = prepare_input(&workflow, &req.input)
            .map_err(|e| ServiceError::BadRequest(e.to_string()))?;
        let mut params = req.params.clone();
        params
            .entry("namespace")
            .or_insert_with(|| Value::String(def.namespace.clone()));
        match params.get("env") {
            None | Some(Value::Null) => {
                params.insert("env".into(), Value::Object(Map::new()));
            }
            Some(Value::Object(_)) => {}
            Some(other) => {
                return Err(ServiceError::BadRequest(format!(
                    "Environment is not found: {}",
                    other
                        .as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| other.to_string())
                )));
            }
        }
        let now = now_micros();
        let id = req
            .id
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        if let Some(id) = &req.id
            && let Ok(existing) = self.store.get_execution(id).await
        {
            return Ok(existing);
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
            backlog: Vec::new(),
            created_at: now,
            updated_at: Some(now),
        };
        let job = uuid::Uuid::new_v4().to_string();
        let mut tx = self.store.begin().await?;
        tx.put_executions(&[StoredExecution {
            execution: record,
            spec_hash: def.spec_hash.clone(),
            version: 0,
        }])
        .await?;
        tx.insert_jobs(&[self.event_job(&job, &id, &Event::Start, now)])
            .await?;
        tx.commit().await?;
        self.scheduler.submit(&id, Event::Start, Some(job));
        self.wait_until(&id, |e| e.state != State::Idle).await?;
        Ok(self.store.get_execution(&id).await?)
    }

    /// A durable event for an execution, delivered by this node now.
    fn event_job(&self, job: &str, execution: &str, event: &Event, now: i64) -> NewJob {
        NewJob {
            id: job.to_owned(),
            kind: JobKind::Event,
            execution_id: Some(execution.to_owned()),
            due_at: now,
            payload: serde_json::to_value(event).unwrap_or(Value::Null),
            locked_by: Some(self.scheduler.node().to_owned()),
            locked_until: Some(now + 60_000_000),
            created_at: now,
        }
    }

    /// Queues an event for an execution durably and delivers it.
    pub async fn send(&self, execution_id: &str, event: Event) -> Result<(), ServiceError> {
        let now = now_micros();
        let job = uuid::Uuid::new_v4().to_string();
        let mut tx = self.store.begin().await?;
        tx.insert_jobs(&[self.event_job(&job, execution_id, &event, now)])
            .await?;
        tx.commit().await?;
        self.scheduler.submit(execution_id, event, Some(job));
        Ok(())
    }

    /// Waits (polling the store after each step) until `done` holds for the
    /// execution, for at most 30 seconds.
    pub async fn wait_until(
        &self,
        id: &str,
        done: impl Fn(&WorkflowExecution) -> bool,
    ) -> Result<(), ServiceError> {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            let current = self.store.get_execution(id).await?;
            if done(&current.execution) || tokio::time::Instant::now() > deadline {
                return Ok(());
            }
            self.scheduler
                .wait_step(std::time::Duration::from_millis(50))
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
