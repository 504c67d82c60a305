//! Data flow: the contexts tasks see, task results, and the functions
//! expressions can call (`task()`, `execution()`, ...).
//!
//! Contexts are not copied into every task. Each task execution stores only
//! what it published; the context a task sees is rebuilt from the tasks that
//! triggered it (its `triggered_by` chain), and shared (`Arc`) when nothing
//! was added. When branches join, a key published later wins: every value
//! carries the sequence number of the task that published it (Mistral's
//! context versioning).

use std::collections::HashMap;
use std::sync::Arc;

use bora_expr::context::DataContext;
use bora_expr::eval::ExprError;
use bora_expr::functions::ExprHost;
use serde_json::{Map, Value, json};

use crate::execution::Execution;
use crate::records::{
    ActionExecution, ActionResult, TaskExecution, TaskKind, Timestamp, WorkflowExecution,
};
use crate::state::State;

/// The branch context flowing out of a task: values and, per key, the
/// sequence number of the task that published it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BranchContext {
    pub values: Map<String, Value>,
    pub versions: HashMap<String, u64>,
}

impl BranchContext {
    /// Merges `other` in: for each key the later publication wins.
    fn merge(&mut self, other: &BranchContext) {
        for (key, value) in &other.values {
            let theirs = other.versions.get(key).copied().unwrap_or(0);
            let ours = self.versions.get(key).copied();
            if ours.is_none_or(|ours| theirs > ours) {
                self.values.insert(key.clone(), value.clone());
                self.versions.insert(key.clone(), theirs);
            }
        }
    }
}

/// Memoised outbound contexts, kept with the execution in memory from step
/// to step (a chain of quick actions is many steps of one execution in a
/// row), so that each step computes only what is new instead of walking
/// the whole chain again.
///
/// An entry stays right as long as nothing it was computed from changes:
/// the task's `published` and `triggered_by`, and the same of its
/// ancestors. Computing an entry inserts the entries of every ancestor it
/// used, and entries leave only all together, so whenever some entry
/// depends on a task, that task has an entry too. Hence [`Self::invalidate`]
/// forgets everything when the changed task has an entry (a rerun, a
/// changed join), and nothing when it has none (a task publishing as it
/// completes, before anything was computed from it).
#[derive(Debug, Clone, Default)]
pub struct Contexts {
    outbound: HashMap<String, Arc<BranchContext>>,
}

impl Contexts {
    /// The context a task starts with: the merge of the outbound contexts of
    /// the tasks that triggered it (`{}` for start tasks).
    pub fn inbound(&mut self, exec: &Execution, task_id: &str) -> Arc<BranchContext> {
        let Some(task) = exec.task(task_id) else {
            return Arc::default();
        };
        match task.triggered_by.as_slice() {
            [] => Arc::default(),
            [only] => self.outbound(exec, only),
            parents => {
                let mut merged = BranchContext::default();
                for parent in parents {
                    let ctx = self.outbound(exec, parent);
                    merged.merge(&ctx);
                }
                Arc::new(merged)
            }
        }
    }

    /// The context a task passes on: its inbound context plus what it
    /// published. Computed iteratively along the chain of first parents, so a
    /// long chain of tasks neither recurses deeply nor copies per task when
    /// nothing was published.
    pub fn outbound(&mut self, exec: &Execution, task_id: &str) -> Arc<BranchContext> {
        if let Some(found) = self.outbound.get(task_id) {
            return found.clone();
        }
        // Walk up while the ancestor is unknown; then compute downwards.
        let mut chain = vec![task_id.to_owned()];
        let mut in_chain: std::collections::HashSet<String> = chain.iter().cloned().collect();
        while let Some(current) = chain.last().and_then(|id| exec.task(id)) {
            let unknown = current
                .triggered_by
                .iter()
                .find(|p| !self.outbound.contains_key(*p) && !in_chain.contains(*p));
            match unknown {
                Some(parent) => {
                    in_chain.insert(parent.clone());
                    chain.push(parent.clone());
                }
                None => break,
            }
            if chain.len() > exec.tasks.len() + 1 {
                break; // defensive: triggered_by never forms a cycle
            }
        }
        while let Some(id) = chain.pop() {
            if self.outbound.contains_key(&id) {
                continue;
            }
            // Parents other than the first may still be unknown: compute them
            // (they are shallow in practice: join fan-ins).
            let inbound = self.inbound(exec, &id);
            let ctx = match exec.task(&id) {
                Some(task) if !task.published.is_empty() => {
                    let mut ctx = (*inbound).clone();
                    for (key, value) in &task.published {
                        ctx.values.insert(key.clone(), value.clone());
                        ctx.versions.insert(key.clone(), task.seq);
                    }
                    Arc::new(ctx)
                }
                _ => inbound,
            };
            self.outbound.insert(id, ctx);
        }
        self.outbound.get(task_id).cloned().unwrap_or_default()
    }

    /// Forgets what may depend on `task_id`, whose `published` or
    /// `triggered_by` changed (see the type's documentation).
    pub fn invalidate(&mut self, task_id: &str) {
        if self.outbound.contains_key(task_id) {
            self.outbound.clear();
        }
    }

    /// The final context of a workflow: the merged outbound contexts of the
    /// completed tasks that led nowhere.
    pub fn final_context(&mut self, exec: &Execution) -> Map<String, Value> {
        if exec.plan.is_reverse() {
            // Reverse workflows: the outbound context of the target task.
            let target = exec.record.params.get("task_name").and_then(Value::as_str);
            return match target.and_then(|name| exec.last_task_named(name)) {
                Some(task) => self.outbound(exec, &task.id.clone()).values.clone(),
                None => Map::new(),
            };
        }
        let mut merged = BranchContext::default();
        let leaves: Vec<String> = exec
            .tasks
            .iter()
            .filter(|t| t.state.is_completed() && t.next_tasks.is_empty())
            .map(|t| t.id.clone())
            .collect();
        for id in leaves {
            let ctx = self.outbound(exec, &id);
            merged.merge(&ctx);
        }
        merged.values
    }
}

/// The result of a task: its action's result, its sub-workflow's output, or
/// for with-items the list of them by index.
pub fn task_result(exec: &Execution, task: &TaskExecution) -> Value {
    result_from(task, exec.actions_of(&task.id), exec.children_of(&task.id))
}

/// A task's result from its action executions or sub-workflow executions
/// (whichever its kind uses); shared by the engine and the REST API.
pub fn result_from<'a>(
    task: &TaskExecution,
    actions: impl Iterator<Item = &'a ActionExecution>,
    children: impl Iterator<Item = &'a WorkflowExecution>,
) -> Value {
    let with_items = task.runtime_context.with_items.is_some();
    let mut results: Vec<(u32, Value)> = match task.kind {
        TaskKind::Action => actions
            .filter(|a| a.accepted)
            .map(|a| {
                let value = match &a.result {
                    Some(ActionResult::Success(v)) | Some(ActionResult::Error(v)) => v.clone(),
                    Some(ActionResult::Cancelled) | None => Value::Null,
                };
                (a.index, value)
            })
            .collect(),
        TaskKind::Workflow => children
            .filter(|c| c.state.is_completed() && !is_superseded(task, &c.id))
            .map(|c| {
                let value = match c.state {
                    State::Success => Value::Object(c.output.clone()),
                    _ => c
                        .state_info
                        .clone()
                        .map(Value::String)
                        .unwrap_or(Value::Null),
                };
                (c.index.unwrap_or(0), value)
            })
            .collect(),
    };
    results.sort_by_key(|(index, _)| *index);
    if with_items {
        return Value::Array(results.into_iter().map(|(_, v)| v).collect());
    }
    // Mistral: `results[0] if len(results) == 1 else results`, so a task
    // without a result yet (e.g. in its own input) gives `[]`.
    match results.len() {
        1 => results.pop().map(|(_, v)| v).unwrap_or(Value::Null),
        _ => Value::Array(results.into_iter().map(|(_, v)| v).collect()),
    }
}

/// Whether a retry, rerun or timeout gave up this sub-workflow's or
/// action's result.
pub fn is_superseded(task: &TaskExecution, child_id: &str) -> bool {
    task.runtime_context.is_superseded(child_id)
}

/// Mistral's time format in expressions: `YYYY-MM-DD HH:MM:SS[.ffffff]`.
pub fn format_time(ts: Timestamp) -> String {
    match chrono::DateTime::from_timestamp_micros(ts) {
        Some(t) => {
            if ts % 1_000_000 == 0 {
                t.format("%Y-%m-%d %H:%M:%S").to_string()
            } else {
                t.format("%Y-%m-%d %H:%M:%S%.6f").to_string()
            }
        }
        None => String::new(),
    }
}

/// What `task()` gives for a task execution. A task being published shows
/// the state it completes in.
pub fn task_dict(exec: &Execution, task: &TaskExecution) -> Value {
    let state = match &exec.publishing {
        Some((id, state)) if *id == task.id => *state,
        _ => task.state,
    };
    json!({
        "id": task.id,
        "name": task.name,
        "spec": exec.plan.workflow.spec.get("tasks").and_then(|t| t.get(&task.name)),
        "state": state.as_str(),
        "state_info": task.state_info,
        "result": task_result(exec, task),
        "published": task.published_value(),
        "type": task.kind.as_str(),
        "workflow_execution_id": task.workflow_execution_id,
        "created_at": format_time(task.created_at),
        "updated_at": task.updated_at.map(format_time),
    })
}

/// What a step's expressions read from outside the execution: the step's
/// time (`now()`) and a generator seeded by the step's [`Env`](crate::env::Env)
/// (`uuid()`, `random()`, Jinja's `random`), so a replayed step evaluates
/// to the same values.
#[derive(Debug, Clone, Default)]
pub struct ExprEnv {
    pub now: Timestamp,
    pub random: bora_expr::random::SharedSplitMix64,
}

impl ExprEnv {
    pub fn new(now: Timestamp, seed: u64) -> Self {
        Self {
            now,
            random: bora_expr::random::SharedSplitMix64::new(seed),
        }
    }
}

/// The functions expressions may call, answered from the execution in
/// memory: no database is needed.
pub struct CoreHost<'a> {
    pub exec: &'a Execution,
    /// The task whose field is being evaluated (`task()` without a name).
    pub current_task: Option<&'a str>,
}

impl ExprHost for CoreHost<'_> {
    fn limits(&self) -> &bora_expr::Limits {
        &self.exec.expr_limits
    }

    fn now_micros(&self) -> i64 {
        self.exec.expr_env.now
    }

    fn random_u64(&self) -> u64 {
        self.exec.expr_env.random.next_u64()
    }

    fn task(&self, name: Option<&str>) -> Result<Option<Value>, String> {
        let current = self.current_task.and_then(|id| self.exec.task(id));
        let found = match (name, current) {
            (None, current) => current,
            (Some(name), Some(current)) if current.name == name => Some(current),
            (Some(name), _) => self.exec.last_task_named(name),
        };
        Ok(found.map(|t| task_dict(self.exec, t)))
    }

    fn tasks(
        &self,
        workflow_execution_id: Option<&str>,
        _recursive: bool,
        state: Option<&str>,
        _flat: bool,
    ) -> Result<Value, String> {
        if workflow_execution_id.is_some_and(|id| id != self.exec.record.id) {
            return Ok(Value::Array(Vec::new()));
        }
        Ok(Value::Array(
            self.exec
                .tasks
                .iter()
                .filter(|t| state.is_none_or(|s| t.state.as_str() == s))
                .map(|t| task_dict(self.exec, t))
                .collect(),
        ))
    }

    fn execution(&self) -> Result<Value, String> {
        let r = &self.exec.record;
        Ok(json!({
            "id": r.id,
            "name": r.workflow_name,
            "spec": self.exec.plan.workflow.spec,
            "input": r.input,
            "params": r.params,
            "created_at": format_time(r.created_at),
            "updated_at": r.updated_at.map(format_time),
            "root_execution_id": r.root_execution_id,
        }))
    }

    fn global(&self, name: &str) -> Result<Option<Value>, String> {
        Ok(self.exec.record.context.get(name).cloned())
    }
}

/// Builds the data seen by a task's expressions, as Mistral's `ContextView`:
/// task identity and extra values (with-items variables) first, then the
/// environment, the task's branch context, the workflow's global context
/// and its input.
pub fn task_data(
    exec: &Execution,
    task: Option<&TaskExecution>,
    extra: Map<String, Value>,
    branch: &BranchContext,
) -> DataContext {
    let mut top = extra;
    if let Some(task) = task {
        top.insert(
            "__task_execution".to_owned(),
            json!({"id": task.id, "name": task.name}),
        );
    }
    top.insert("__execution".to_owned(), json!({"id": exec.record.id}));
    let env = json!({"__env": exec.env()});
    DataContext::layered([
        Arc::new(Value::Object(top)),
        Arc::new(env),
        Arc::new(Value::Object(branch.values.clone())),
        Arc::new(Value::Object(exec.record.context.clone())),
        Arc::new(Value::Object(exec.record.input.clone())),
    ])
}

/// Evaluates one string against `data` with the plan's compiled cache.
pub fn eval_text(
    exec: &Execution,
    text: &str,
    data: &DataContext,
    current_task: Option<&str>,
) -> Result<Value, ExprError> {
    let host = CoreHost { exec, current_task };
    let evaluated = exec.plan.compiled(text).evaluate(data, &host);
    if let Err(err) = &evaluated {
        exec.expr_errors.record(err);
    }
    evaluated
}

/// Mistral's `evaluate_recursively`: strings in dicts and lists are
/// evaluated, keys are not.
pub fn eval_data(
    exec: &Execution,
    value: &Value,
    data: &DataContext,
    current_task: Option<&str>,
) -> Result<Value, ExprError> {
    match value {
        Value::String(text) => eval_text(exec, text, data, current_task),
        Value::Array(items) => items
            .iter()
            .map(|item| eval_data(exec, item, data, current_task))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        Value::Object(map) => {
            let mut out = Map::with_capacity(map.len());
            for (key, item) in map {
                out.insert(key.clone(), eval_data(exec, item, data, current_task)?);
            }
            Ok(Value::Object(out))
        }
        other => Ok(other.clone()),
    }
}

/// Python's truthiness of a JSON value (conditions, `fail-on`, ...).
pub fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}
