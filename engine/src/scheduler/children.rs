//! Sub-workflows: the record of a new child execution, and children started
//! inside their parent's step.
//!
//! A `StartChild` command normally becomes a stored child execution and a
//! start event, stepped later by its own worker; its end comes back to the
//! parent as another event, stepped again. For a short child (a few quick
//! actions) these hops and commits cost far more than the work. When the
//! parent's step may run quick actions (see [`super::inline`]), it starts
//! such children itself: it steps the new child's start right away (with
//! its quick actions), and when the child has something to tell its parent
//! (it finished or paused), the parent is stepped with that news in the
//! same step. The children are stored with the parent in one commit, with
//! whatever they still have to do (actions for the executor, timers,
//! grandchildren) as jobs, exactly as if they had been started apart.

use std::collections::HashMap;

use bora_core::execution::Execution;
use bora_core::input::prepare_input;
use bora_core::notify;
use bora_core::plan::Plan;
use bora_core::records::WorkflowExecution;
use bora_core::state::State;
use bora_core::step::{Command, Event};
use serde_json::{Map, Value};

use super::apply::StepFailure;
use super::{Scheduler, SchedulerError};

/// A sub-workflow started and stepped inside its parent's step, waiting to
/// be stored with it.
pub(super) struct Child {
    pub(super) exec: Execution,
    pub(super) spec_hash: String,
    /// What the child still has to do, for the commit (as any step's).
    pub(super) commands: Vec<Command>,
    /// The child's state before its start, when its `notify` wants its
    /// events (published once it is stored).
    pub(super) before: Option<notify::Before>,
}

impl Child {
    /// Publishes the events of the child's start (see `notify`).
    pub(super) fn publish_notifications(&self, notifier: &crate::notifier::Notifier) {
        let Some(before) = &self.before else {
            return;
        };
        let webhooks = notify::webhooks(&self.exec.record.params).unwrap_or_default();
        let notifications = notify::notifications(before, &self.exec);
        if !notifications.is_empty() {
            notifier.publish(&webhooks, &notifications);
        }
    }
}

/// The record of a new child execution (`Idle`, no input yet) for a
/// `StartChild` command of `parent`.
#[allow(clippy::too_many_arguments)]
pub(super) fn child_record(
    parent: &Execution,
    child_id: String,
    task_id: String,
    index: u32,
    workflow_name: String,
    namespace: String,
    mut params: Map<String, Value>,
    now: i64,
) -> WorkflowExecution {
    params.insert("namespace".into(), Value::String(namespace.clone()));
    WorkflowExecution {
        id: child_id,
        workflow_id: String::new(),
        workflow_name,
        workflow_namespace: namespace,
        description: String::new(),
        tags: Vec::new(),
        params,
        input: Map::new(),
        output: Map::new(),
        context: Map::new(),
        state: State::Idle,
        state_info: None,
        task_execution_id: Some(task_id),
        root_execution_id: Some(
            parent
                .record
                .root_execution_id
                .clone()
                .unwrap_or_else(|| parent.record.id.clone()),
        ),
        source_execution_id: None,
        index: Some(index),
        depth: parent.record.depth.saturating_add(1),
        project_id: parent.record.project_id.clone(),
        backlog: Vec::new(),
        created_at: now,
        updated_at: None,
    }
}

/// Gives `child` its definition and input: keys the child's workflow
/// declares are its input (checked and completed with defaults), the others
/// are parameters (`env`, `task_name`, ...), as in Mistral. The error is
/// why the child cannot start.
pub(super) fn bind_input(
    child: &mut WorkflowExecution,
    definition_id: String,
    plan: &Plan,
    input: Map<String, Value>,
) -> Result<(), String> {
    child.workflow_id = definition_id;
    let mut declared = Map::new();
    for (key, value) in input {
        if plan.workflow.input.iter().any(|p| p.name == key) {
            declared.insert(key, value);
        } else {
            child.params.insert(key, value);
        }
    }
    child.input = prepare_input(&plan.workflow, &declared).map_err(|err| err.to_string())?;
    Ok(())
}

/// The message of a child whose workflow does not exist.
pub(super) fn not_found(workflow_name: &str, namespace: &str) -> String {
    format!("Workflow not found [workflow_identifier={workflow_name}, namespace={namespace}]")
}

/// Definitions looked up during one step, by (name, namespace).
#[derive(Default)]
pub(super) struct Lookups {
    found: HashMap<(String, String), Option<(String, String)>>,
    /// Whether the root of the stepping execution is cancelled (looked up
    /// once, for a nested parent).
    root_cancelled: Option<bool>,
}

impl Scheduler {
    /// Starts the child of `start` (a `StartChild` command of `parent`)
    /// and steps it, unless it cannot be done here: then `Err` gives the
    /// command back for the commit to handle as usual (a missing workflow,
    /// bad input, a cancelled root).
    pub(super) async fn start_in_step(
        &self,
        parent: &Execution,
        start: Command,
        lookups: &mut Lookups,
        now: i64,
    ) -> Result<Result<Child, Command>, StepFailure> {
        let Command::StartChild {
            child_id,
            task_id,
            index,
            workflow_name,
            namespace,
            input,
            params,
        } = start
        else {
            return Ok(Err(start));
        };
        let key = (workflow_name.clone(), namespace.clone());
        if !lookups.found.contains_key(&key) || lookups.root_cancelled.is_none() {
            self.look_up(parent, &key, lookups).await?;
        }
        let found = lookups.found.get(&key).cloned().flatten();
        let give_back = |input| Command::StartChild {
            child_id: child_id.clone(),
            task_id: task_id.clone(),
            index,
            workflow_name: workflow_name.clone(),
            namespace: namespace.clone(),
            input,
            params: params.clone(),
        };
        let Some((definition_id, spec_hash)) = found else {
            return Ok(Err(give_back(input)));
        };
        if lookups.root_cancelled == Some(true) {
            return Ok(Err(give_back(input)));
        }
        let plan = self.plan(&spec_hash).await?;
        let mut record = child_record(
            parent,
            child_id.clone(),
            task_id.clone(),
            index,
            workflow_name.clone(),
            namespace.clone(),
            params.clone(),
            now,
        );
        if bind_input(&mut record, definition_id, &plan, input.clone()).is_err() {
            return Ok(Err(give_back(input)));
        }
        let mut exec = Execution::new(record, plan, Vec::new(), Vec::new(), Vec::new());
        exec.limits = parent.limits;
        exec.expr_limits = parent.expr_limits;
        let before = notify::webhooks(&exec.record.params)
            .is_ok_and(|hooks| !hooks.is_empty())
            .then(|| notify::Before::of(&exec));
        let (exec, commands) = self.run_core(exec, vec![Event::Start], now).await?;
        Ok(Ok(Child {
            exec,
            spec_hash,
            commands,
            before,
        }))
    }

    /// Looks up the definition `key` names as the parent's sub-workflow,
    /// and whether the parent's root is cancelled, outside of any write
    /// transaction (on SQLite a write transaction waits for the committer).
    async fn look_up(
        &self,
        parent: &Execution,
        key: &(String, String),
        lookups: &mut Lookups,
    ) -> Result<(), SchedulerError> {
        let store = &self.inner.store;
        if !lookups.found.contains_key(key) {
            let (name, namespace) = key;
            let found = store
                .resolve_subworkflow(
                    &parent.record.workflow_id,
                    name,
                    namespace,
                    &parent.record.project_id,
                )
                .await?;
            lookups.found.insert(key.clone(), found);
        }
        if lookups.root_cancelled.is_none() {
            let cancelled = match &parent.record.root_execution_id {
                // The root is the parent itself: a cancel of it is an event
                // for a later step, which cancels these children too.
                None => false,
                Some(root) => store.execution_state(root).await? == Some(State::Cancelled),
            };
            lookups.root_cancelled = Some(cancelled);
        }
        Ok(())
    }
}

/// Takes the news for the parent out of a child's commands: the child's
/// record as its parent must see it, if the child told it something.
pub(super) fn news_for_parent(child: &mut Child) -> Option<Event> {
    let before = child.commands.len();
    child
        .commands
        .retain(|c| !matches!(c, Command::NotifyParent { .. }));
    (child.commands.len() != before).then(|| Event::ChildChanged {
        child: Box::new(child.exec.record.clone()),
    })
}
