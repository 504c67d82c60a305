//! One workflow execution in memory: its record, tasks, actions and
//! sub-workflows, with a record of what a step changed so the shell writes
//! only that.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::plan::Plan;
use crate::records::{ActionExecution, TaskExecution, WorkflowExecution};

/// What a step changed, by id; the shell writes exactly these rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    pub execution: bool,
    pub tasks: BTreeSet<String>,
    pub actions: BTreeSet<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        !self.execution && self.tasks.is_empty() && self.actions.is_empty()
    }
}

/// The state of one workflow execution.
#[derive(Debug, Clone)]
pub struct Execution {
    pub record: WorkflowExecution,
    pub plan: Arc<Plan>,
    pub tasks: Vec<TaskExecution>,
    pub actions: Vec<ActionExecution>,
    /// Sub-workflow executions started by this execution's tasks (read-only
    /// here: each child is stepped on its own).
    pub children: Vec<WorkflowExecution>,
    task_index: HashMap<String, usize>,
    action_index: HashMap<String, usize>,
    pub changes: Changes,
}

impl Execution {
    pub fn new(
        record: WorkflowExecution,
        plan: Arc<Plan>,
        tasks: Vec<TaskExecution>,
        actions: Vec<ActionExecution>,
        children: Vec<WorkflowExecution>,
    ) -> Self {
        let task_index = tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect();
        let action_index = actions
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        Self {
            record,
            plan,
            tasks,
            actions,
            children,
            task_index,
            action_index,
            changes: Changes::default(),
        }
    }

    /// Clears the change record (after the shell has written it).
    pub fn take_changes(&mut self) -> Changes {
        std::mem::take(&mut self.changes)
    }

    pub fn task(&self, id: &str) -> Option<&TaskExecution> {
        self.task_index.get(id).map(|&i| &self.tasks[i])
    }

    /// A task for changing; marks it changed.
    pub fn task_mut(&mut self, id: &str) -> Option<&mut TaskExecution> {
        let i = *self.task_index.get(id)?;
        self.changes.tasks.insert(id.to_owned());
        Some(&mut self.tasks[i])
    }

    pub fn add_task(&mut self, task: TaskExecution) {
        self.changes.tasks.insert(task.id.clone());
        self.task_index.insert(task.id.clone(), self.tasks.len());
        self.tasks.push(task);
    }

    pub fn action(&self, id: &str) -> Option<&ActionExecution> {
        self.action_index.get(id).map(|&i| &self.actions[i])
    }

    pub fn action_mut(&mut self, id: &str) -> Option<&mut ActionExecution> {
        let i = *self.action_index.get(id)?;
        self.changes.actions.insert(id.to_owned());
        Some(&mut self.actions[i])
    }

    pub fn add_action(&mut self, action: ActionExecution) {
        self.changes.actions.insert(action.id.clone());
        self.action_index
            .insert(action.id.clone(), self.actions.len());
        self.actions.push(action);
    }

    /// The workflow record for changing; marks it changed.
    pub fn record_mut(&mut self) -> &mut WorkflowExecution {
        self.changes.execution = true;
        &mut self.record
    }

    /// Actions of a task, in index order, current attempt first-class:
    /// superseded attempts have `accepted == false` once completed.
    pub fn actions_of<'a>(&'a self, task_id: &'a str) -> impl Iterator<Item = &'a ActionExecution> {
        self.actions
            .iter()
            .filter(move |a| a.task_execution_id.as_deref() == Some(task_id))
    }

    pub fn children_of<'a>(
        &'a self,
        task_id: &'a str,
    ) -> impl Iterator<Item = &'a WorkflowExecution> {
        self.children
            .iter()
            .filter(move |c| c.task_execution_id.as_deref() == Some(task_id))
    }

    /// Updates the copy of a child execution (its completion was reported).
    pub fn set_child(&mut self, child: WorkflowExecution) {
        match self.children.iter_mut().find(|c| c.id == child.id) {
            Some(slot) => *slot = child,
            None => self.children.push(child),
        }
    }

    /// The last task execution with this name.
    pub fn last_task_named(&self, name: &str) -> Option<&TaskExecution> {
        self.tasks.iter().rev().find(|t| t.name == name)
    }

    /// The next task sequence number.
    pub fn next_seq(&self) -> u64 {
        self.tasks.iter().map(|t| t.seq).max().unwrap_or(0) + 1
    }

    /// The environment (`params.env`, already evaluated at start).
    pub fn env(&self) -> Value {
        self.record
            .params
            .get("env")
            .cloned()
            .unwrap_or_else(|| Value::Object(Map::new()))
    }
}
