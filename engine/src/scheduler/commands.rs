//! Turning the core's commands into jobs, records and follow-ups, inside
//! the step's transaction.

use bora_core::execution::Execution;
use bora_core::input::prepare_input;
use bora_core::records::WorkflowExecution;
use bora_core::state::State;
use bora_core::step::{Command, Event};
use bora_store::{JobKind, NewJob, StoreTx, StoredExecution};
use serde_json::{Map, Value};

use super::apply::{ActionJob, After, task_context, uuid};
use super::{Scheduler, SchedulerError};

/// How long an action job stays leased beyond its own timeout.
const ACTION_LEASE_MARGIN_SECS: i64 = 30;
/// The lease when the task sets no timeout (the runtime's default deadline
/// stops the action well before).
const DEFAULT_ACTION_LEASE_SECS: i64 = 120;

impl Scheduler {
    /// Turns one core command into jobs, records and follow-ups.
    pub(super) async fn command(
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
                        let plan = self.plan(&spec_hash).await?;
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
                                let job = uuid();
                                jobs.push(event_job(&job, &child_id, &Event::Start, now, &node));
                                after.events.push((child_id.clone(), Event::Start, job));
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
pub(super) fn event_job(id: &str, execution_id: &str, event: &Event, now: i64, node: &str) -> NewJob {
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
