//! One engine step in one store transaction.

use std::sync::Arc;

use bora_core::dataflow::{Contexts, task_data};
use bora_core::execution::Execution;
use bora_core::input::prepare_input;
use bora_core::plan::Plan;
use bora_core::records::WorkflowExecution;
use bora_core::state::State;
use bora_core::step::{CallLimits, Command, Event, step};
use bora_lang::model::Workflow;
use bora_store::{JobKind, NewJob, StoreTx, StoredExecution};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{Scheduler, SchedulerError, lock, now_micros};

/// An action for the executor to run (also the payload of its job).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionJob {
    /// The job's id in the store (set when claimed or created).
    #[serde(default)]
    pub job_id: String,
    pub action_id: String,
    pub execution_id: String,
    pub task_id: String,
    pub name: String,
    pub input: Map<String, Value>,
    /// Seconds; the task's `timeout` policy.
    pub timeout: Option<u64>,
    /// The calling workflow's namespace (where ad-hoc actions are looked up).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub namespace: String,
    /// The calling workflow's workbook: its actions come first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workbook: Option<String>,
    /// The task's data (`__env`, context, input) for an ad-hoc action's
    /// `base-input`; only for names that are not standard actions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Value>,
    /// The task's `safe-rerun`: when the node running the action dies, the
    /// action runs again only if set; otherwise it fails (Mistral). Absent
    /// in jobs written before it existed: not safe.
    #[serde(default)]
    pub safe_rerun: bool,
    /// When the task started (or was rerun), UTC microseconds: an uploaded
    /// action runs the version that was newest then, so a re-upload does
    /// not change what a running task's retries and items run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinned_at: Option<i64>,
    /// The task's `limits` (Bora extension): the call's fuel, memory and
    /// allowed hosts over the action's own. Absent in older jobs: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<CallLimits>,
}

/// The data a task's expressions see, for ad-hoc `base-input`.
fn task_context(exec: &Execution, task_id: &str) -> Value {
    let branch = Contexts::default().inbound(exec, task_id);
    task_data(exec, exec.task(task_id), Map::new(), &branch).to_value()
}

/// How long an action job stays leased beyond its own timeout.
const ACTION_LEASE_MARGIN_SECS: i64 = 30;
/// The lease when the task sets no timeout (the runtime's default deadline
/// stops the action well before).
const DEFAULT_ACTION_LEASE_SECS: i64 = 120;

fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Follow-ups to carry out after the commit.
#[derive(Default)]
struct After {
    actions: Vec<ActionJob>,
    events: Vec<(String, Event, String)>,
    wake: bool,
    finished: bool,
}

impl Scheduler {
    /// Loads (or reuses) the execution, applies `batch`, stores the result.
    pub(super) async fn apply(
        &self,
        execution_id: &str,
        batch: Vec<(Event, Option<String>)>,
    ) -> Result<(), SchedulerError> {
        let store = &self.inner.store;
        let mut tx = store.begin().await?;
        let job_ids: Vec<String> = batch.iter().filter_map(|(_, job)| job.clone()).collect();
        let Some(version) = tx.lock_execution(execution_id).await? else {
            // The execution was deleted: its events go with it.
            tx.delete_jobs(&job_ids).await?;
            tx.commit().await?;
            return Ok(());
        };
        let cached = lock(&self.inner.cache)
            .remove(execution_id)
            .filter(|cached| cached.version == version);
        let (mut exec, spec_hash) = match cached {
            Some(cached) => (cached.exec, cached.spec_hash),
            None => {
                let snapshot = tx.load_snapshot(execution_id).await?;
                let plan = self.plan(&mut tx, &snapshot.execution.spec_hash).await?;
                let exec = Execution::new(
                    snapshot.execution.execution,
                    plan,
                    snapshot.tasks,
                    snapshot.actions,
                    snapshot.children.into_iter().map(|c| c.execution).collect(),
                );
                (exec, snapshot.execution.spec_hash)
            }
        };
        let events: Vec<Event> = batch.into_iter().map(|(event, _)| event).collect();
        let now = now_micros();
        let commands = step(&mut exec, events, now, &mut uuid);
        let changes = exec.take_changes();
        let new_version = version + 1;
        tx.put_executions(&[StoredExecution {
            execution: exec.record.clone(),
            spec_hash: spec_hash.clone(),
            version: new_version,
        }])
        .await?;
        let tasks: Vec<_> = changes
            .tasks
            .iter()
            .filter_map(|id| exec.task(id).cloned())
            .collect();
        tx.put_tasks(&tasks).await?;
        let actions: Vec<_> = changes
            .actions
            .iter()
            .filter_map(|id| exec.action(id).cloned())
            .collect();
        tx.put_actions(&actions).await?;

        let mut after = After::default();
        let mut jobs = Vec::new();
        for command in commands {
            self.command(&mut tx, &exec, command, now, &mut jobs, &mut after)
                .await?;
        }
        if after.finished {
            // Timers of a finished execution will never matter.
            tx.delete_execution_jobs(execution_id, JobKind::Event.as_str())
                .await?;
        }
        tx.insert_jobs(&jobs).await?;
        tx.delete_jobs(&job_ids).await?;
        tx.commit().await?;

        if !after.finished {
            lock(&self.inner.cache).insert(
                execution_id.to_owned(),
                super::Cached {
                    version: new_version,
                    spec_hash,
                    exec,
                },
            );
        }
        for job in after.actions {
            // The executor may be gone at shutdown; the job stays in the store.
            let _ = self.inner.actions.send(job);
        }
        for (target, event, job) in after.events {
            self.submit(&target, event, Some(job));
        }
        if after.wake {
            self.wake();
        }
        Ok(())
    }

    /// The plan of a stored spec, parsed once per process.
    async fn plan(&self, tx: &mut StoreTx, hash: &str) -> Result<Arc<Plan>, SchedulerError> {
        if let Some(plan) = lock(&self.inner.plans).get(hash) {
            return Ok(plan.clone());
        }
        let spec = tx.get_spec(hash).await?;
        let workflow: Workflow =
            serde_json::from_str(&spec).map_err(|err| SchedulerError::Spec {
                hash: hash.to_owned(),
                detail: err.to_string(),
            })?;
        let plan = Plan::new(workflow);
        lock(&self.inner.plans).insert(hash.to_owned(), plan.clone());
        Ok(plan)
    }

    /// Turns one core command into jobs, records and follow-ups.
    async fn command(
        &self,
        tx: &mut StoreTx,
        exec: &Execution,
        command: Command,
        now: i64,
        jobs: &mut Vec<NewJob>,
        after: &mut After,
    ) -> Result<(), SchedulerError> {
        let node = self.inner.node.clone();
        match command {
            Command::RunAction {
                action_id,
                task_id,
                execution_id,
                name,
                input,
                timeout,
                safe_rerun,
                limits,
            } => {
                // Standard actions need no lookup (the hot path); other
                // names may be ad-hoc actions of the workbook.
                let (workbook, context, pinned_at) = if crate::actions::is_std(&name) {
                    (None, None, None)
                } else {
                    (
                        tx.workbook_of(&exec.record.workflow_id).await?,
                        Some(task_context(exec, &task_id)),
                        exec.task(&task_id).and_then(|t| t.started_at),
                    )
                };
                let lease_secs = timeout
                    .map(|t| {
                        i64::try_from(t).unwrap_or(i64::MAX / 2_000_000) + ACTION_LEASE_MARGIN_SECS
                    })
                    .unwrap_or(DEFAULT_ACTION_LEASE_SECS);
                let mut job = ActionJob {
                    job_id: uuid(),
                    action_id,
                    execution_id: execution_id.clone(),
                    task_id,
                    name,
                    input,
                    timeout,
                    namespace: exec.record.workflow_namespace.clone(),
                    workbook,
                    context,
                    safe_rerun,
                    pinned_at,
                    limits,
                };
                jobs.push(NewJob {
                    id: job.job_id.clone(),
                    kind: JobKind::Action,
                    execution_id: Some(execution_id),
                    due_at: now,
                    payload: serde_json::to_value(&job).unwrap_or(Value::Null),
                    locked_by: Some(node),
                    locked_until: Some(now + lease_secs * 1_000_000),
                    created_at: now,
                });
                job.job_id = jobs.last().map(|j| j.id.clone()).unwrap_or_default();
                after.actions.push(job);
            }
            Command::Timer {
                task_id,
                timer,
                attempt,
                due_at,
            } => {
                let event = Event::Timer {
                    task_id,
                    timer,
                    attempt,
                };
                jobs.push(NewJob {
                    id: uuid(),
                    kind: JobKind::Event,
                    execution_id: Some(exec.record.id.clone()),
                    due_at,
                    payload: serde_json::to_value(&event).unwrap_or(Value::Null),
                    locked_by: None,
                    locked_until: None,
                    created_at: now,
                });
                after.wake = true;
            }
            Command::StartChild {
                child_id,
                task_id,
                index,
                workflow_name,
                namespace,
                input,
                params,
            } => {
                let mut child = WorkflowExecution {
                    id: child_id.clone(),
                    workflow_id: String::new(),
                    workflow_name: workflow_name.clone(),
                    workflow_namespace: namespace.clone(),
                    description: String::new(),
                    tags: Vec::new(),
                    params,
                    input: input.clone(),
                    output: Map::new(),
                    context: Map::new(),
                    state: State::Idle,
                    state_info: None,
                    task_execution_id: Some(task_id),
                    root_execution_id: Some(
                        exec.record
                            .root_execution_id
                            .clone()
                            .unwrap_or_else(|| exec.record.id.clone()),
                    ),
                    source_execution_id: None,
                    index: Some(index),
                    depth: exec.record.depth.saturating_add(1),
                    backlog: Vec::new(),
                    created_at: now,
                    updated_at: None,
                };
                child
                    .params
                    .insert("namespace".into(), Value::String(namespace.clone()));
                // Inside a workbook, `<wb>.<name>` comes first.
                let mut found = None;
                if let Some(wb) = tx.workbook_of(&exec.record.workflow_id).await? {
                    found = tx
                        .find_workflow(&format!("{wb}.{workflow_name}"), &namespace)
                        .await?;
                }
                if found.is_none() {
                    found = tx.find_workflow(&workflow_name, &namespace).await?;
                }
                let failure = match found {
                    None => Some((
                        String::new(),
                        format!(
                            "Workflow not found [workflow_identifier={workflow_name}, namespace={namespace}]"
                        ),
                    )),
                    Some((def_id, spec_hash, _)) => {
                        let plan = self.plan(tx, &spec_hash).await?;
                        child.workflow_id = def_id;
                        // Keys the child does not declare are parameters
                        // (`env`, `task_name`, ...), as in Mistral.
                        let mut declared = Map::new();
                        for (key, value) in input {
                            if plan.workflow.input.iter().any(|p| p.name == key) {
                                declared.insert(key, value);
                            } else {
                                child.params.insert(key, value);
                            }
                        }
                        match prepare_input(&plan.workflow, &declared) {
                            Ok(prepared) => {
                                child.input = prepared;
                                tx.put_executions(&[StoredExecution {
                                    execution: child.clone(),
                                    spec_hash,
                                    version: 0,
                                }])
                                .await?;
                                // The root was cancelled while this step ran:
                                // the child is cancelled instead of started, so
                                // no descendant outlives the cancel.
                                let root = child.root_execution_id.clone().unwrap_or_default();
                                let event = if root != exec.record.id
                                    && tx.execution_state(&root).await? == Some(State::Cancelled)
                                {
                                    Event::Cancel {
                                        message: Some(format!(
                                            "Root execution {root} was cancelled before this sub-workflow started."
                                        )),
                                    }
                                } else {
                                    Event::Start
                                };
                                let job = uuid();
                                jobs.push(event_job(&job, &child_id, &event, now, &node));
                                after.events.push((child_id.clone(), event, job));
                                None
                            }
                            Err(err) => Some((spec_hash, err.to_string())),
                        }
                    }
                };
                if let Some((_, message)) = failure {
                    // The child cannot start: no execution is created and
                    // the task fails with the reason, as Mistral does.
                    let task_id = child.task_execution_id.clone().unwrap_or_default();
                    let event = Event::TaskFailed { task_id, message };
                    let job = uuid();
                    jobs.push(event_job(&job, &exec.record.id, &event, now, &node));
                    after.events.push((exec.record.id.clone(), event, job));
                }
            }
            Command::PauseChild { child_id } => {
                let job = uuid();
                jobs.push(event_job(&job, &child_id, &Event::Pause, now, &node));
                after.events.push((child_id, Event::Pause, job));
            }
            Command::ResumeChild { child_id } => {
                let job = uuid();
                jobs.push(event_job(&job, &child_id, &Event::Resume, now, &node));
                after.events.push((child_id, Event::Resume, job));
            }
            Command::CancelChild { child_id } => {
                let event = Event::Cancel { message: None };
                let job = uuid();
                jobs.push(event_job(&job, &child_id, &event, now, &node));
                after.events.push((child_id, event, job));
            }
            Command::NotifyParent {
                parent_task_id,
                child_id,
            } => {
                if let Some(parent) = tx.task_owner(&parent_task_id).await? {
                    let event = Event::ChildChanged {
                        child: Box::new(exec.record.clone()),
                    };
                    let job = uuid();
                    jobs.push(event_job(&job, &parent, &event, now, &node));
                    after.events.push((parent, event, job));
                }
                let _ = child_id;
            }
            Command::Finished => after.finished = true,
        }
        Ok(())
    }
}

/// A job holding an event for an execution, leased by this node (which
/// delivers it right after the commit).
fn event_job(id: &str, execution_id: &str, event: &Event, now: i64, node: &str) -> NewJob {
    NewJob {
        id: id.to_owned(),
        kind: JobKind::Event,
        execution_id: Some(execution_id.to_owned()),
        due_at: now,
        payload: serde_json::to_value(event).unwrap_or(Value::Null),
        locked_by: Some(node.to_owned()),
        locked_until: Some(now + super::EVENT_LEASE.as_micros() as i64),
        created_at: now,
    }
}
