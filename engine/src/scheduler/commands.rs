//! Turning the core's commands into jobs, records and follow-ups, inside
//! the step's transaction.

use bora_core::execution::Execution;
use bora_core::state::State;
use bora_core::step::{Command, Event};
use bora_store::{JobKind, NewJob, StoreTx, StoredExecution};
use serde_json::Value;

use super::apply::{ActionJob, After, task_context};
use super::children::{bind_input, child_record, not_found};
use super::{Scheduler, SchedulerError};
use crate::ids::new_id;

impl Scheduler {
    /// Turns one core command into jobs, records and follow-ups.
    pub(super) async fn command(
        &self,
        tx: &mut StoreTx<'_>,
        exec: &Execution,
        command: Command,
        now: i64,
        jobs: &mut Vec<NewJob>,
        after: &mut After,
    ) -> Result<(), SchedulerError> {
        match command {
            command @ Command::RunAction { .. } => {
                let Some(mut job) = ActionJob::from_run(exec, command) else {
                    return Ok(());
                };
                job.job_id = new_id();
                // Standard actions need no lookup (the hot path); other
                // names may be ad-hoc actions of the workbook.
                if !crate::actions::is_std(&job.name) {
                    job.workbook = tx.workbook_of(&exec.record.workflow_id).await?;
                    job.context = Some(task_context(exec, &job.task_id));
                    job.pinned_at = exec.task(&job.task_id).and_then(|t| t.started_at);
                }
                let target = job.target.clone();
                if let Some(name) = &target
                    && !tx.executor_alive(name).await?
                {
                    after.notes.push((
                        job.task_id.clone(),
                        format!(
                            "Waiting for an executor named '{name}' (the task's target): \
                             no live node runs one; the action starts when one does."
                        ),
                    ));
                }
                // Straight to this node's executor while it has a free
                // slot; otherwise any executor (of the target's name) claims it.
                let local = target.is_none() && self.reserve_slot();
                jobs.push(NewJob {
                    id: job.job_id.clone(),
                    kind: JobKind::Action,
                    execution_id: Some(job.execution_id.clone()),
                    due_at: now,
                    payload: serde_json::to_value(&job).unwrap_or(Value::Null),
                    locked_by: local.then(|| self.inner.node.clone()),
                    target,
                    created_at: now,
                });
                if local {
                    after.actions.push(job);
                } else {
                    after.announce_actions = true;
                }
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
                let mut timer = self.event_job(&new_id(), &exec.record.id, &event, now, false);
                timer.due_at = due_at;
                jobs.push(timer);
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
                let mut child = child_record(
                    exec,
                    child_id.clone(),
                    task_id.clone(),
                    index,
                    workflow_name.clone(),
                    namespace.clone(),
                    params,
                    now,
                );
                let found = tx
                    .resolve_subworkflow(
                        &exec.record.workflow_id,
                        &workflow_name,
                        &namespace,
                        &exec.record.project_id,
                    )
                    .await?;
                let failure = match found {
                    None => Some(not_found(&workflow_name, &namespace)),
                    Some((definition_id, spec_hash)) => {
                        let plan = self.plan(&spec_hash).await?;
                        match bind_input(&mut child, definition_id, &plan, input) {
                            Ok(()) => {
                                tx.put_executions(&[StoredExecution {
                                    execution: child.clone(),
                                    spec_hash,
                                    version: 0,
                                    owner: self.inner.engine.then(|| self.inner.node.clone()),
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
                                after.route(self.queue_event(jobs, &child_id, event, now, true));
                                None
                            }
                            Err(message) => Some(message),
                        }
                    }
                };
                if let Some(message) = failure {
                    // The child cannot start: no execution is created and
                    // the task fails with the reason, as Mistral does.
                    let event = Event::TaskFailed { task_id, message };
                    after.route(self.queue_event(jobs, &exec.record.id, event, now, true));
                }
            }
            Command::PauseChild { child_id } => {
                after.route(self.queue_event(jobs, &child_id, Event::Pause, now, false));
            }
            Command::ResumeChild { child_id } => {
                after.route(self.queue_event(jobs, &child_id, Event::Resume, now, false));
            }
            Command::CancelChild { child_id } => {
                let event = Event::Cancel { message: None };
                after.route(self.queue_event(jobs, &child_id, event, now, false));
            }
            Command::NotifyParent {
                parent_task_id,
                child_id,
            } => {
                if let Some(parent) = tx.task_owner(&parent_task_id).await? {
                    let event = Event::ChildChanged {
                        child: Box::new(exec.record.clone()),
                    };
                    after.route(self.queue_event(jobs, &parent, event, now, false));
                }
                let _ = child_id;
            }
            Command::Finished => after.finished = true,
        }
        Ok(())
    }
}
