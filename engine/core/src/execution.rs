//! One workflow execution in memory: its record, tasks, actions and
//! sub-workflows, with a record of what a step changed so the shell writes
//! only that.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use serde_json::{Map, Value};

use crate::join::JoinCache;
use crate::limits::EngineLimits;
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

/// Expression errors met by steps, by kind, until the shell takes them for
/// its metrics: the core only counts (expressions are evaluated through
/// shared references, hence atomics).
#[derive(Debug, Default)]
pub struct ExprErrors([AtomicU32; 4]);

impl ExprErrors {
    /// The kinds, in slot order: evaluation errors by language, a limit of
    /// the budget, and grammar errors (mixed delimiters included).
    pub const KINDS: [&'static str; 4] = ["yaql", "jinja", "limit", "grammar"];

    pub fn record(&self, err: &bora_expr::ExprError) {
        use bora_expr::ExprError;
        let slot = match err {
            ExprError::Yaql { .. } => 0,
            ExprError::Jinja { .. } => 1,
            ExprError::Limit { .. } => 2,
            ExprError::YaqlGrammar(_) | ExprError::JinjaGrammar(_) | ExprError::Mixed => 3,
        };
        self.0[slot].fetch_add(1, Ordering::Relaxed);
    }

    /// The counts by kind since the last call, which resets them.
    pub fn take(&self) -> [(&'static str, u32); 4] {
        let mut out = [("", 0); 4];
        for (i, slot) in self.0.iter().enumerate() {
            out[i] = (Self::KINDS[i], slot.swap(0, Ordering::Relaxed));
        }
        out
    }
}

impl Clone for ExprErrors {
    fn clone(&self) -> Self {
        Self(std::array::from_fn(|i| {
            AtomicU32::new(self.0[i].load(Ordering::Relaxed))
        }))
    }
}

/// A with-items task's evaluated items (the variables of each item).
pub type Items = Arc<Vec<Map<String, Value>>>;

/// The state of one workflow execution.
///
/// `tasks`, `actions` and `children` are read freely but changed only
/// through the methods here, which keep the indexes (by id, by task, last
/// task by name) that make lookups O(1) for executions with many tasks.
#[derive(Debug, Clone)]
pub struct Execution {
    pub record: WorkflowExecution,
    pub plan: Arc<Plan>,
    pub tasks: Vec<TaskExecution>,
    pub actions: Vec<ActionExecution>,
    /// Sub-workflow executions started by this execution's tasks (read-only
    /// here: each child is stepped on its own). A child is listed from the
    /// step that asks for it, so a cancel reaches it even before it runs.
    pub children: Vec<WorkflowExecution>,
    /// The caps this execution runs under, set by the shell (defaults until
    /// then).
    pub limits: EngineLimits,
    /// The budget of each expression evaluated in a step: steps, bytes,
    /// depths and the step's deadline, set by the shell before each step.
    pub expr_limits: bora_expr::Limits,
    /// The time and randomness a step's expressions read, set by
    /// [`crate::step::step`] from its env (memory only).
    pub expr_env: crate::dataflow::ExprEnv,
    /// While a task's publish is evaluated: the task and the state it is
    /// completing in, which `task()` shows (Mistral sets the state before
    /// it publishes). Memory only.
    pub publishing: Option<(String, crate::state::State)>,
    task_index: HashMap<String, usize>,
    action_index: HashMap<String, usize>,
    child_index: HashMap<String, usize>,
    /// The last task execution of each name.
    last_by_name: HashMap<String, usize>,
    /// Positions in `actions`, per task id, in order.
    actions_by_task: HashMap<String, Vec<usize>>,
    /// Positions in `children`, per parent task id, in order.
    children_by_task: HashMap<String, Vec<usize>>,
    max_seq: u64,
    /// Waiting joins (memory only; see [`crate::join`]).
    pub joins: JoinCache,
    /// Evaluated with-items lists by task id, with the attempt they belong
    /// to (memory only: evaluated again after a reload).
    pub(crate) items: HashMap<String, (u64, Items)>,
    /// Outbound contexts computed so far (memory only; see
    /// [`crate::dataflow::Contexts`]).
    pub(crate) contexts: crate::dataflow::Contexts,
    pub changes: Changes,
    /// Expression errors of the steps since the shell last took them.
    pub expr_errors: ExprErrors,
}

impl Execution {
    pub fn new(
        record: WorkflowExecution,
        plan: Arc<Plan>,
        tasks: Vec<TaskExecution>,
        actions: Vec<ActionExecution>,
        children: Vec<WorkflowExecution>,
    ) -> Self {
        let mut exec = Self {
            record,
            plan,
            tasks: Vec::with_capacity(tasks.len()),
            actions: Vec::with_capacity(actions.len()),
            children: Vec::with_capacity(children.len()),
            limits: EngineLimits::default(),
            expr_limits: bora_expr::Limits::DEFAULT,
            expr_env: crate::dataflow::ExprEnv::default(),
            publishing: None,
            task_index: HashMap::new(),
            action_index: HashMap::new(),
            child_index: HashMap::new(),
            last_by_name: HashMap::new(),
            actions_by_task: HashMap::new(),
            children_by_task: HashMap::new(),
            max_seq: 0,
            joins: JoinCache::default(),
            items: HashMap::new(),
            contexts: crate::dataflow::Contexts::default(),
            changes: Changes::default(),
            expr_errors: ExprErrors::default(),
        };
        for task in tasks {
            exec.index_task(task);
        }
        for action in actions {
            exec.index_action(action);
        }
        for child in children {
            exec.set_child(child);
        }
        exec
    }

    fn index_task(&mut self, task: TaskExecution) {
        let i = self.tasks.len();
        self.task_index.insert(task.id.clone(), i);
        self.last_by_name.insert(task.name.clone(), i);
        self.max_seq = self.max_seq.max(task.seq);
        self.tasks.push(task);
    }

    fn index_action(&mut self, action: ActionExecution) {
        let i = self.actions.len();
        self.action_index.insert(action.id.clone(), i);
        if let Some(task) = &action.task_execution_id {
            self.actions_by_task
                .entry(task.clone())
                .or_default()
                .push(i);
        }
        self.actions.push(action);
    }

    /// A task named `name` changed: the joins it feeds must look again.
    fn mark_joins(&mut self, name: &str) {
        for (join, pos) in self.plan.feeds(name) {
            self.joins.mark(join, *pos);
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
        if self.plan.has_joins() {
            let name = self.tasks[i].name.clone();
            self.mark_joins(&name);
        }
        Some(&mut self.tasks[i])
    }

    pub fn add_task(&mut self, task: TaskExecution) {
        self.changes.tasks.insert(task.id.clone());
        if self.plan.has_joins() {
            self.mark_joins(&task.name.clone());
        }
        self.index_task(task);
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
        self.index_action(action);
    }

    /// The workflow record for changing; marks it changed.
    pub fn record_mut(&mut self) -> &mut WorkflowExecution {
        self.changes.execution = true;
        &mut self.record
    }

    /// Actions of a task, in index order, current attempt first-class:
    /// superseded attempts have `accepted == false` once completed.
    pub fn actions_of<'a>(&'a self, task_id: &'a str) -> impl Iterator<Item = &'a ActionExecution> {
        self.actions_by_task
            .get(task_id)
            .into_iter()
            .flatten()
            .map(|&i| &self.actions[i])
    }

    pub fn children_of<'a>(
        &'a self,
        task_id: &'a str,
    ) -> impl Iterator<Item = &'a WorkflowExecution> {
        self.children_by_task
            .get(task_id)
            .into_iter()
            .flatten()
            .map(|&i| &self.children[i])
    }

    /// A child execution by id.
    pub fn child(&self, id: &str) -> Option<&WorkflowExecution> {
        self.child_index.get(id).map(|&i| &self.children[i])
    }

    /// Updates the copy of a child execution (its completion was reported),
    /// or lists a new one.
    pub fn set_child(&mut self, child: WorkflowExecution) {
        match self.child_index.get(&child.id) {
            Some(&i) => self.children[i] = child,
            None => {
                let i = self.children.len();
                self.child_index.insert(child.id.clone(), i);
                if let Some(task) = &child.task_execution_id {
                    self.children_by_task
                        .entry(task.clone())
                        .or_default()
                        .push(i);
                }
                self.children.push(child);
            }
        }
    }

    /// The last task execution with this name.
    pub fn last_task_named(&self, name: &str) -> Option<&TaskExecution> {
        self.last_by_name.get(name).map(|&i| &self.tasks[i])
    }

    /// The next task sequence number.
    pub fn next_seq(&self) -> u64 {
        self.max_seq + 1
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
